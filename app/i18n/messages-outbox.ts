// Words of the staff's notification outbox page, in both languages. Composed into `messages` in ./messages.ts.

const zh = {
  outbox: {
    title: "通知记录",
    heading: "通知记录（发件箱）",
    intro: "演示系统没有接入真实的短信和邮件服务。这里列出每一条“本应发出”的通知，最新的在前，供中心工作人员核对。",
    count: (n: number) => `最近 ${n} 条`,
    time: "时间",
    channel: "渠道",
    to: "收件人",
    subject: "主题",
    body: "内容",
    delivered: "发送状态",
    booking: "预约",
    channels: { email: "邮件", sms: "短信" } as Record<string, string>,
    deliveredAt: (when: string) => `已发送 ${when}`,
    waiting: "待发送",
    failed: (n: number) => `发送失败 ${n} 次`,
    empty: "还没有通知。",
  },
  // A mediator's private calendar feed (issue 11): /calendar/feed and its section on /account.
  calendarFeed: {
    title: "日历订阅",
    heading: "日历订阅",
    intro:
      "把您的调解日程订阅到手机或电脑的日历（iPhone、安卓、Outlook 等）：新的预约、确认、改期和取消会自动出现，开始前一天和两小时前会提醒您。",
    privacy: "订阅地址是私密的，知道地址的人都能看到您的日程，但看不到当事人的姓名和电话。不再需要或担心泄露时，请停用它。",
    manage: "管理日历订阅",
    none: "您还没有订阅地址。",
    active: (since: string) => `订阅地址已启用，${since} 生成。`,
    lastUsed: (when: string) => `日历最近一次读取：${when}。`,
    neverUsed: "还没有日历读取过这个地址。",
    create: "生成订阅地址",
    replace: "生成新的订阅地址（旧地址随即停用）",
    revoke: "停用订阅地址",
    created: "新的订阅地址如下。它只显示这一次：请现在复制，在日历应用中选择“添加日历 → 通过网址订阅”并粘贴。",
    urlLabel: "订阅地址",
    open: "在日历应用中打开",
    revoked: "订阅地址已停用，日历应用不会再收到更新。",
    back: "返回我的账号",
  },
};

export type OutboxMessages = typeof zh;

const en: OutboxMessages = {
  outbox: {
    title: "Notifications",
    heading: "Notifications (outbox)",
    intro:
      "This demo sends no real texts or emails. Every notification that would have been sent is listed here, newest first, for centre staff to check.",
    count: (n: number) => `Latest ${n}`,
    time: "Time",
    channel: "Channel",
    to: "To",
    subject: "Subject",
    body: "Message",
    delivered: "Delivery",
    booking: "Booking",
    channels: { email: "Email", sms: "Text" },
    deliveredAt: (when: string) => `Sent ${when}`,
    waiting: "Waiting",
    failed: (n: number) => `Failed ${n} ×`,
    empty: "No notifications yet.",
  },
  calendarFeed: {
    title: "Calendar feed",
    heading: "Calendar feed",
    intro:
      "Subscribe to your mediation sessions in your phone's or computer's calendar (iPhone, Android, Outlook…): new requests, confirmations, moves and cancellations appear by themselves, with reminders the day before and two hours before.",
    privacy:
      "The feed's address is private: anyone who has it sees your sessions, but never a party's name or phone. Turn it off when you no longer need it or fear it got out.",
    manage: "Manage calendar feed",
    none: "You have no feed address yet.",
    active: (since: string) => `Your feed address is on, made ${since}.`,
    lastUsed: (when: string) => `Last read by a calendar: ${when}.`,
    neverUsed: "No calendar has read this address yet.",
    create: "Make a feed address",
    replace: "Make a new feed address (the old one stops working)",
    revoke: "Turn the feed address off",
    created:
      "Here is your new feed address. It is shown this once: copy it now, and in your calendar app choose “Add calendar → From URL” and paste it.",
    urlLabel: "Feed address",
    open: "Open in your calendar app",
    revoked: "The feed address is off; calendar apps will get no more updates.",
    back: "Back to my account",
  },
};

export const outboxMessages = { zh, en };
