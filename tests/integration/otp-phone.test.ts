// A unit test of domain/phone.ts (vitest does not collect tests under domain/; this folder is collected).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskMobile, normalizeMobile } from "../../domain/phone";

const digit = fc.constantFrom(..."0123456789");
const valid = fc
  .tuple(fc.constantFrom(..."3456789"), fc.array(digit, { minLength: 9, maxLength: 9 }))
  .map(([second, rest]) => `1${second}${rest.join("")}`);
const separator = fc.constantFrom("", " ", "-", "  ", "\u3000", ".", " - ");
const prefix = fc.constantFrom("", "+86", "+86 ", "0086", "0086-", "86", "(+86)", "＋86");
const fullWidth = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Splits the 11 digits at random places and joins the parts with random separators. */
const formatted = (phone: string) =>
  fc.tuple(prefix, fc.array(separator, { minLength: 11, maxLength: 11 }), fc.boolean()).map(([p, seps, wide]) => {
    const body = [...phone].map((d, i) => (i === 0 ? d : seps[i] + d)).join("");
    const text = `${p}${seps[0]}${body}`;
    return wide ? fullWidth(text) : text;
  });

describe("normalizeMobile", () => {
  it("any formatting of a valid number normalises to the same 11 digits", () => {
    fc.assert(
      fc.property(
        valid.chain((phone) => fc.tuple(fc.constant(phone), formatted(phone))),
        ([phone, text]) => {
          expect(normalizeMobile(text)).toBe(phone);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("refuses what is not a mainland mobile number", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(digit, { minLength: 0, maxLength: 10 }).map((d) => d.join("")), // too short
          fc.array(digit, { minLength: 12, maxLength: 12 }).map((d) => `9${d.join("")}`), // too long
          valid.map((p) => `2${p.slice(1)}`), // not a mobile range
          valid.map((p) => `${p.slice(0, 1)}${"012"[Number(p[5]) % 3]}${p.slice(2)}`), // 10x, 11x, 12x
          valid.map((p) => `${p.slice(0, 5)}x${p.slice(6)}`), // a letter
          valid.map((p) => `+1${p}`), // another country
        ),
        (text) => {
          expect(normalizeMobile(text)).toBeNull();
        },
      ),
      { numRuns: 500 },
    );
  });

  it("reads the usual ways", () => {
    expect(normalizeMobile("138 0013 8000")).toBe("13800138000");
    expect(normalizeMobile("+86 138-0013-8000")).toBe("13800138000");
    expect(normalizeMobile("008613800138000")).toBe("13800138000");
    expect(normalizeMobile("8613800138000")).toBe("13800138000");
    expect(normalizeMobile("")).toBeNull();
    expect(normalizeMobile("0574-8888 8888")).toBeNull(); // a landline
  });

  it("masks a number for display", () => {
    expect(maskMobile("13800138000")).toBe("138****8000");
  });
});
