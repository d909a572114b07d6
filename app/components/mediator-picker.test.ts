// The picker's matching (issue 11): by number, by name, by full pinyin and by its initials; a blank
// query keeps everyone. The same function narrows the <select> on the server and the combobox in the browser.
import { describe, expect, it } from "vitest";
import { matchMediators } from "./mediator-picker";

const pool = [
  { id: 7, name: "龙旭", kind: "资深调解员", pinyin: "long xu" },
  { id: 17, name: "李晓红", kind: "专家", pinyin: "li xiao hong" },
  { id: 70, name: "王海", kind: "律师", pinyin: "wang hai" },
];
const ids = (q: string) => matchMediators(pool, q).map((m) => m.id);

describe("matchMediators", () => {
  it.each([
    ["", [7, 17, 70]],
    ["  ", [7, 17, 70]],
    ["#7", [7]],
    ["17", [17]],
    ["龙", [7]],
    ["晓红", [17]],
    ["longxu", [7]],
    ["Long Xu", [7]],
    ["lx", [7, 17]],
    ["lxh", [17]],
    ["hai", [70]],
    ["张", []],
  ])("%j finds %j", (q, expected) => {
    expect(ids(q)).toEqual(expected);
  });
});
