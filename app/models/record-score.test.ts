// The ranking score (domain/record.ts, ADR 014); here because vitest collects app/, not domain/.
import { describe, expect, it } from "vitest";
import { PRIOR_CASES, recordScore, recordScoreParts, type ScoreCell } from "../../domain/record";
import { successScore } from "../../domain/score";

const cell = (category: string, severity: string, mediated: number, agreements: number): ScoreCell => ({
  category,
  severity,
  mediated,
  agreements,
});

// A pool whose simple labour cases agree 90 % of the time and whose major ones 50 %.
const POOL = [cell("labour", "simple", 1000, 900), cell("labour", "major", 400, 200), cell("medical", "simple", 600, 480)];

describe("recordScore", () => {
  it("does not let 1 of 1 outrank 45 of 50, whatever the pool's rate", () => {
    for (const pool of [POOL, [cell("labour", "simple", 1000, 900)], [cell("labour", "simple", 1000, 500)], []]) {
      const one = recordScore([cell("labour", "simple", 1, 1)], pool);
      const many = recordScore([cell("labour", "simple", 50, 45)], pool);
      expect(many).toBeGreaterThan(one);
    }
  });

  it("scores many major cases at the pool's major rate like simple cases at the pool's simple rate", () => {
    const hard = recordScore([cell("labour", "major", 40, 20)], POOL);
    const easy = recordScore([cell("labour", "simple", 40, 36)], POOL);
    expect(hard).toBeCloseTo(easy, 2);
    // And both like an average mediator of the pool with the same number of cases.
    const parts = recordScoreParts([cell("labour", "major", 40, 20)], POOL);
    expect(parts.standardisedRate).toBeCloseTo(parts.poolRate, 2);
  });

  it("ranks beating the pool on hard cases above matching it on easy ones", () => {
    const hardAndGood = recordScore([cell("labour", "major", 40, 30)], POOL);
    const easyAndAverage = recordScore([cell("labour", "simple", 40, 36)], POOL);
    expect(hardAndGood).toBeGreaterThan(easyAndAverage);
    // A raw rate would have it the other way round: 75 % against 90 %.
    expect(successScore(40, 30)).toBeLessThan(successScore(40, 36));
  });

  it("gives a record without mediated cases a defined neutral score: the prior's cases at the pool's rate", () => {
    const parts = recordScoreParts([], POOL);
    expect(parts.score).toBeCloseTo(successScore(PRIOR_CASES, PRIOR_CASES * parts.poolRate), 10);
    expect(recordScore([cell("labour", "simple", 0, 0)], POOL)).toBe(parts.score);
    // An empty pool too: its rate is one half.
    expect(recordScore([], [])).toBeCloseTo(successScore(PRIOR_CASES, PRIOR_CASES / 2), 10);
    // Any evidence at the pool's rate ranks above none; evidence below it ranks lower.
    expect(recordScore([cell("labour", "simple", 30, 27)], POOL)).toBeGreaterThan(parts.score);
    expect(recordScore([cell("labour", "simple", 30, 10)], POOL)).toBeLessThan(parts.score);
  });

  it("stays within 0–1 and grows with agreements", () => {
    let last = -1;
    for (let a = 0; a <= 20; a++) {
      const s = recordScore([cell("medical", "group", 20, a)], POOL);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
      expect(s).toBeGreaterThanOrEqual(last);
      last = s;
    }
  });
});
