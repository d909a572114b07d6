// The term dictionary: every kind of term gets an integer id in one id space, so postings, the
// per-document de-duplication scratch and the typo index all work on ints.
// CJK unigrams and bigrams are the bulk of an index's terms; they are keyed by char codes (a table
// and a numeric map) so indexing a bio creates no substring per character.

export type TermKind = "unigram" | "bigram" | "word" | "prefix" | "name";

export class TermDict {
  private readonly unigrams = new Int32Array(0x10000).fill(-1);
  private readonly bigrams = new Map<number, number>();
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
    const key = a * 0x10000 + b;
    let id = this.bigrams.get(key);
    if (id === undefined) {
      if (!create) return -1;
      this.bigrams.set(key, (id = this.size++));
    }
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
