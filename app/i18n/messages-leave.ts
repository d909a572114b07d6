// Words of the availability editor's stranded sessions and the waitlist (issue 11), in both languages. Composed into `messages` in ./messages.ts.
const zh = {
  leave: {
    title: "请假与已约调解",
  },
};

const en: typeof zh = {
  leave: {
    title: "Leave and booked sessions",
  },
};

export const leaveMessages = { zh, en };
