/**
 * How a heading is read as a reviewer reads it: "3.2 Proposed Design", "**Step 2:
 * Create a high level design**", "Metrics (Offline and Online)", "IV. Validation
 * schema" and "Key Trade-offs" all name a section whatever their numbering, case,
 * emphasis, plurals, parenthetical notes and leading filler words.
 */

/** Numbering and labels before a heading's words: "1.", "3.2", "IV.", "ii)", "a.", "(b)", "Step 2:", "Part 3 -". */
const NUMBERING = /^\s*(?:(?:step|part|section|chapter|stage)\s+\d+[a-z]?\s*[.:)\-–—]?\s*|\(?(?:\d+(?:\.\d+)*\.?|[ivxlcdm]{1,6}[.)]|[a-z][.)])\)?\s+|§\s*\d+(?:\.\d+)*\s+)/i;
/** Words that qualify a heading without changing what it names ("Key trade-offs", "Our approach", "Proposed design"). */
const FILLER = new Set(['the', 'our', 'key', 'proposed', 'main', 'overall', 'general', 'brief', 'short', 'a', 'an', 'some', 'my']);
/**
 * Headings so general that they name a section only at the top of a document: under another section's heading,
 * "Overview" or "Details" is part of that section ("## Proposal" / "### Overview" is the proposal's overview).
 */
const GENERAL = new Set(['overview', 'summary', 'introduction', 'detail', 'context', 'background', 'description', 'explanation', 'workflow', 'diagram']);

/** True for a heading that names a section only when no section contains it. */
export function isGeneralHeading(heading: string): boolean {
  return GENERAL.has(headingKey(heading));
}

/** Last words that name no topic of their own: "Implementation description" is about the implementation. */
const DESCRIPTORS = new Set(['description', 'overview', 'detail', 'explanation', 'summary', 'discussion']);

/** Headings longer than this are sentences, not names; their last word is not taken as what they name. */
const MAX_HEAD_WORDS = 6;

function singular(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|us|is|as|os)$/.test(word)) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/** Lower case, numbering, parentheticals, emphasis and "&" removed; punctuation left for splitting. */
function strip(heading: string): string {
  return heading
    .replace(/[*_`~]+/g, ' ')
    .replace(/\([^()]*\)|\[[^\][]*\]/g, ' ')
    .replace(NUMBERING, '')
    .toLowerCase()
    .replace(/[&+]/g, ' and ')
    .trim();
}

/** The key a heading (or an alias) is matched on: its words, singular, lower case, without leading filler words. */
export function headingKey(heading: string): string {
  const words = strip(heading)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  while (words.length > 1 && FILLER.has(words[0] ?? '')) words.shift();
  return words.map(singular).join(' ');
}

/** What a catalog answers for one heading key. */
export interface KeyLookup {
  exact(key: string): readonly string[] | undefined;
  head(word: string): string | undefined;
  /** The sections whose words (x-words) the key holds anywhere; none when the lookup has no such words. */
  words?(key: string): string[];
}

function unique(ids: Iterable<string>): string[] {
  return [...new Set(ids)];
}

/**
 * The section ids a heading names, most certain first: the whole heading; else
 * the label before a colon ("Phase 1: Core infra") or what follows it; else each
 * part of a compound ("Model development and offline evaluation"); else its head
 * noun, the last word of a short heading ("Serving architecture"). Empty when it
 * names none.
 */
export function matchHeading(heading: string, lookup: KeyLookup): string[] {
  return readHeading(heading, lookup).ids;
}

/** How a heading came to name its sections: by a name the schema lists, by a part of it, or by its head noun alone. */
export type HeadingMatch = { ids: string[]; how: 'name' | 'part' | 'head' | 'word' | 'none' };

/** matchHeading, and how sure the match is. */
export function readHeading(heading: string, lookup: KeyLookup): HeadingMatch {
  const whole = lookup.exact(headingKey(heading));
  if (whole) return { ids: [...whole], how: 'name' };
  // A question ("Will enabling this feature affect existing SLOs?") names no section by any of its words.
  if (/\?\s*$/.test(heading)) return { ids: [], how: 'none' };
  const stripped = strip(heading);
  const colon = stripped.indexOf(':');
  if (colon > 0) {
    for (const side of [stripped.slice(0, colon), stripped.slice(colon + 1)]) {
      const key = headingKey(side);
      const hit = lookup.exact(key) ?? lookup.exact(key.replace(/ \d+[a-z]?$/, ''));
      if (hit) return { ids: [...hit], how: 'part' };
    }
  }
  const parts = stripped.split(/\s*(?:,|;|\/|\band\b|\bor\b|\bvs\b\.?)\s*/).map(headingKey).filter(Boolean);
  if (parts.length > 1) {
    const ids = unique(parts.flatMap((p) => [...(lookup.exact(p) ?? [])]));
    if (ids.length) return { ids, how: 'part' };
  }
  // The head noun: English names put it last ("Serving architecture").
  const key = headingKey(colon > 0 ? stripped.slice(0, colon) : stripped);
  const words = key.split(' ');
  if (words.length <= MAX_HEAD_WORDS) {
    const last = lookup.head(words[words.length - 1] ?? '');
    if (last) return { ids: [last], how: 'head' };
    // "Implementation description", "Testing details": a word that only says the text describes its head.
    const before = words.length >= 2 && DESCRIPTORS.has(words[words.length - 1] ?? '') ? lookup.head(words[words.length - 2] ?? '') : undefined;
    if (before) return { ids: [before], how: 'head' };
    // "When it breaks", "Sizing it", "Judging quality": a word of one section, and of no other, anywhere in it.
    const by = lookup.words?.(key) ?? [];
    if (by.length === 1) return { ids: by, how: 'word' };
  }
  return { ids: [], how: 'none' };
}

/** How close a heading comes to naming a section: the share of the section's alias words it holds (0–1). */
export function closeness(heading: string, names: readonly string[]): number {
  const words = new Set(headingKey(heading).split(' ').filter((w) => w.length > 2 && !STOP.has(w)));
  if (words.size === 0) return 0;
  let best = 0;
  for (const name of names) {
    const target = headingKey(name).split(' ').filter((w) => w.length > 2 && !STOP.has(w));
    if (target.length === 0) continue;
    const shared = target.filter((w) => words.has(w)).length;
    best = Math.max(best, shared / Math.max(target.length, words.size));
  }
  return best;
}

const STOP = new Set(['and', 'the', 'for', 'with', 'of', 'to', 'in', 'on', 'how', 'what', 'why']);
