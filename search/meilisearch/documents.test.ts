import {
  assertValidDocumentId,
  characters,
  CHARACTERS_FIELD,
  fromMeiliDocument,
  latinWords,
  LATIN_WORDS_FIELD,
  toMeiliDocument,
} from "./documents";
import { committeeDoc, lawyerDoc } from "./test-fixtures";

describe("toMeiliDocument / fromMeiliDocument", () => {
  it("round-trips a document with a next free slot", () => {
    const doc = lawyerDoc();
    const stored = toMeiliDocument(doc);
    expect(stored.nextAvailableAt).toBe(doc.nextAvailableAt);
    expect(fromMeiliDocument(stored)).toEqual(doc);
  });

  it("leaves an unknown next free slot out, so sorting puts it last, and reads it back as null", () => {
    const doc = committeeDoc();
    const stored = toMeiliDocument(doc);
    expect("nextAvailableAt" in stored).toBe(false);
    expect(JSON.parse(JSON.stringify(stored))).not.toHaveProperty("nextAvailableAt");
    expect(fromMeiliDocument(stored)).toEqual(doc);
  });

  it("keeps the other nullable fields as null", () => {
    const stored = toMeiliDocument(committeeDoc());
    expect(stored.organisation).toBeNull();
    expect(stored.successRate).toBeNull();
  });

  it("does not change the document it was given", () => {
    const doc = committeeDoc();
    const copy = structuredClone(doc);
    toMeiliDocument(doc);
    expect(doc).toEqual(copy);
  });

  it("drops the fields Meilisearch adds to a hit", () => {
    const hit = {
      ...toMeiliDocument(lawyerDoc()),
      _formatted: { name: "<mark>王</mark>芳" },
      _rankingScore: 0.9,
      _matchesPosition: {},
    };
    const back = fromMeiliDocument(hit);
    expect(Object.keys(back).sort()).toEqual(Object.keys(lawyerDoc()).sort());
  });

  it("adds the Latin words of the Chinese text fields, once each, and reads them back as nothing", () => {
    const doc = lawyerDoc({ bio: "Mediation of ship collisions; 熟悉涉外海事案件 (mediation)。" });
    const stored = toMeiliDocument(doc);
    expect(stored[LATIN_WORDS_FIELD]).toBe(latinWords(doc));
    expect(latinWords(doc)).toBe(
      "Mediation of ship collisions mediation Labour disputes New residents migrant workers rights Liuheng Shenjiamen",
    );
    expect(fromMeiliDocument(stored)).toEqual(doc);
    expect(latinWords(committeeDoc({ categoryNames: [], townNames: [] }))).toBe("");
  });

  it("adds each Chinese character of the searchable text once, as written, and reads them back as nothing", () => {
    const doc = committeeDoc({ bio: "渔船碰撞。Mediation", memberNames: ["李海", "陈渔"], townNames: ["东极镇", "Dongji"] });
    const stored = toMeiliDocument(doc);
    expect(stored[CHARACTERS_FIELD]).toEqual(characters(doc));
    expect(characters(doc)).toEqual([..."海事渔纠纷调解委员会李陈东极镇船碰撞"]);
    expect(fromMeiliDocument(stored)).toEqual(doc);
  });

  it("fills what a stored document lacks with safe empties", () => {
    expect(fromMeiliDocument({ id: "mediator-1", kind: "expert" })).toMatchObject({
      id: "mediator-1",
      kind: "expert",
      organisation: null,
      successRate: null,
      nextAvailableAt: null,
      categories: [],
      memberNames: [],
      score: 0,
    });
  });
});

describe("assertValidDocumentId", () => {
  it.each(["mediator-12", "committee-3", "a_b-C9"])("accepts %s", (id) => {
    expect(() => assertValidDocumentId(id)).not.toThrow();
  });

  it.each(["", "mediator 12", "调解员-1", "mediator/12", "x".repeat(512)])("rejects %j", (id) => {
    expect(() => assertValidDocumentId(id)).toThrow(/Invalid Meilisearch document id/);
  });

  it("is checked when a document is converted", () => {
    expect(() => toMeiliDocument(lawyerDoc({ id: "mediator 12" }))).toThrow(/Invalid Meilisearch document id/);
  });
});
