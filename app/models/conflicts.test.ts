// Conflict matching (ADR 021): names folded alike, people by their whole name, places and boats inside
// longer texts.
import { describe, expect, it } from "vitest";
import { conflictOf, foldCaseText, normalizeTieName, tieMatches } from "./conflicts";

describe("normalizeTieName", () => {
  it("removes spaces and punctuation, folds full width, lower case and traditional characters", () => {
    expect(normalizeTieName("  浙普渔 60123 ")).toBe("浙普渔60123");
    expect(normalizeTieName("浙普漁６０１２３號")).toBe("浙普渔60123号");
    expect(normalizeTieName("舟山藍灣（示例）漁業有限公司")).toBe("舟山蓝湾示例渔业有限公司");
    expect(normalizeTieName("Blue-Bay Fishery Co.")).toBe("bluebayfisheryco");
  });
});

describe("tieMatches", () => {
  const text = foldCaseText({ partyNames: ["王伟国", "舟山蓝湾示例渔业有限公司"], description: "船只浙普渔60123号在六横镇小湖村码头碰撞" });
  const tie = (kind: "village" | "boat" | "employer" | "kin" | "organisation" | "person", name: string) => ({
    kind,
    normalized: normalizeTieName(name),
  });

  it("a person or relative only by the whole name", () => {
    expect(tieMatches(tie("kin", "王伟国"), text)).toBe(true);
    expect(tieMatches(tie("person", "王伟"), text)).toBe(false);
  });
  it("an organisation or employer by its name in a party's, folded", () => {
    expect(tieMatches(tie("employer", "舟山藍灣示例漁業有限公司"), text)).toBe(true);
    expect(tieMatches(tie("organisation", "蓝湾示例渔业"), text)).toBe(true);
  });
  it("a boat or a village by its name in the description", () => {
    expect(tieMatches(tie("boat", "浙普渔 60123"), text)).toBe(true);
    expect(tieMatches(tie("village", "小湖村"), text)).toBe(true);
    expect(tieMatches(tie("village", "大湖村"), text)).toBe(false);
  });
  it("a name too short to stand inside a longer text does not match by accident", () => {
    expect(tieMatches(tie("village", "湖村"), text)).toBe(false);
  });
  it("conflictOf returns the tie that matched", () => {
    const ties = [
      { id: 1, mediatorId: 9, kind: "boat" as const, normalized: "浙普渔99999" },
      { id: 2, mediatorId: 9, kind: "boat" as const, normalized: "浙普渔60123" },
    ];
    expect(conflictOf(ties, text)?.id).toBe(2);
    expect(conflictOf(ties.slice(0, 1), text)).toBeNull();
  });
});
