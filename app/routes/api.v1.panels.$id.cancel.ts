// Staff cancel a booked panel `{reason}`: everyone's time is freed and every member is told.
import { cancelPanelSchema } from "~/models/panel-schemas";
import { cancelPanel } from "~/models/panels.server";
import { getDb } from "~/db.server";
import { panelStep } from "~/utils/panel-route.server";

export const { loader, action } = panelStep(cancelPanelSchema, ({ user, id, body, now }) =>
  cancelPanel(getDb(), { panelId: id, reason: body.reason, actor: user, now }),
);
