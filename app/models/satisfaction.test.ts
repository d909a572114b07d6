// Satisfaction has one definition (domain/record.ts): the share of ratings with 4 or 5 stars, 0–1, null
// with no ratings. A record's `satisfaction` and the centre's `satisfactionRate` both use it.
import { describe, expect, it } from "vitest";
import { isSatisfiedRating, satisfactionShare, SATISFIED_MIN_STARS } from "../../domain/record";

describe("satisfaction", () => {
  it("counts 4 and 5 stars as satisfied, 1 to 3 not", () => {
    expect(SATISFIED_MIN_STARS).toBe(4);
    expect([1, 2, 3, 4, 5].map(isSatisfiedRating)).toEqual([false, false, false, true, true]);
  });

  it("is the share of satisfied ratings, 0–1, null without ratings", () => {
    const stars = [5, 4, 2, 3];
    expect(satisfactionShare(stars.filter(isSatisfiedRating).length, stars.length)).toBe(0.5);
    expect(satisfactionShare(25, 25)).toBe(1);
    expect(satisfactionShare(0, 3)).toBe(0);
    expect(satisfactionShare(0, 0)).toBeNull();
  });
});
