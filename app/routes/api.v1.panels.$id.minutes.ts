// The minutes of a panel (会商纪要): who said what, the plan, dissent, the outcome. Staff or the chief mediator.
import { panelMinutesSchema } from "~/models/panel-schemas";
import { recordPanelMinutes } from "~/models/panels.server";
import { getDb } from "~/db.server";
import { panelStep } from "~/utils/panel-route.server";

export const { loader, action } = panelStep(panelMinutesSchema, ({ user, id, body, now }) =>
  recordPanelMinutes(getDb(), { ...body, panelId: id, actor: user, now }),
);
