import type { ParsedSnapshot, SectionHeading } from '../model.js';
import type { Range } from '../position.js';
import type { RuleContext } from '../rule.js';
import { affirmed } from './concepts.js';
import { readSnapshot, type Reading, type Sentence } from './reader.js';
import { GENERATIVE, LLM_NAMED, ML_SYSTEM } from './vocabulary.js';

/**
 * What every review rule asks first: which pattern the snapshot follows, whether
 * it is written enough to judge, and where a finding about a section goes.
 */

/** The GenAI patterns (the schema requires a safety section of these; a test keeps the two lists equal). */
export const GENAI_PATTERNS: readonly string[] = ['rag', 'llm-serving', 'agent', 'content-moderation', 'doc-processing', 'chatbot'];

/** The patterns that are GenAI whatever the text says: a model generates the answer, the action or the output. */
const GENAI_BY_NAME: readonly string[] = ['rag', 'llm-serving', 'agent', 'chatbot'];

/**
 * What authors write in `pattern:` for the built-in patterns, by the words of the name: "fraud" is fraud-detection,
 * "moderation" content-moderation, "llm-inference" llm-serving, "recommendations" recsys. Checked in order; a name
 * that matches none is kept as written (a team's own pattern).
 */
const PATTERN_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/^(?:rag|retrieval|retrieval-augmented(?:-generation)?|qa|question-answering|knowledge-assistant)$|(?:^|-)rag(?:-|$)/, 'rag'],
  [/agent|agentic|tool-use/, 'agent'],
  [/chat|conversational|assistant/, 'chatbot'],
  [/(?:llm|model|genai)-?(?:serving|inference|gateway|router|routing|api|platform)|^(?:inference|serving|llm)$/, 'llm-serving'],
  [/moderation|trust-and-safety|content-safety/, 'content-moderation'],
  [/doc(?:ument)?s?-?(?:processing|extraction|understanding|ai)|^(?:extraction|idp|ocr)$/, 'doc-processing'],
  [/fraud|abuse|risk-scoring|account-takeover/, 'fraud-detection'],
  [/feature-?(?:store|platform|pipeline)s?|^features$/, 'feature-store'],
  [/rec(?:ommend\w*|sys|s)(?:-|$)|^recommend|personali[sz]ation/, 'recsys'],
  [/search|ranking|learning-to-rank|ltr$/, 'search-ranking'],
  [/monitoring|observability/, 'ml-monitoring'],
  [/training|ml-pipeline|mlops/, 'training-pipeline'],
];

/** A pattern as written, as the id of the built-in pattern it names (or itself). */
export function canonicalPattern(written: string): string {
  const p = written.trim().toLowerCase().replace(/[\s_/]+/g, '-');
  if (GENAI_PATTERNS.includes(p) || ['recsys', 'search-ranking', 'fraud-detection', 'feature-store', 'training-pipeline', 'ml-monitoring', 'generic'].includes(p)) return p;
  for (const [re, id] of PATTERN_WORDS) if (re.test(p)) return id;
  return p;
}

/** The frontmatter's pattern as a built-in pattern id ("fraud" → fraud-detection), lower-cased, or undefined. */
export function patternOf(parsed: ParsedSnapshot): string | undefined {
  const p = parsed.model.frontmatter.pattern;
  return typeof p === 'string' && p.trim() ? canonicalPattern(p) : undefined;
}

export function isGenAI(pattern: string | undefined): boolean {
  return pattern !== undefined && GENAI_PATTERNS.includes(pattern);
}

/**
 * True when the design puts a generative model to work: a pattern that is GenAI by name, or one that may or may not
 * be (moderation, document processing, generic, none) whose text commits to an LLM by name, or to prompts or generated
 * text in two sentences or more.
 */
export function usesGenAI(pattern: string | undefined, reading: Reading): boolean {
  if (pattern !== undefined && GENAI_BY_NAME.includes(pattern)) return true;
  if (affirmed(LLM_NAMED.mentions(reading))) return true;
  const seen = new Set<Sentence>();
  for (const m of GENERATIVE.mentions(reading)) if (m.polarity === 'affirmed') seen.add(m.clause.sentence);
  return seen.size >= 2;
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
 * The reading a GenAI red-flag rule judges: undefined for a design without a generative model (by its pattern, or by
 * its text when the pattern may go either way), or a document far longer than a snapshot; else the pattern and the
 * snapshot's reading.
 */
export function genAIReading(ctx: RuleContext): { pattern: string; reading: Reading } | undefined {
  const pattern = patternOf(ctx.parsed);
  if (!pattern || tooLong(ctx)) return undefined;
  if (!isGenAI(pattern) && !['generic', 'doc-processing', 'content-moderation'].includes(pattern)) return undefined;
  const reading = readSnapshot(ctx.parsed);
  return usesGenAI(pattern, reading) ? { pattern, reading } : undefined;
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
