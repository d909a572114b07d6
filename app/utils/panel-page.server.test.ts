// The panel pages' adapters: every refusal reason of the panel model worded in both languages (by its
// reason, never by the English message), a search read from the URL with the API's own schema, and
// the form's first dates counted at the centre whatever the server's clock zone.
import { describe, expect, it } from "vitest";
import { messages } from "~/i18n";
import { DomainError } from "~/models/errors";
import { PANEL_REFUSAL_REASONS } from "~/models/panel-types";
import { defaultSearch, panelRefusal, readSearch } from "./panel-page.server";

const refusal = (reason: (typeof PANEL_REFUSAL_REASONS)[number]) =>
  new DomainError("illegal_transition", "English words that play no part", { field: "_", reason });

describe("panelRefusal", () => {
  it("words every reason of the panel model, each differently, in Chinese and English", () => {
    for (const locale of ["zh", "en"] as const) {
      const words = PANEL_REFUSAL_REASONS.map((r) => panelRefusal(refusal(r), messages[locale]).message);
      for (const [i, w] of words.entries())
        expect(w, PANEL_REFUSAL_REASONS[i]).toBe(messages[locale].panels.errors[PANEL_REFUSAL_REASONS[i]]);
      expect(new Set(words).size).toBe(PANEL_REFUSAL_REASONS.length);
    }
  });
  it("answers a refusal by its code: 409 for a taken time, 403 forbidden, 400 invalid", () => {
    const taken = new DomainError("slot_taken", "taken", { field: "start", reason: "taken" });
    expect(panelRefusal(taken, messages.zh)).toEqual({ status: 409, message: messages.zh.panels.errors.slot_taken });
    const notChief = new DomainError("forbidden", "x", { field: "_", reason: "not_chief" });
    expect(panelRefusal(notChief, messages.en)).toEqual({ status: 403, message: messages.en.panels.errors.not_chief });
    expect(panelRefusal(new DomainError("invalid_input", "x"), messages.en).status).toBe(400);
  });
  it("turns not_found into a 404 response and leaves other errors alone", () => {
    let thrown: unknown;
    try {
      panelRefusal(new DomainError("not_found", "x"), messages.zh);
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Response).status).toBe(404);
    expect(() => panelRefusal(new Error("boom"), messages.zh)).toThrow("boom");
  });
});

describe("readSearch", () => {
  const url = (qs: string) => new URL(`http://x/staff/panels/new?case=7&${qs}`);
  it("is not asked until the form is sent", () => {
    expect(readSearch(url("seat=judge"), 7)).toEqual({
      asked: false,
      search: null,
      seats: ["judge"],
      raw: { from: "", to: "", minutes: "" },
    });
  });
  it("parses the seats, dates and length with the API's schema", () => {
    const read = readSearch(url("search=1&seat=judge&seat=department:labour&seat=judge&from=2027-03-01&to=2027-03-14&minutes=120"), 7);
    expect(read.search).toEqual({ caseId: 7, roles: ["judge", "department:labour"], from: "2027-03-01", to: "2027-03-14", minutes: 120 });
  });
  it("gives no search for no seat, an end before the start, or an unknown department", () => {
    expect(readSearch(url("search=1&from=2027-03-01&to=2027-03-14&minutes=120"), 7).search).toBeNull();
    expect(readSearch(url("search=1&seat=judge&from=2027-03-14&to=2027-03-01&minutes=120"), 7).search).toBeNull();
    expect(readSearch(url("search=1&seat=department:moon&from=2027-03-01&to=2027-03-14&minutes=120"), 7).search).toBeNull();
  });
});

describe("defaultSearch", () => {
  it("starts tomorrow at the centre and spans two weeks, even late on New Year's Eve in Shanghai", () => {
    // 2027-12-31 23:30 in Shanghai is 15:30 UTC: tomorrow there is 2028-01-01.
    expect(defaultSearch(Date.parse("2027-12-31T15:30:00Z"))).toEqual({ from: "2028-01-01", to: "2028-01-15", minutes: 120 });
  });
});
