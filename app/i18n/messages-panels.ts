// Words of the 3+X joint panels (会商研判, issue 9): composing, booking, confirming, minutes, in both languages. Composed into `messages` in ./messages.ts.
const zh = {
  panels: {
    title: "会商研判",
  },
};

const en: typeof zh = {
  panels: {
    title: "Joint panels (3+X)",
  },
};

export const panelMessages = { zh, en };
