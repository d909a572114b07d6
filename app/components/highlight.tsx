// Search highlights arrive as text with <mark>…</mark> around the matches. They are split into text and
// <mark> elements, never injected as HTML: everything outside the tags is data, not markup.
import { Fragment } from "react";
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from "../../search/types";

export interface HighlightPart {
  text: string;
  marked: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const PATTERN = new RegExp(`${escape(HIGHLIGHT_PRE)}([\\s\\S]*?)${escape(HIGHLIGHT_POST)}`, "g");
const STRAY = new RegExp(`${escape(HIGHLIGHT_PRE)}|${escape(HIGHLIGHT_POST)}`, "g");

export function splitHighlight(text: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let last = 0;
  const push = (t: string, marked: boolean) => {
    const clean = t.replace(STRAY, "");
    if (!clean) return;
    const prev = parts[parts.length - 1];
    if (prev && prev.marked === marked) prev.text += clean;
    else parts.push({ text: clean, marked });
  };
  for (const m of text.matchAll(PATTERN)) {
    push(text.slice(last, m.index), false);
    push(m[1] ?? "", true);
    last = (m.index ?? 0) + m[0].length;
  }
  push(text.slice(last), false);
  return parts;
}

/** The marked words of a highlight, e.g. to mark the same words in a label shown elsewhere. */
export function markedTerms(text: string | undefined): string[] {
  if (!text) return [];
  return [
    ...new Set(
      splitHighlight(text)
        .filter((p) => p.marked)
        .map((p) => p.text.trim()),
    ),
  ].filter(Boolean);
}

/** `label` with every occurrence of any of `terms` wrapped in the highlight tags. */
export function markTerms(label: string, terms: string[]): string {
  if (terms.length === 0) return label;
  const pattern = new RegExp(
    [...terms]
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join("|"),
    "gi",
  );
  return label.replace(pattern, (m) => `${HIGHLIGHT_PRE}${m}${HIGHLIGHT_POST}`);
}

/**
 * A long highlighted text (a bio) cut down to a snippet around its first match, so the match is what
 * the reader sees.
 */
export function cropParts(parts: HighlightPart[], before = 24, total = 96): { parts: HighlightPart[]; start: boolean; end: boolean } {
  const length = parts.reduce((n, p) => n + p.text.length, 0);
  if (length <= total) return { parts, start: false, end: false };
  let offset = 0;
  let firstMark = 0;
  for (const p of parts) {
    if (p.marked) {
      firstMark = offset;
      break;
    }
    offset += p.text.length;
  }
  const from = Math.max(0, Math.min(firstMark - before, length - total));
  const to = from + total;
  const out: HighlightPart[] = [];
  let pos = 0;
  for (const p of parts) {
    const s = Math.max(from, pos);
    const e = Math.min(to, pos + p.text.length);
    if (e > s) out.push({ text: p.text.slice(s - pos, e - pos), marked: p.marked });
    pos += p.text.length;
  }
  return { parts: out, start: from > 0, end: to < length };
}

export function HighlightedParts({ parts }: { parts: HighlightPart[] }) {
  return <>{parts.map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}</>;
}

/** `highlighted` when the field matched, else the plain `text`. */
export function Highlighted({ text, highlighted }: { text: string; highlighted?: string }) {
  if (!highlighted) return <>{text}</>;
  return <HighlightedParts parts={splitHighlight(highlighted)} />;
}
