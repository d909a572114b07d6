import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chooseMutually, type Ranked } from "./mutual-choice";

const r = (...ids: number[]): Ranked[] => ids.map((mediatorId, i) => ({ mediatorId, rank: i + 1 }));
const never = () => null;

describe("choosing a mediator both sides accept", () => {
  it("takes the best combined rank", () => {
    // Applicant: 1, 2, 3. Respondent: 3, 2, 1. Combined: 1→4, 2→4, 3→4: a three-way tie, then the applicant's order.
    expect(chooseMutually(r(1, 2, 3), r(3, 2, 1), never).mediatorId).toBe(1);
    // Respondent strikes 1 and puts 2 first: 2 (2+1=3) beats 3 (3+2=5).
    expect(chooseMutually(r(1, 2, 3), r(2, 3), never).mediatorId).toBe(2);
  });

  it("breaks a tie by the earliest free time", () => {
    const free = (id: number) => ({ 1: 5_000, 2: 1_000, 3: null })[id] ?? null;
    expect(chooseMutually(r(1, 2), r(2, 1), free)).toEqual({
      mediatorId: 2,
      considered: [
        { mediatorId: 2, applicantRank: 2, respondentRank: 1, combined: 3, nextFreeAt: 1_000 },
        { mediatorId: 1, applicantRank: 1, respondentRank: 2, combined: 3, nextFreeAt: 5_000 },
      ],
    });
  });

  it("finds no one when the two lists share no name (the centre assigns)", () => {
    expect(chooseMutually(r(1, 2), r(3, 4), never)).toEqual({ mediatorId: null, considered: [] });
  });

  it("never picks someone either side struck, and always picks when they share someone", () => {
    const ranking = fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { maxLength: 8 }).map((ids) => r(...ids));
    fc.assert(
      fc.property(ranking, ranking, (a, b) => {
        const { mediatorId } = chooseMutually(a, b, never);
        const shared = a.filter((x) => b.some((y) => y.mediatorId === x.mediatorId));
        if (shared.length === 0) return mediatorId === null;
        const best = Math.min(...shared.map((x) => x.rank + b.find((y) => y.mediatorId === x.mediatorId)!.rank));
        const chosen = shared.find((x) => x.mediatorId === mediatorId)!;
        return chosen.rank + b.find((y) => y.mediatorId === mediatorId)!.rank === best;
      }),
    );
  });
});
