import type { SearchDocument } from "../types";
import { DocStore } from "./docs";

const doc = (id: string, score: number) => ({ id, score, closed: 0, nextAvailableAt: null }) as unknown as SearchDocument;

/** (success descending, id ascending): the order `DocStore.before` must give. */
const naive = (a: SearchDocument, b: SearchDocument) => (a.score !== b.score ? a.score > b.score : a.id < b.id);

function checkOrder(store: DocStore): void {
  const live = [...Array(store.size).keys()].filter((d) => store.alive[d]);
  const pairs = live.flatMap((a) => live.filter((b) => b !== a).map((b) => [a, b] as const));
  expect(pairs.length).toBe(live.length * (live.length - 1));
  for (const [a, b] of pairs) expect(store.before(a, b)).toBe(naive(store.docs[a]!, store.docs[b]!));
}

describe("DocStore ranks (success, then id)", () => {
  let seed = 1;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0), seed / 2 ** 32);
  const scores = [0, 0, 0, 0.3, 0.7];

  it("agree with the order before any ranking, after one, and for slots added or replaced since", () => {
    const store = new DocStore();
    for (let i = 0; i < 60; i++) store.add(doc(`mediator-${i}`, scores[i % scores.length]));
    checkOrder(store); // nothing ranked yet: every slot shares one rank, values decide
    store.rankAll();
    checkOrder(store);
    for (let i = 0; i < 80; i++) {
      const id = `mediator-${Math.floor(rnd() * 90)}`;
      store.remove(id);
      store.add(doc(id, scores[Math.floor(rnd() * scores.length)]));
    }
    checkOrder(store); // new slots between ranked ones, several in one gap
    store.compact();
    checkOrder(store);
    store.rankAll();
    checkOrder(store);
    const live = [...Array(store.size).keys()].filter((d) => store.alive[d]);
    expect(new Set(live.map((d) => store.rank[d])).size).toBe(live.length);
  });
});
