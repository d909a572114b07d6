// A member confirms or declines their seat `{answer}`; staff answer for a member `{answer, personId}`.
import { panelSeatAnswerSchema } from "~/models/panel-schemas";
import { respondToPanelSeat } from "~/models/panels.server";
import { getDb } from "~/db.server";
import { notFound } from "~/utils/api.server";
import { panelStep } from "~/utils/panel-route.server";

export const { loader, action } = panelStep(panelSeatAnswerSchema, ({ user, id, body, now }) => {
  const personId = body.personId ?? user.mediatorId;
  if (personId === null) return notFound("Seat");
  return respondToPanelSeat(getDb(), { panelId: id, personId, answer: body.answer, actor: user, now });
});
