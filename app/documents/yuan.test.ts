import { describe, expect, it } from "vitest";
import { capitalRmb, capitalYuan, chineseCount, formatYuan, toFen } from "./yuan";

describe("capitalYuan", () => {
  it.each([
    [50000, "伍万元整"],
    [0, "零元整"],
    [1, "壹元整"],
    [10, "壹拾元整"],
    [15, "壹拾伍元整"],
    [100, "壹佰元整"],
    [105, "壹佰零伍元整"],
    [1005, "壹仟零伍元整"],
    [1050, "壹仟零伍拾元整"],
    [1409.5, "壹仟肆佰零玖元伍角"],
    [325.04, "叁佰贰拾伍元零肆分"],
    [1680.32, "壹仟陆佰捌拾元叁角贰分"],
    [107000.53, "壹拾万柒仟元伍角叁分"],
    [6007.14, "陆仟零柒元壹角肆分"],
    [100000, "壹拾万元整"],
    [100100, "壹拾万零壹佰元整"],
    [101000, "壹拾万壹仟元整"],
    [10001000, "壹仟万壹仟元整"],
    [10000100, "壹仟万零壹佰元整"],
    [10100101, "壹仟零壹拾万零壹佰零壹元整"],
    [100000000, "壹亿元整"],
    [100000001, "壹亿零壹元整"],
    [100001000, "壹亿零壹仟元整"],
    [100010000, "壹亿零壹万元整"],
    [123456789.12, "壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分"],
    [1000000000000, "壹万亿元整"],
    [0.5, "伍角"],
    [0.05, "伍分"],
    [0.55, "伍角伍分"],
    [1000.05, "壹仟元零伍分"],
    [1000.5, "壹仟元伍角"],
  ])("%s → %s", (amount, words) => {
    expect(capitalYuan(amount)).toBe(words);
  });

  it("takes decimal strings, which avoid binary fractions", () => {
    expect(capitalYuan("86420.1")).toBe("捌万陆仟肆佰贰拾元壹角");
    expect(capitalYuan("0.10")).toBe("壹角");
    expect(capitalRmb("50000")).toBe("人民币伍万元整");
  });

  it("refuses what is not an amount", () => {
    expect(() => capitalYuan(-1)).toThrow(RangeError);
    expect(() => capitalYuan(1.234)).toThrow(/two decimals/);
    expect(() => capitalYuan(Number.NaN)).toThrow(RangeError);
    expect(() => capitalYuan("1,000")).toThrow(RangeError);
    expect(() => capitalYuan(10 ** 13)).toThrow(/too large/);
  });
});

describe("toFen and formatYuan", () => {
  it("counts fen exactly for amounts floats spell badly", () => {
    expect(toFen(0.1 + 0.2)).toBe(30);
    expect(toFen(19.99)).toBe(1999);
    expect(toFen("19.9")).toBe(1990);
  });

  it("groups thousands and always prints two decimals", () => {
    expect(formatYuan(50000)).toBe("50,000.00");
    expect(formatYuan(1234567.8)).toBe("1,234,567.80");
    expect(formatYuan(0.05)).toBe("0.05");
    expect(formatYuan(999)).toBe("999.00");
  });
});

describe("chineseCount", () => {
  it.each([
    [1, "一"],
    [3, "三"],
    [10, "十"],
    [12, "十二"],
    [20, "二十"],
    [35, "三十五"],
  ])("%s → %s", (n, words) => {
    expect(chineseCount(n)).toBe(words);
  });

  it("refuses 0 and fractions", () => {
    expect(() => chineseCount(0)).toThrow(RangeError);
    expect(() => chineseCount(2.5)).toThrow(RangeError);
  });
});
