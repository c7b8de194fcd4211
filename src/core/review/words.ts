import { BoundedMap, cacheGeneration, reviewCache } from './caches.js';
import type { Reading, Sentence } from './reader.js';

/**
 * Finds phrasings word by word through an index of the document's words, so
 * a concept with two hundred phrasings costs a few map lookups rather than two
 * hundred regular-expression alternatives run over every sentence. Phrasings
 * that are not plain words (they hold "$", "&", quotes…) fall back to a
 * regular expression.
 */

/** The words of one sentence as parallel arrays (no object per word): the word, and its offsets within the sentence. */
export interface Tokens {
  w: string[];
  start: number[];
  end: number[];
}

interface Step {
  word: string;
  /** "retriev*": any word starting with `word`. */
  stem: boolean;
  /** The last literal word also matches its plural ("index" → "indexes", "query" → "queries"). */
  plural: boolean;
}

/** The words of a reading, and where each occurs. */
interface WordIndex {
  tokens: Tokens[];
  /** word → [sentence index, token index]… */
  at: Map<string, number[]>;
  /** The distinct words, sorted, for stem lookups. */
  sorted: string[];
}

const NONE: ReadonlyArray<readonly [number, number]> = Object.freeze([]);

/** A sentence's words by its text: the same sentence in the next version of the document is not tokenized again. */
const tokenCache = reviewCache<string, Tokens>(8192);

const WORD = /[\p{L}\p{N}]+/gu;
const ASCII_WORD = /[a-z0-9]+/g;
const NON_ASCII = /[^\x00-\x7f]/;
// What may stand between two words of one phrasing: spaces, hyphens, slashes, "@", apostrophes, a dot.
const JOIN = /^[\s\-–/@'’.]+$/u;
const PLAIN = /^[\p{L}\p{N}\s\-/@'’.*]+$/u;

const words = new WeakMap<Reading, Tokens[]>();
const indexes = new WeakMap<Reading, WordIndex>();

/** The words of each sentence of a reading (tokenized once per sentence text). */
export function sentenceWords(reading: Reading): Tokens[] {
  let ts = words.get(reading);
  if (!ts) {
    ts = reading.sentences.map((s) => tokensOf(s.lower));
    words.set(reading, ts);
  }
  return ts;
}

/** Where each word occurs: built only when some sentence is searched afresh (never while typing elsewhere). */
export function wordIndex(reading: Reading): WordIndex {
  let ix = indexes.get(reading);
  if (!ix) {
    const tokens = sentenceWords(reading);
    const at = new Map<string, number[]>();
    tokens.forEach((ts, si) => {
      ts.w.forEach((w, ti) => {
        let list = at.get(w);
        if (!list) at.set(w, (list = []));
        list.push(si, ti);
      });
    });
    ix = { tokens, at, sorted: [...at.keys()].sort() };
    indexes.set(reading, ix);
  }
  return ix;
}

function tokensOf(lower: string): Tokens {
  let ts = tokenCache.get(lower);
  if (!ts) {
    ts = { w: [], start: [], end: [] };
    // Most prose is ASCII, and the ASCII expression is the faster one.
    const re = NON_ASCII.test(lower) ? WORD : ASCII_WORD;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(lower))) {
      ts.w.push(m[0]);
      ts.start.push(m.index);
      ts.end.push(m.index + m[0].length);
    }
    tokenCache.set(lower, ts);
  }
  return ts;
}

/** Splits one alternative into word-step sequences; undefined when it is not plain words. */
function steps(alt: string): Step[][] | undefined {
  const a = alt.trim().toLowerCase();
  // Punctuation at either end ("/month", "$/") is part of what is meant: a regular expression reads it exactly.
  if (!a || !PLAIN.test(a) || !/^[\p{L}\p{N}]/u.test(a) || !/[\p{L}\p{N}*]$/u.test(a)) return undefined;
  const words = a.split(/[\s\-/@'’.]+/).filter(Boolean);
  if (!words.length || words.some((w, i) => w.includes('*') && (i < words.length - 1 || !w.endsWith('*') || w.indexOf('*') !== w.length - 1))) return undefined;
  const make = (ws: string[]): Step[] =>
    ws.map((w, i) => {
      const stem = w.endsWith('*');
      const word = stem ? w.slice(0, -1) : w;
      return { word, stem, plural: !stem && i === ws.length - 1 && /^[a-z]{3,}$/.test(word) };
    });
  const out = [make(words)];
  // "fine-tune" is also written "finetune": the hyphenated words joined into one.
  if (/[-/]/.test(a) && words.length > 1) out.push(make([words.join('')]));
  return out;
}

function matchesStep(step: Step, w: string): boolean {
  if (step.stem) return w.startsWith(step.word);
  if (w === step.word) return true;
  if (!step.plural) return false;
  if (step.word.endsWith('y') && w === `${step.word.slice(0, -1)}ies`) return true;
  return w === `${step.word}s` || w === `${step.word}es`;
}

/** The phrasings of one concept part, compiled for the word index (and a regex for the rest). */
export class PhraseMatcher {
  /** Patterns by the exact word (or plural form) they start with. */
  readonly #byWord = new Map<string, Step[][]>();
  /** Patterns whose first word is a stem ("retriev*"). */
  readonly #stems: Step[][] = [];
  /** Regular expressions, each tried only on sentences holding one of its anchor words (all sentences without anchors). */
  readonly #regexes: Array<{ re: RegExp; anchors: Step[] | undefined }> = [];

  constructor(phrasings: readonly string[], toRegex: (alt: string) => string) {
    for (const p of phrasings) {
      const t = p.trim();
      // "re[knowledge|memory]:…" is a regular expression tried only where one of those words is written.
      const re = /^re(?:\[([^\]]*)\])?:/.exec(t);
      if (re) {
        const anchors = re[1]?.split('|').map((w) => anchorStep(w)).filter((x): x is Step => !!x);
        this.#regexes.push({ re: new RegExp(t.slice(re[0].length), 'gu'), anchors: anchors?.length ? anchors : undefined });
        continue;
      }
      for (const alt of t.split('|')) {
        if (!alt.trim()) continue;
        const s = steps(alt);
        if (!s) {
          // Not plain words ("/month", "q&a"): its longest word, when it has one, is where to look.
          const longest = (alt.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []).sort((a, b) => b.length - a.length)[0];
          this.#regexes.push({ re: new RegExp(toRegex(alt), 'gu'), anchors: longest ? [{ word: longest, stem: true, plural: false }] : undefined });
          continue;
        }
        for (const pattern of s) {
          const first = pattern[0] as Step;
          if (first.stem) {
            this.#stems.push(pattern);
            continue;
          }
          for (const form of forms(first)) {
            const list = this.#byWord.get(form);
            if (list) list.push(pattern);
            else this.#byWord.set(form, [pattern]);
          }
        }
      }
    }
  }

  /** Matches per sentence text: a sentence read in an earlier version of the document is not searched again. */
  readonly #seen = new BoundedMap<string, ReadonlyArray<readonly [number, number]>>(4096);
  #generation = cacheGeneration();

  /**
   * Every match in the reading, as [sentence index, start, end] with offsets within the sentence; with `only`,
   * in those sentences alone (a rule that reads one section pays for that section).
   */
  find(reading: Reading, only?: readonly number[]): Array<[number, number, number]> {
    const out: Array<[number, number, number]> = [];
    const misses: number[] = [];
    if (this.#generation !== cacheGeneration()) {
      this.#seen.clear();
      this.#generation = cacheGeneration();
    }
    const visit = (si: number): void => {
      const hit = this.#seen.get((reading.sentences[si] as Sentence).lower);
      if (!hit) misses.push(si);
      else for (const [a, b] of hit) out.push([si, a, b]);
    };
    if (only) for (const si of only) visit(si);
    else for (let si = 0; si < reading.sentences.length; si++) visit(si);
    if (!misses.length) return out;
    // Many new sentences: one pass over the document's word index; a few (an edit): those sentences alone.
    const fresh = !only && misses.length * 3 > reading.sentences.length ? this.#search(reading) : this.#search(reading, misses);
    const bySentence = new Map<number, Array<readonly [number, number]>>();
    for (const [si, a, b] of fresh) {
      let list = bySentence.get(si);
      if (!list) bySentence.set(si, (list = []));
      list.push([a, b]);
    }
    for (const si of misses) {
      const found = bySentence.get(si) ?? NONE;
      this.#seen.set((reading.sentences[si] as Sentence).lower, found);
      for (const [a, b] of found) out.push([si, a, b]);
    }
    return out;
  }

  #search(reading: Reading, only?: readonly number[]): Array<[number, number, number]> {
    const ix = wordIndex(reading);
    const out: Array<[number, number, number]> = [];
    const tryAt = (p: Step[], occ: number[]): void => {
      for (let k = 0; k < occ.length; k += 2) {
        const si = occ[k] as number;
        const ti = occ[k + 1] as number;
        const ts = ix.tokens[si] as Tokens;
        if (ti + p.length > ts.w.length) continue;
        let ok = true;
        for (let j = 1; j < p.length && ok; j++) {
          ok = matchesStep(p[j] as Step, ts.w[ti + j] as string) && JOIN.test((reading.sentences[si] as Sentence).lower.slice(ts.end[ti + j - 1], ts.start[ti + j]));
        }
        if (ok) out.push([si, ts.start[ti] as number, ts.end[ti + p.length - 1] as number]);
      }
    };
    if (only) {
      for (const si of only) {
        const ws = ix.tokens[si]?.w ?? [];
        ws.forEach((w, ti) => {
          for (const p of this.#byWord.get(w) ?? []) tryAt(p, [si, ti]);
          for (const p of this.#stems) if (w.startsWith((p[0] as Step).word)) tryAt(p, [si, ti]);
        });
      }
    } else if (ix.at.size < this.#byWord.size) {
      // Walk whichever is smaller: the document's words or the concept's first words.
      for (const [w, occ] of ix.at) for (const p of this.#byWord.get(w) ?? []) tryAt(p, occ);
    } else {
      for (const [w, patterns] of this.#byWord) {
        const occ = ix.at.get(w);
        if (occ) for (const p of patterns) tryAt(p, occ);
      }
    }
    if (!only) for (const p of this.#stems) for (const w of prefixed(ix, (p[0] as Step).word)) tryAt(p, ix.at.get(w) ?? []);
    for (const { re, anchors } of this.#regexes) {
      let where: Iterable<number> | undefined = anchors ? sentencesWith(ix, anchors) : undefined;
      if (only) {
        const anchored = where ? new Set(where) : undefined;
        where = anchored ? only.filter((si) => anchored.has(si)) : only;
      }
      const run = (si: number): void => {
        const s = reading.sentences[si] as Sentence;
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(s.lower))) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          out.push([si, m.index, m.index + m[0].length]);
        }
      };
      if (where) for (const si of where) run(si);
      else for (let si = 0; si < reading.sentences.length; si++) run(si);
    }
    return out;
  }
}

function anchorStep(w: string): Step | undefined {
  const t = w.trim().toLowerCase();
  if (!t) return undefined;
  return t.endsWith('*') ? { word: t.slice(0, -1), stem: true, plural: false } : { word: t, stem: false, plural: false };
}

/** The sentences (indices) holding a word one of the anchors matches. */
function sentencesWith(ix: WordIndex, anchors: Step[]): Set<number> {
  const out = new Set<number>();
  for (const a of anchors) {
    for (const w of a.stem ? prefixed(ix, a.word) : [a.word]) {
      const occ = ix.at.get(w);
      if (occ) for (let k = 0; k < occ.length; k += 2) out.add(occ[k] as number);
    }
  }
  return out;
}

/** The words an exact first step matches: itself and, when it may be plural, its plurals. */
function forms(step: Step): string[] {
  if (!step.plural) return [step.word];
  return [step.word, `${step.word}s`, `${step.word}es`, ...(step.word.endsWith('y') ? [`${step.word.slice(0, -1)}ies`] : [])];
}

/** The indexed words starting with `prefix` (binary search, then a walk while the prefix holds). */
function prefixed(ix: WordIndex, prefix: string): string[] {
  const { sorted } = ix;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as string) < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < sorted.length && (sorted[i] as string).startsWith(prefix); i++) out.push(sorted[i] as string);
  return out;
}
