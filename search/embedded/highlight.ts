// Highlights for the hits of one page only (at most perPage documents), so this is plain string work.
// A field is present only if something in it matched; overlapping or touching matches merge into one
// mark, so the bigrams of "医疗纠纷" come out as <mark>医疗纠纷</mark>. A name found by its pinyin
// or initials is marked whole: the letters typed do not appear in it. Text written in traditional
// characters is marked where its simplified form matched (fold.ts keeps positions).
import { HIGHLIGHT_POST, HIGHLIGHT_PRE, type Highlight, type SearchDocument } from "../types";
import { foldChinese } from "../fold";
import type { Marks } from "./query";

type Range = [number, number];

export function highlightDocument(doc: SearchDocument, marks: Marks): Highlight {
  const out: Highlight = {};
  const put = (field: keyof Highlight, text: string | null) => {
    if (!text) return;
    const marked = markText(text, marks);
    if (marked !== null) out[field] = marked;
  };
  if (matchesPinyin(doc, marks)) out.name = HIGHLIGHT_PRE + doc.name + HIGHLIGHT_POST;
  else put("name", doc.name);
  put("title", doc.title);
  put("organisation", doc.organisation);
  put("bio", doc.bio);
  put("categoryNames", doc.categoryNames.join("、"));
  return out;
}

/** `text` with the marks wrapped, or null when nothing in it matched. */
export function markText(text: string, marks: Marks): string | null {
  const ranges: Range[] = [];
  // Marks are folded (query.ts): look for them in the folded text, which has the original's positions.
  const folded = marks.cjk.length ? foldChinese(text) : text;
  const find = (s: string) => {
    const before = ranges.length;
    for (let i = folded.indexOf(s); i >= 0; i = folded.indexOf(s, i + 1)) ranges.push([i, i + s.length]);
    return ranges.length > before;
  };
  for (const { whole, pieces } of marks.cjk) if (!find(whole)) for (const p of pieces) find(p);
  if (marks.latin.length) {
    // ASCII-only lower-casing keeps positions identical to the original text.
    const lower = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
    for (const { text: w, prefix } of marks.latin) {
      if (!w) continue;
      for (let i = lower.indexOf(w); i >= 0; i = lower.indexOf(w, i + 1)) {
        const end = i + w.length;
        if (isWordChar(lower, i - 1)) continue;
        if (!prefix && isWordChar(lower, end)) continue;
        ranges.push([i, end]);
      }
    }
  }
  if (ranges.length === 0) return null;
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let result = "";
  let pos = 0;
  let [start, end] = ranges[0];
  const flush = () => {
    result += text.slice(pos, start) + HIGHLIGHT_PRE + text.slice(start, end) + HIGHLIGHT_POST;
    pos = end;
  };
  for (let i = 1; i < ranges.length; i++) {
    const [s, e] = ranges[i];
    if (s <= end) end = Math.max(end, e);
    else {
      flush();
      [start, end] = [s, e];
    }
  }
  flush();
  return result + text.slice(pos);
}

function isWordChar(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

function matchesPinyin(doc: SearchDocument, marks: Marks): boolean {
  if (marks.latin.length === 0) return false;
  const tokens = [...doc.namePinyin.split(/\s+/), doc.namePinyinJoined, doc.nameInitials].filter(Boolean).map((t) => t.toLowerCase());
  return marks.latin.some(({ text, prefix }) => tokens.some((t) => t === text || (prefix && t.startsWith(text))));
}
