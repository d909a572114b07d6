// Why a step on a case was refused, in the page's words: one sentence per stable reason of the case
// rules (app/models/case-rules.ts) and of the consent answer (app/models/errors.ts), saying what
// happened and, where there is one, what to do instead. Composed into `messages` through
// messages-cases.ts under `caseRefusals`.
import { JUDICIAL_CONFIRMATION_DAYS } from "../../domain";
import type { CaseReason } from "~/models/errors";

const zh: Record<CaseReason, string> = {
  not_your_step: "这一步不由您来做。",
  mediator_settled: "调解员已经选定（或案件已结束），不再接受对调解员的答复。",
  not_awaiting_start: "只有选定了调解员、尚未开始调解的案件才能开始调解。",
  too_late_to_refuse: "调解已经开始或已经结束，不能再拒绝调解；调解中任何一方都可以随时提出终止。",
  case_closed: "案件已经结束，不能再撤回。",
  no_outcome_now: "调解结果要在选定调解员之后、结案之前记录，且只记录一次。",
  no_mediator: "双方还没有选定调解员。",
  reopen_not_closed: "只有已结案的案件才能重新调解。",
  reopen_needs_agreement: "只有达成调解协议的案件才能重新调解。",
  reopen_needs_rejection: "只有法院裁定不予确认调解协议后，才能重新调解。",
  no_agreement: "这个案件没有以调解协议结案。",
  already_acknowledged: "您已经确认过这份调解协议。",
  rate_after_close: "案件结案后才能评价。",
  no_one_mediated: "这个案件没有经过调解，无需评价。",
  already_rated: "每位当事人只能评价一次。",
  agreement_not_effective: "各方当事人都确认调解协议后，协议才生效，之后才能申请司法确认。",
  confirmation_applied: "已经记录了司法确认申请，请记录法院的裁定。",
  confirmation_too_late: `司法确认应在调解协议生效之日起 ${JUDICIAL_CONFIRMATION_DAYS} 日内申请，已经超过期限。`,
  no_confirmation_application: "还没有记录司法确认申请。",
  not_confirmed: "只有经法院司法确认的调解协议才能申请强制执行；未确认的协议可以向法院起诉。",
  no_pick: "申请人没有选择调解员，请按推荐名单排序。",
  applicant_withdraws: "申请人不能拒绝调解，可以撤回申请。",
  changed_meanwhile: "案件刚刚有了变化，请看看现在的情况再操作。",
  not_informed: "请先阅读人民调解的说明并勾选确认。",
  not_on_shortlist: "只能排序推荐名单中的调解员。",
  // 3+X joint panels (issue 9).
  panel_not_major: "会商研判只用于重大或群体性纠纷；简单纠纷由一位调解员调解。",
  panel_exists: "这个案件已经安排了会商，请在现有会商中调整。",
  not_a_candidate: "所选人员不能担任这一席位，请从候选名单中选择。",
  duplicate_member: "同一个人不能同时担任两个席位。",
  seat_answered: "这个席位已经答复过了。",
  panel_not_booked: "会商已经取消或已记录纪要，不能再修改。",
  no_room: "所选会议室不可用，请选择中心的其他会议室。",
  panel_not_started: "会商开始之后才能记录纪要。",
  not_chief: "会商纪要由中心工作人员或首席调解员记录。",
};

const en: Record<CaseReason, string> = {
  not_your_step: "This step is not yours to take.",
  mediator_settled: "The mediator is chosen already (or the case is over): no further answer about the mediator is taken.",
  not_awaiting_start: "Mediation starts once the mediator is chosen, and only once.",
  too_late_to_refuse: "Mediation has begun or ended, so it can no longer be refused; either side may still stop it at any time.",
  case_closed: "The case is closed and can no longer be withdrawn.",
  no_outcome_now: "The outcome is recorded once the mediator is chosen and before the case closes, and only once.",
  no_mediator: "The two sides have not chosen a mediator yet.",
  reopen_not_closed: "Only a closed case goes back to mediation.",
  reopen_needs_agreement: "Only a case closed with an agreement goes back to mediation.",
  reopen_needs_rejection: "A case goes back to mediation only after the court declined to confirm its agreement.",
  no_agreement: "This case did not close with a mediation agreement.",
  already_acknowledged: "You have acknowledged this agreement already.",
  rate_after_close: "A case is rated once it is closed.",
  no_one_mediated: "No one mediated this case, so there is nothing to rate.",
  already_rated: "Each party rates a case once.",
  agreement_not_effective:
    "The agreement takes effect once every party has acknowledged it; only then can judicial confirmation be applied for.",
  confirmation_applied: "The application for judicial confirmation is recorded already; record the court's decision.",
  confirmation_too_late: `Judicial confirmation must be applied for within ${JUDICIAL_CONFIRMATION_DAYS} days of the agreement taking effect; that time has passed.`,
  no_confirmation_application: "No application for judicial confirmation has been recorded yet.",
  not_confirmed: "Only an agreement the court has confirmed can be enforced; otherwise a party may sue.",
  no_pick: "The applicant chose no mediator: rank the shortlist instead.",
  applicant_withdraws: "The applicant does not refuse mediation but may withdraw the request.",
  changed_meanwhile: "The case has just changed; look at where it stands now and try again.",
  not_informed: "Please read what people's mediation is and tick the box first.",
  not_on_shortlist: "Rank only mediators on the shortlist.",
  panel_not_major: "Joint panels are for major and group disputes; a simple dispute is mediated by one mediator.",
  panel_exists: "This case already has a panel booked: change that one instead.",
  not_a_candidate: "That person cannot take this seat: choose from the candidates.",
  duplicate_member: "One person cannot take two seats.",
  seat_answered: "This seat has been answered already.",
  panel_not_booked: "The panel is cancelled or its minutes are recorded: it can no longer change.",
  no_room: "That room is not available: choose another room of the centre.",
  panel_not_started: "Minutes are recorded once the panel has sat.",
  not_chief: "The centre's staff or the chief mediator record the minutes.",
};

export const caseRuleMessages = { zh: { caseRefusals: zh }, en: { caseRefusals: en } };
