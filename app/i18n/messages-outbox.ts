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
};

export const outboxMessages = { zh, en };
