// Times in words are Beijing time whatever zone the server runs in, with the part of the day a reader
// expects: 凌晨/上午/中午/下午/晚上 in Chinese, am/pm in English.
import { afterAll, describe, expect, it } from "vitest";
import { clause, clockWords, roomWords, sessionWords, tidy, whenWords } from "./when";

const bj = (local: string) => Date.parse(`${local}+08:00`);
const savedTz = process.env.TZ;
afterAll(() => {
  process.env.TZ = savedTz;
});

describe("whenWords", () => {
  it("says the example of the issue in both languages", () => {
    expect(whenWords(bj("2026-12-04T09:00:00"), "zh")).toBe("12月4日（周五）上午9:00");
    expect(whenWords(bj("2026-12-04T09:00:00"), "en")).toBe("Fri 4 Dec, 9:00 am");
  });

  it("is Beijing time when the server's own zone is New York or Kolkata", () => {
    for (const tz of ["America/New_York", "Asia/Kolkata", "UTC"]) {
      process.env.TZ = tz;
      // 2026-12-31 23:30 in Beijing is still the 31st there, and already a Thursday.
      expect(whenWords(bj("2026-12-31T23:30:00"), "zh")).toBe("12月31日（周四）晚上11:30");
      expect(whenWords(bj("2026-12-31T23:30:00"), "en")).toBe("Thu 31 Dec, 11:30 pm");
    }
  });

  it("names each part of the day", () => {
    expect(clockWords(bj("2026-12-04T05:30:00"), "zh")).toBe("凌晨5:30");
    expect(clockWords(bj("2026-12-04T11:59:00"), "zh")).toBe("上午11:59");
    expect(clockWords(bj("2026-12-04T12:00:00"), "zh")).toBe("中午12:00");
    expect(clockWords(bj("2026-12-04T14:30:00"), "zh")).toBe("下午2:30");
    expect(clockWords(bj("2026-12-04T19:00:00"), "zh")).toBe("晚上7:00");
    expect(clockWords(bj("2026-12-04T00:15:00"), "en")).toBe("12:15 am");
    expect(clockWords(bj("2026-12-04T12:00:00"), "en")).toBe("12:00 pm");
    expect(clockWords(bj("2026-12-04T14:30:00"), "en")).toBe("2:30 pm");
  });
});

describe("sessionWords", () => {
  it("gives the end's part of the day only when it changes", () => {
    expect(sessionWords(bj("2026-12-04T09:00:00"), bj("2026-12-04T10:30:00"), "zh")).toBe("12月4日（周五）上午9:00至10:30");
    expect(sessionWords(bj("2026-12-04T11:00:00"), bj("2026-12-04T12:30:00"), "zh")).toBe("12月4日（周五）上午11:00至中午12:30");
    expect(sessionWords(bj("2026-12-04T09:00:00"), bj("2026-12-04T10:30:00"), "en")).toBe("Fri 4 Dec, 9:00–10:30 am");
    expect(sessionWords(bj("2026-12-04T11:00:00"), bj("2026-12-04T12:30:00"), "en")).toBe("Fri 4 Dec, 11:00 am–12:30 pm");
  });
});

describe("words around the times", () => {
  it("names the demo rooms in English and leaves other names as written", () => {
    expect(roomWords("第一调解室", "en")).toBe("Mediation room 1");
    expect(roomWords("第四调解室（大）", "en")).toBe("Mediation room 4 (large)");
    expect(roomWords("第一调解室", "zh")).toBe("第一调解室");
    expect(roomWords("测试调解室 7", "en")).toBe("测试调解室 7");
  });

  it("strips the stop people type at the end of a reason", () => {
    expect(clause("当天要出海。")).toBe("当天要出海");
    expect(clause("Out at sea that day. ")).toBe("Out at sea that day");
    expect(clause(null)).toBe("");
  });

  it("removes doubled punctuation where two parts meet", () => {
    expect(tidy("理由：出海。。请另选。")).toBe("理由：出海。请另选。");
    expect(tidy("理由：出海，。")).toBe("理由：出海。");
    expect(tidy("Out at sea.. Choose another.")).toBe("Out at sea. Choose another.");
    expect(tidy("one,, two")).toBe("one, two");
  });
});
