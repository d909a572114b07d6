// Both sides agree on who mediates: the AAA's strike-and-rank method, adapted. Each side ranks the
// shortlist (1 = first choice) and leaves out whom it will not accept (a strike). The mediator ranked
// by both with the best combined rank is invited; ties go to the earliest free time, then to the
// applicant's preference. Pure: the facts come in, the choice and the reason go out.

export interface Ranked {
  mediatorId: number;
  rank: number;
}

export interface MutualChoice {
  /** Null when no mediator was acceptable to both: the centre then assigns one (fallback). */
  mediatorId: number | null;
  /** Every mediator both sides accepted, best first, with the facts that ordered them. */
  considered: { mediatorId: number; applicantRank: number; respondentRank: number; combined: number; nextFreeAt: number | null }[];
}

/**
 * `nextFreeAt`: each mediator's earliest free time (epoch ms), null when none is known. Ranks must be
 * 1…n without repeats on each side (the schema checks that before this runs).
 */
export function chooseMutually(applicant: Ranked[], respondent: Ranked[], nextFreeAt: (mediatorId: number) => number | null): MutualChoice {
  const theirs = new Map(respondent.map((r) => [r.mediatorId, r.rank]));
  const considered = applicant
    .filter((a) => theirs.has(a.mediatorId))
    .map((a) => {
      const respondentRank = theirs.get(a.mediatorId)!;
      return {
        mediatorId: a.mediatorId,
        applicantRank: a.rank,
        respondentRank,
        combined: a.rank + respondentRank,
        nextFreeAt: nextFreeAt(a.mediatorId),
      };
    })
    .sort(
      (x, y) =>
        x.combined - y.combined ||
        (x.nextFreeAt ?? Number.MAX_SAFE_INTEGER) - (y.nextFreeAt ?? Number.MAX_SAFE_INTEGER) ||
        x.applicantRank - y.applicantRank,
    );
  return { mediatorId: considered[0]?.mediatorId ?? null, considered };
}
