// A refused case step is worded by its reason, in both languages, on the field it concerns; the
// English message plays no part (a message that mentions "acknowledge" is not the informed tick).
import { describe, expect, it } from "vitest";
import { messages } from "~/i18n";
import { CASE_REFUSAL_REASONS, caseRefusal } from "~/models/case-rules";
import { DomainError } from "~/models/errors";
import { caseRefusalResponse, caseRefusalWords } from "./case-refusal.server";

describe("caseRefusalWords", () => {
  it("words every reason of the case rules in Chinese and English, for the whole form", () => {
    for (const reason of CASE_REFUSAL_REASONS)
      for (const locale of ["zh", "en"] as const) {
        const words = caseRefusalWords(caseRefusal("illegal_transition", reason), messages[locale]);
        expect(words).toEqual({ field: null, message: messages[locale].caseRefusals[reason] });
        expect(words.message.length).toBeGreaterThan(5);
      }
    const zh = new Set(CASE_REFUSAL_REASONS.map((r) => messages.zh.caseRefusals[r]));
    expect(zh.size).toBe(CASE_REFUSAL_REASONS.length);
  });
  it("puts the consent answer's reasons on their field, whatever the message says", () => {
    const informed = new DomainError("invalid_input", "Rank only mediators of the shortlist", {
      field: "informed",
      reason: "not_informed",
    });
    expect(caseRefusalWords(informed, messages.zh)).toEqual({ field: "informed", message: messages.zh.caseRefusals.not_informed });
    const pick = new DomainError("illegal_transition", "acknowledge the shortlist", { field: "_", reason: "no_pick" });
    expect(caseRefusalWords(pick, messages.en)).toEqual({ field: null, message: messages.en.caseRefusals.no_pick });
  });
  it("words a refusal without a reason by its code", () => {
    expect(caseRefusalWords(new DomainError("rate_limited", "x"), messages.en).message).toBe(messages.en.casePages.errors.rateLimited);
    expect(caseRefusalWords(new DomainError("email_taken", "x"), messages.zh).message).toBe(messages.zh.casePages.errors.general);
  });
});

describe("caseRefusalResponse", () => {
  it("answers {error: {code, message, reason, fields}} with the code's status", async () => {
    const res = caseRefusalResponse(caseRefusal("illegal_transition", "already_rated"))!;
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: {
        code: "illegal_transition",
        message: "Not allowed: each party rates a case once",
        reason: "already_rated",
        fields: { _: ["Not allowed: each party rates a case once"] },
      },
    });
    expect(caseRefusalResponse(new DomainError("not_found", "Case not found"))).toBeNull();
  });
});
