import type { ParsedSnapshot, SectionHeading } from '../model.js';
import type { Range } from '../position.js';
import type { RuleContext } from '../rule.js';
import { affirmed } from './concepts.js';
import { readSnapshot, type Reading, type Sentence } from './reader.js';
import { ML_SYSTEM } from './vocabulary.js';

/**
 * What every review rule asks first: which pattern the snapshot follows, whether
 * it is written enough to judge, and where a finding about a section goes.
 */

/** The GenAI patterns (the schema requires a safety section of these; a test keeps the two lists equal). */
export const GENAI_PATTERNS: readonly string[] = ['rag', 'llm-serving', 'agent', 'content-moderation', 'doc-processing', 'chatbot'];

/** The frontmatter's pattern, lower-cased, or undefined. */
export function patternOf(parsed: ParsedSnapshot): string | undefined {
  const p = parsed.model.frontmatter.pattern;
  return typeof p === 'string' && p.trim() ? p.trim().toLowerCase() : undefined;
}

export function isGenAI(pattern: string | undefined): boolean {
  return pattern !== undefined && GENAI_PATTERNS.includes(pattern);
}

/**
 * True when the snapshot is written enough for a rule to judge what it lacks:
 * at least four sections of the author's own prose, 150 words, and no more than
 * one section still holding template guidance or placeholders. A fresh
 * scaffold, or a draft that has barely started, is never told what it lacks.
 */
export function substantive(reading: Reading): boolean {
  return reading.written.size >= 4 && reading.words >= 150 && reading.unfinished.size <= 1;
}

/**
 * True when the document is far longer than a snapshot (several times the length budget, and at least 6,000
 * words): a 50-page RFC is not a one-to-two-page snapshot, and the review rules, which judge snapshots, leave it
 * alone. Decided from the model's word counts, before anything is read.
 */
export function tooLong(ctx: RuleContext): boolean {
  let words = 0;
  for (const s of Object.values(ctx.parsed.model.sections)) words += s.wordCount;
  return words > Math.max(6000, 4 * ctx.options.lengthBudget);
}

/**
 * True when an absence rule that applies to every pattern may judge this
 * document: it is substantive, and either declares a pattern, or presents
 * itself as a snapshot (`designSnapshot: true`, or capacity estimates with
 * calculations, which RFCs and library proposals do not have) and clearly
 * describes a system with a model in it (in two sections or more).
 */
export function judgeable(ctx: RuleContext): boolean {
  const { model } = ctx.parsed;
  const pattern = patternOf(ctx.parsed);
  // Cheap questions first: whether the document presents itself as a snapshot needs no reading of its prose.
  if (!pattern && model.frontmatter.designSnapshot !== true && !((model.sections.estimates?.calculations.length ?? 0) > 0)) return false;
  if (tooLong(ctx)) return false;
  const reading = readSnapshot(ctx.parsed);
  if (!substantive(reading)) return false;
  if (pattern) return true;
  const sections = new Set(ML_SYSTEM.mentions(reading).filter((m) => m.polarity === 'affirmed').map((m) => m.section ?? ''));
  return sections.size >= 2 && !!affirmed(ML_SYSTEM.mentions(reading));
}

/** The heading of a canonical section (its first occurrence), if the document has it. */
export function headingOf(parsed: ParsedSnapshot, id: string): SectionHeading | undefined {
  return parsed.headings.find((h) => h.id === id && !h.duplicateOf);
}

/**
 * Where a finding about a section goes: its heading when present, else the
 * first of the fallback sections present, else the title or the first line.
 */
export function anchorFor(parsed: ParsedSnapshot, ids: readonly string[]): { range: Range; section?: string } {
  for (const id of ids) {
    const h = headingOf(parsed, id);
    if (h) return { range: h.range, section: id };
  }
  if (parsed.title) return { range: parsed.title.range };
  return { range: parsed.lines.lineRange(0, parsed.text) };
}

/** The range of a clause or mention, for a report. */
export function rangeOf(parsed: ParsedSnapshot, from: number, to: number): Range {
  return parsed.lines.range(from, to);
}

/**
 * The reading a GenAI red-flag rule judges: undefined for a pattern that is not GenAI, or a document far longer
 * than a snapshot; else the pattern and the snapshot's reading.
 */
export function genAIReading(ctx: RuleContext): { pattern: string; reading: Reading } | undefined {
  const pattern = patternOf(ctx.parsed);
  if (!pattern || !isGenAI(pattern) || tooLong(ctx)) return undefined;
  return { pattern, reading: readSnapshot(ctx.parsed) };
}

/** Where a finding about one sentence goes: the sentence, in its section (else in `fallback`). */
export function sentenceAnchor(parsed: ParsedSnapshot, s: Sentence, fallback?: string): { range: Range; section?: string } {
  const section = s.block.section || fallback;
  return { range: parsed.lines.range(s.start, s.end), ...(section ? { section } : {}) };
}

/** A sentence shortened for a message. */
export function excerpt(text: string, max = 80): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}
