// Words of the booking journey (issue 11): confirmation, holds, deadlines, rescheduling, in both languages. Composed into `messages` in ./messages.ts.
const zh = {
  journey: {
    title: "预约",
  },
};

const en: typeof zh = {
  journey: {
    title: "Booking",
  },
};

export const journeyMessages = { zh, en };
