// A booking's place in words names the room in the reader's language (room names are data, in Chinese).
import { describe, expect, it } from "vitest";
import { whereText } from "./booking-text";
import { messages } from "./messages";

describe("whereText", () => {
  it("names a centre room in English on an English page and as written on a Chinese one", () => {
    const b = { mode: "centre", town: null, room: "第四调解室（大）" } as const;
    expect(whereText(b, messages.en, "en")).toBe(`${messages.en.booking.centre} · Mediation room 4 (large)`);
    expect(whereText(b, messages.zh, "zh")).toBe(`${messages.zh.booking.centre} · 第四调解室（大）`);
  });
});
