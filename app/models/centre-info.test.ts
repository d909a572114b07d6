import { describe, expect, it } from "vitest";
import { CENTRE, DIRECTIONS, islandDirections, WHAT_TO_BRING, whatToBring } from "../../domain/centre";
import { CATEGORIES, TOWNS } from "../../domain";

describe("the centre's practical details", () => {
  it("gives directions for every island town and for no other", () => {
    for (const { town, directions } of islandDirections()) {
      expect(directions, town.slug).toBeDefined();
      expect(directions!.crossingMinutes).toBeGreaterThan(0);
      expect(directions!.pier.zh && directions!.pier.en).toBeTruthy();
    }
    const islands = new Set<string>(TOWNS.filter((t) => t.island).map((t) => t.slug));
    for (const d of DIRECTIONS) expect(islands.has(d.town), d.town).toBe(true);
    expect(new Set(DIRECTIONS.map((d) => d.town)).size).toBe(DIRECTIONS.length);
  });

  it("has a what-to-bring list in both languages for every category", () => {
    for (const c of CATEGORIES) {
      const list = WHAT_TO_BRING[c.slug];
      expect(list.length, c.slug).toBeGreaterThanOrEqual(2);
      for (const item of list) expect(item.zh.length > 0 && item.en.length > 0, c.slug).toBe(true);
    }
    expect(Object.keys(WHAT_TO_BRING).sort()).toEqual(CATEGORIES.map((c) => c.slug).sort());
    expect(whatToBring("unknown").length).toBeGreaterThan(0);
  });

  it("names opening hours and an address in both languages", () => {
    expect(CENTRE.address.zh).toMatch(/演示/);
    expect(CENTRE.address.en).toMatch(/demo/);
    expect(CENTRE.hours.some((h) => h.time === null)).toBe(true);
  });
});

describe("the online room link", () => {
  it("is stable for a booking, differs between bookings, and is a token rather than the id", async () => {
    const { onlineRoomUrl } = await import("./centre-info.server");
    expect(onlineRoomUrl(41)).toBe(onlineRoomUrl(41));
    expect(onlineRoomUrl(41)).not.toBe(onlineRoomUrl(42));
    const token = onlineRoomUrl(41).split("/").pop()!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
