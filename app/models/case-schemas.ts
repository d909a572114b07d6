// The inputs of the case use cases (no server code: forms validate with them too). Messages are issue
// codes (app/models/issues.ts). Amounts come in yuan and are kept as integer fen.
import { z } from "zod";
import { CASE_CHANNELS, CATEGORY_SLUGS, MODE_SLUGS, SEVERITIES, TOWN_SLUGS } from "../../domain";
import { ISSUES } from "./issues";
import { mobileSchema } from "./otp-schemas";

const name = z.string().trim().min(1, ISSUES.nameRequired).max(60);
/** A mobile number however typed, kept as its 11 digits (issue 11): the invitation goes there by SMS. */
const phone = mobileSchema.optional();
const person = z.object({ name, phone }).strict();
const yuan = z.number().min(0).max(100_000_000_000);
const mediatorIds = (max: number) =>
  z
    .array(z.number().int().positive())
    .max(max)
    .refine((ids) => new Set(ids).size === ids.length, ISSUES.listedTwice);

export const fileCaseSchema = z
  .object({
    category: z.enum(CATEGORY_SLUGS),
    description: z.string().trim().min(5, ISSUES.summaryMin).max(2000),
    town: z.enum(TOWN_SLUGS).optional(),
    amountYuan: yuan.optional(),
    severity: z.enum(SEVERITIES).optional(),
    /** A claim for death compensation (死亡赔偿): the dashboard counts these apart, as the 2018 table does. */
    deathCompensation: z.boolean().optional(),
    /** `window`: staff at the general intake window, for someone who came in person. */
    channel: z.enum(CASE_CHANNELS).optional(),
    /** Staff filing for someone give the applicant; a party online is the applicant. */
    applicants: z.array(person).min(1).max(5).optional(),
    respondents: z.array(person).min(1).max(5),
    /** Up to three mediators, asked in order. */
    picks: mediatorIds(3).optional(),
    /** The applicant (a party filing online) acknowledges what people's mediation is. */
    informed: z.literal(true).optional(),
  })
  .strict();
export type FileCaseInput = z.infer<typeof fileCaseSchema>;

/**
 * A side's answer: accept the applicant's pick, rank the shortlist (1 = first; leaving someone out
 * strikes them), or refuse mediation. `informed` acknowledges what people's mediation is, if not yet.
 */
export const consentSchema = z
  .object({
    code: z.string().trim().min(6).max(40).optional(),
    informed: z.literal(true).optional(),
    accept: z.literal(true).optional(),
    ranking: mediatorIds(8).min(1).optional(),
    refuse: z.literal(true).optional(),
    /** Staff recording an answer: whose it is (default the respondent). */
    side: z.enum(["applicant", "respondent"]).optional(),
  })
  .strict()
  .refine((v) => [v.accept, v.ranking, v.refuse].filter((x) => x !== undefined).length === 1, {
    message: ISSUES.oneAnswer,
    path: ["accept"],
  });
export type ConsentInput = z.infer<typeof consentSchema>;

const localDate = z.iso.date({ message: ISSUES.dateFormat });

export const obligationSchema = z
  .object({
    obligor: z.enum(["applicant", "respondent"]),
    description: z.string().trim().min(2).max(500),
    amountYuan: yuan.optional(),
    method: z.string().trim().max(200).optional(),
    place: z.string().trim().max(200).optional(),
    /** One due date, or instalments (each with its amount). */
    dueOn: localDate.optional(),
    instalments: z
      .array(z.object({ dueOn: localDate, amountYuan: yuan.optional() }).strict())
      .min(1)
      .max(60)
      .optional(),
  })
  .strict()
  .refine((o) => (o.dueOn === undefined) !== (o.instalments === undefined), { message: ISSUES.dueOrInstalments, path: ["dueOn"] });

/**
 * The agreement, in either of the API's two shapes (ADR 036): the issue's `{summary, amountYuan?,
 * obligations?}` or the pages' `{facts, responsibility?, amountYuan?, obligations?}`. `summary` and
 * `facts` are the same thing, the law's 事实与责任 (facts and responsibility): `facts` is its full form,
 * with the responsibility apart if wanted. Models receive one shape: `facts`, and `obligations` always a
 * list, empty for an agreement that asks nothing more of anyone (an apology made and accepted on the spot).
 */
const agreementSchema = z
  .object({
    summary: z
      .string()
      .trim()
      .min(5)
      .max(5000)
      .optional()
      .meta({ description: "The facts and responsibility (事实与责任) in short; `facts` is its full form. Give one of the two." }),
    facts: z
      .string()
      .trim()
      .min(5)
      .max(5000)
      .optional()
      .meta({ description: "The full form of `summary`: the facts (纠纷简要情况), with `responsibility` apart. Give one of the two." }),
    responsibility: z.string().trim().max(5000).optional(),
    amountYuan: yuan.optional(),
    /** None is an agreement too: what it settles needs no performance. */
    obligations: z.array(obligationSchema).max(30).optional(),
  })
  .strict()
  .refine((a) => (a.summary === undefined) !== (a.facts === undefined), { message: ISSUES.summaryOrFacts, path: ["summary"] })
  // The description says what the refinement checks (a refinement has no JSON Schema of its own).
  .meta({ override: { oneOf: [{ required: ["summary"] }, { required: ["facts"] }] } })
  .transform(({ summary, facts, obligations, ...rest }) => ({ ...rest, facts: (facts ?? summary)!, obligations: obligations ?? [] }));

export const outcomeSchema = z
  .object({
    outcome: z.enum(["agreement", "no-agreement", "referred-arbitration", "referred-litigation"]),
    /** Visits to the centre: 0, 1, or 2 meaning two or more. */
    visits: z.number().int().min(0).max(2),
    mode: z.enum(MODE_SLUGS).optional(),
    agreement: agreementSchema.optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .strict()
  .refine((v) => (v.outcome === "agreement") === (v.agreement !== undefined), { message: ISSUES.agreementIffAgreed, path: ["agreement"] });
export type OutcomeInput = z.output<typeof outcomeSchema>;

/** What the model records: the application's day (kept from before when absent), and the decision if any. */
export interface JudicialConfirmationInput {
  court: string;
  appliedOn?: string;
  reference?: string;
  decidedOn?: string;
  result?: "confirmed" | "rejected";
}

/**
 * Judicial confirmation, in either shape (ADR 036): the issue's `{court, confirmedOn, reference, result?}`
 * or the pages' `{court, appliedOn, reference?, decidedOn?, result?}`. `confirmedOn` with `result` is the
 * day the court decided, and records the application in the same step (the application's day stays as
 * recorded before, or is that day when none was); `confirmedOn` without `result` is the day the parties applied.
 */
export const judicialConfirmationSchema = z
  .object({
    court: z.string().trim().min(2).max(100),
    confirmedOn: localDate.optional().meta({
      description:
        "With `result`: the day the court decided (the application is recorded in the same step, on the day recorded before or else this day). Without `result`: the day the parties applied. Instead of `appliedOn` and `decidedOn`.",
    }),
    appliedOn: localDate.optional().meta({ description: "The day the parties applied. Instead of `confirmedOn`." }),
    reference: z.string().trim().max(100).optional(),
    decidedOn: localDate.optional().meta({ description: "With `appliedOn` and `result`: the day the court decided." }),
    result: z.enum(["confirmed", "rejected"]).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.confirmedOn === undefined) === (v.appliedOn === undefined) || (v.confirmedOn !== undefined && v.decidedOn !== undefined))
      ctx.addIssue({ code: "custom", message: ISSUES.confirmedOrApplied, path: ["confirmedOn"] });
    else if (v.appliedOn !== undefined && (v.result === undefined) !== (v.decidedOn === undefined))
      ctx.addIssue({ code: "custom", message: ISSUES.resultNeedsDate, path: ["decidedOn"] });
  })
  .meta({
    override: {
      oneOf: [
        { required: ["confirmedOn"], not: { anyOf: [{ required: ["appliedOn"] }, { required: ["decidedOn"] }] } },
        {
          required: ["appliedOn"],
          not: { required: ["confirmedOn"] },
          dependentRequired: { decidedOn: ["result"], result: ["decidedOn"] },
        },
      ],
    },
  })
  .transform(({ confirmedOn, ...v }): JudicialConfirmationInput => {
    if (confirmedOn === undefined) return v;
    return v.result ? { ...v, decidedOn: confirmedOn } : { ...v, appliedOn: confirmedOn };
  });

/**
 * Fulfilment of one instalment, in either shape (ADR 036): the pages' `{instalmentId, result}` or the
 * issue's `{result, obligation?}`. `obligation` (an obligation's id) means its earliest unsettled
 * instalment; neither means the agreement's one unsettled instalment, refused when it has more or none.
 */
export const fulfilmentSchema = z
  .object({
    instalmentId: z.number().int().positive().optional().meta({ description: "The instalment. Instead of `obligation`." }),
    obligation: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ description: "An obligation's id: its earliest unsettled instalment (no result yet, or enforcement requested)." }),
    result: z.enum(["on-time", "late", "enforcement-requested", "enforced"]),
  })
  .strict()
  .refine((v) => v.instalmentId === undefined || v.obligation === undefined, {
    message: ISSUES.instalmentOrObligation,
    path: ["obligation"],
  })
  .meta({ override: { not: { required: ["instalmentId", "obligation"] } } })
  .transform(({ obligation, ...v }) => ({ ...v, obligationId: obligation }));
export type FulfilmentInput = z.output<typeof fulfilmentSchema>;

export const ratingSchema = z
  .object({
    stars: z.number().int().min(1).max(5),
    comment: z.string().trim().max(1000).optional(),
    code: z.string().trim().min(6).max(40).optional(),
  })
  .strict();

export const codeSchema = z.object({ code: z.string().trim().min(6).max(40).optional() }).strict();
export const withdrawSchema = z.object({ reason: z.string().trim().min(2).max(500) }).strict();

export const toFen = (yuanAmount: number | undefined) => (yuanAmount === undefined ? null : Math.round(yuanAmount * 100));
