// The term dictionary: every kind of term gets an integer id in one id space, so postings, the
// per-document de-duplication scratch and the typo index all work on ints.
// The bulk of a build's lookups avoid strings: CJK unigrams and bigrams are keyed by char codes (a
// table and an int hash map), Latin words and their prefixes are nodes of a trie walked char by char.

/** Latin prefixes ("z", "zh", … "zhangwe" of "zhangwei") longer than this get no term. */
export const MAX_PREFIX = 20;

export class TermDict {
  private readonly unigrams = new Int32Array(0x10000).fill(-1);
  private readonly bigrams = new IntMap();
  /** CJK words of 3+ characters (jieba words, whole short values). */
  private readonly words = new Map<string, number>();
  /** Whole normalised names, for the "query is exactly this name" bonus. */
  private readonly names = new Map<string, number>();
  // Latin trie: (node, char) → child node. A node is a prefix; it may carry the term of the whole
  // word it spells and the term of "words starting with it", which makes a prefix query one lookup.
  private readonly trie = new IntMap();
  private nodeCount = 1; // node 0 is the root
  private nodeWord = new Int32Array(1024).fill(-1);
  private nodePrefix = new Int32Array(1024).fill(-1);
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

  word(text: string, create: boolean): number {
    return this.lookup(this.words, text, create);
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

  /** Appends the terms of the Latin word s[start, end): the word, then its proper prefixes. */
  latinInto(s: string, start: number, end: number, out: number[]): void {
    let node = 0;
    const lastPrefix = Math.min(end - 1, start + MAX_PREFIX);
    for (let i = start; i < end; i++) {
      node = this.child(node, s.charCodeAt(i), true);
      if (i < lastPrefix) {
        let p = this.nodePrefix[node];
        if (p < 0) this.nodePrefix[node] = p = this.size++;
        out.push(p);
      }
    }
    let w = this.nodeWord[node];
    if (w < 0) {
      this.nodeWord[node] = w = this.size++;
      this.onNewLatinWord?.(w, s.slice(start, end));
    }
    out.push(w);
  }

  /** The term of the whole Latin word, or -1. */
  latinWord(word: string): number {
    const node = this.walk(word);
    return node < 0 ? -1 : this.nodeWord[node];
  }

  /** The term of "Latin words starting with `prefix`" (longer than it), or -1. */
  latinPrefix(prefix: string): number {
    const node = this.walk(prefix);
    return node < 0 ? -1 : this.nodePrefix[node];
  }

  private walk(text: string): number {
    let node = 0;
    for (let i = 0; i < text.length && node >= 0; i++) node = this.child(node, text.charCodeAt(i), false);
    return node;
  }

  private child(node: number, code: number, create: boolean): number {
    // Word characters (see text.ts) packed into 9 bits: a-z, 0-9, then Latin-1/Extended letters.
    const c = code >= 97 && code <= 122 ? code - 96 : code <= 57 ? code - 48 + 27 : code - 0xc0 + 37;
    // Keys stay below 2^31 up to 4M nodes (distinct prefixes), far beyond a pool's vocabulary.
    const key = node * 512 + c;
    let next = this.trie.get(key);
    if (next < 0 && create) {
      next = this.nodeCount++;
      this.trie.set(key, next);
      if (next >= this.nodeWord.length) {
        const n = this.nodeWord.length * 2;
        const word = new Int32Array(n).fill(-1);
        const prefix = new Int32Array(n).fill(-1);
        word.set(this.nodeWord);
        prefix.set(this.nodePrefix);
        this.nodeWord = word;
        this.nodePrefix = prefix;
      }
    }
    return next;
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
    for (let i = (Math.imul(key, 0x9e3779b1) >>> 0) & mask; ; i = (i + 1) & mask) {
      const k = keys[i];
      if (k === key) return this.vals[i];
      if (k === 0) return -1;
    }
  }

  set(key: number, value: number): void {
    if ((this.count + 1) * 2 > this.keys.length) this.rehash();
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let i = (Math.imul(key, 0x9e3779b1) >>> 0) & mask; ; i = (i + 1) & mask) {
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
