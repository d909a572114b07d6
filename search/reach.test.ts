// The derived reach values and the translation of town/mode filters and counts (ADR 032).
import { describe, expect, it } from "vitest";
import { engineFilters, modeKey, publicFacets, reachValues, servesTown } from "./reach";

const onsiteDongji = { towns: ["dongji"], modes: ["onsite"] };
const onlineOnly = { towns: [], modes: ["online"] };
const centreOnly = { towns: ["shenjiamen"], modes: ["centre"] };

describe("reach", () => {
  it("a town is served on site there or online, not by a centre-only mediator, not by on-site towns without the mode", () => {
    expect([onsiteDongji, onlineOnly, centreOnly].map((d) => servesTown(d, "dongji"))).toEqual([true, true, false]);
    expect(servesTown({ towns: ["dongji"], modes: ["centre"] }, "dongji")).toBe(false);
    expect(servesTown(centreOnly, "dongji", ["centre"])).toBe(true);
  });

  it("holds one value per town and set of modes it is served by", () => {
    expect(reachValues(onsiteDongji).sort()).toEqual(["dongji|centre+online+onsite", "dongji|centre+onsite", "dongji|online+onsite", "dongji|onsite"]);
    // Online: every one of the ten towns, under the four sets holding online.
    expect(reachValues(onlineOnly)).toHaveLength(40);
    expect(reachValues({ towns: [], modes: [] })).toEqual([]);
  });

  it("a chosen town becomes one reach value per town and absorbs the modes; no town leaves filters alone", () => {
    expect(engineFilters({ town: ["dongji"], kind: ["lawyer"] })).toEqual({ town: ["dongji|online+onsite"], kind: ["lawyer"] });
    expect(engineFilters({ town: ["dongji", "xiazhi"], mode: ["onsite"] })).toEqual({ town: ["dongji|onsite", "xiazhi|onsite"] });
    expect(engineFilters({ mode: ["onsite"] })).toEqual({ mode: ["onsite"] });
    expect(modeKey(["online", "onsite", "online"])).toBe("online+onsite");
  });

  it("turns reach counts back into town counts under the chosen modes, and mode counts for the chosen town", () => {
    const counts = {
      kind: { lawyer: 2 },
      category: {},
      language: {},
      mode: { online: 9 },
      town: { "dongji|onsite": 2, "liuheng|onsite": 3, "dongji|online": 5, "dongji|online+onsite": 6 },
    };
    expect(publicFacets(counts, { town: ["dongji"], mode: ["onsite"] })).toEqual({
      kind: { lawyer: 2 },
      category: {},
      language: {},
      town: { dongji: 2, liuheng: 3 },
      mode: { onsite: 2, online: 5 },
    });
    expect(publicFacets(counts, {}).town).toEqual({ dongji: 6 });
    expect(publicFacets(counts, {}).mode).toEqual({ online: 9 });
  });
});
