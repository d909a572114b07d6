// Words of the mediator's dashboard (requests to answer, upcoming sessions), in both languages. Composed into `messages` in ./messages.ts.

const zh = {
  dashboard: {
    title: "调解员工作台",
    heading: "工作台",
    notLinked: "这个账号还没有关联调解员资料，请联系中心管理员。",
    availabilityLink: "设置可约时间",
    allBookingsLink: "全部预约",
    profileLink: "我的公开主页",
    pendingHeading: (n: number) => `待答复的请求（${n}）`,
    pendingEmpty: "目前没有待答复的请求。",
    upcomingHeading: (n: number) => `即将进行的调解（${n}）`,
    upcomingEmpty: "近期没有已确认的调解。",
    respondBy: (when: string) => `请在 ${when} 前答复`,
    moveBadge: "改期",
    confirm: "确认",
    decline: "婉拒",
    declineSummary: "婉拒并说明理由",
    cancelSummary: "取消这次调解",
    done: {
      confirmed: (caseNumber: string) => `已确认 ${caseNumber} 的预约，当事人会收到通知。`,
      declined: (caseNumber: string) => `已婉拒 ${caseNumber} 的预约，当事人会收到通知。`,
      cancelled: (caseNumber: string) => `已取消 ${caseNumber} 的预约，当事人会收到通知。`,
    },
    detail: (caseNumber: string) => `${caseNumber} 的预约详情`,
  },
};

export type DashboardMessages = typeof zh;

const en: DashboardMessages = {
  dashboard: {
    title: "Mediator dashboard",
    heading: "Dashboard",
    notLinked: "This account is not linked to a mediator yet; please ask the centre's administrator.",
    availabilityLink: "Set my available times",
    allBookingsLink: "All my bookings",
    profileLink: "My public profile",
    pendingHeading: (n: number) => `Requests awaiting your answer (${n})`,
    pendingEmpty: "No requests await your answer.",
    upcomingHeading: (n: number) => `Upcoming sessions (${n})`,
    upcomingEmpty: "No confirmed sessions coming up.",
    respondBy: (when: string) => `Answer by ${when}`,
    moveBadge: "Move",
    confirm: "Confirm",
    decline: "Decline",
    declineSummary: "Decline with a reason",
    cancelSummary: "Cancel this session",
    done: {
      confirmed: (caseNumber: string) => `Session of ${caseNumber} confirmed; the party is notified.`,
      declined: (caseNumber: string) => `Session of ${caseNumber} declined; the party is notified.`,
      cancelled: (caseNumber: string) => `Session of ${caseNumber} cancelled; the party is notified.`,
    },
    detail: (caseNumber: string) => `Session of ${caseNumber}: details`,
  },
};

export const dashboardMessages = { zh, en };
