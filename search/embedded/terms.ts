// The term dictionary: every kind of term gets an integer id in one id space, so postings, the
// per-document de-duplication scratch and the typo index all work on ints.
// CJK unigrams and bigrams are the bulk of an index's terms; they are keyed by char codes (a table
// and a numeric map) so indexing a bio creates no substring per character.

export type TermKind = "unigram" | "bigram" | "word" | "prefix" | "name";

export class TermDict {
  private readonly unigrams = new Int32Array(0x10000).fill(-1);
  private readonly bigrams = new IntMap();
  /** jieba words of 3+ characters and whole Latin words. */
  private readonly words = new Map<string, number>();
  /** Latin edge n-grams ("z", "zh", … "zhangwe" of "zhangwei"): a prefix query is one lookup. */
  private readonly prefixes = new Map<string, number>();
  /** Whole normalised names, for the "query is exactly this name" bonus. */
  private readonly names = new Map<string, number>();
  size = 0;
  /** Called once per new whole Latin word, so the typo index learns the vocabulary as it grows. */
  onNewLatinWord: ((id: number, word: string) => void) | undefined;

  unigram(code: number, create: boolean): number {
    let id = this.unigrams[code];
    if (id < 0 && create) this.unigrams[code] = id = this.size++;
    return id;
  }

  bigram(a: number, b: number, create: boolean): number {
    const key = (a << 16) | b;
    let id = this.bigrams.get(key);
    if (id < 0 && create) this.bigrams.set(key, (id = this.size++));
    return id;
  }

  word(text: string, create: boolean, latin = false): number {
    let id = this.words.get(text);
    if (id === undefined) {
      if (!create) return -1;
      this.words.set(text, (id = this.size++));
      if (latin) this.onNewLatinWord?.(id, text);
    }
    return id;
  }

  prefix(text: string, create: boolean): number {
    return this.lookup(this.prefixes, text, create);
  }

  name(text: string, create: boolean): number {
    return this.lookup(this.names, text, create);
  }

  /** A CJK string of any length as the term the index holds for it, or -1. */
  cjk(text: string): number {
    if (text.length === 1) return this.unigram(text.charCodeAt(0), false);
    if (text.length === 2) return this.bigram(text.charCodeAt(0), text.charCodeAt(1), false);
    return this.word(text, false);
  }

  private lookup(map: Map<string, number>, text: string, create: boolean): number {
    let id = map.get(text);
    if (id === undefined) {
      if (!create) return -1;
      map.set(text, (id = this.size++));
    }
    return id;
  }
}

/**
 * int → non-negative int, open addressing with linear probing: several times faster than a Map for
 * the millions of bigram lookups of a bulk build. Keys must not be 0 (the empty slot); bigram keys
 * never are, their first character is a CJK code point.
 */
export class IntMap {
  private keys = new Int32Array(1024);
  private vals = new Int32Array(1024);
  private count = 0;

  get(key: number): number {
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask; ; i = (i + 1) & mask) {
      const k = keys[i];
      if (k === key) return this.vals[i];
      if (k === 0) return -1;
    }
  }

  set(key: number, value: number): void {
    if ((this.count + 1) * 2 > this.keys.length) this.rehash();
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask; ; i = (i + 1) & mask) {
      const k = keys[i];
      if (k === key || k === 0) {
        if (k === 0) this.count++;
        keys[i] = key;
        this.vals[i] = value;
        return;
      }
    }
  }

  private rehash(): void {
    const { keys, vals } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.vals = new Int32Array(keys.length * 2);
    this.count = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.set(keys[i], vals[i]);
  }
}
