import type { ParsedSnapshot } from './model.js';
import { scanNumbers } from './numbers.js';
import type { SectionEvidence } from './schema.js';
import { textOf, walk } from './tree.js';

const blocks = new WeakMap<ParsedSnapshot, string[]>();
const patterns = new WeakMap<SectionEvidence, RegExp>();

/** The text of each paragraph and table row of the body (code, raw HTML and quotations left out), once per parse. */
function blocksOf(parsed: ParsedSnapshot): string[] {
  let out = blocks.get(parsed);
  if (!out) {
    const found: string[] = [];
    walk(parsed.tree, (n) => {
      if (n.type === 'code' || n.type === 'html' || n.type === 'yaml' || n.type === 'blockquote' || n.type === 'heading') return false;
        if (n.type === 'paragraph' || n.type === 'tableRow') {
        found.push(textOf(n));
        return false;
      }
      return true;
    });
    out = found;
    blocks.set(parsed, out);
  }
  return out;
}

/** "fail*" → a word starting with "fail"; phrases match across one space or hyphen; nothing else is special. */
function patternOf(evidence: SectionEvidence): RegExp | undefined {
  if (!evidence.terms?.length) return undefined;
  let re = patterns.get(evidence);
  if (!re) {
    const alternatives = evidence.terms
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean)
      .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, (c) => (c === '*' ? '\u0000' : `\\${c}`)).replace(/[ -]+/g, '[ -]').replace(/\u0000/g, '[\\p{L}\\p{N}-]*'));
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
    patterns.set(evidence, re);
  }
  return re;
}

/**
 * Statements that commit a document to a section whatever the heading above them says: user stories and
 * labelled goals are requirements; a failure paired with what the system then does is a failure mode.
 */
const STATEMENTS: Readonly<Record<string, RegExp>> = {
  // "As a Flyte user …, I want …", "Goal: …", "there was a need to support:", "REQ 3: …".
  requirement: /as an? [^,.;]{2,80}, (?:i|we) (?:want|would like|need|expect)|^\s*(?:goal|requirement|req)\s*\d*\s*:|need(?:s|ed)? to support/i,
  // "If a worker pod crashes, the leader restarts it", "when the engine is unavailable, queries fall back to …".
  'failure-handling':
    /(?:if|when|whenever|once|on|upon|in case of)[^.;]{0,80}?(?:fails?|failed|failures?|crash(?:es|ed)?|times? out|timed out|unavailable|unreachable|goes down|is down|dies|errors? out|exceed(?:s|ed)?|overload(?:ed)?)[^.;]{0,140}?(?:retr(?:y|ies|ied)|fall(?:s)? back|falls back|restart(?:s|ed)?|re-?schedul\w*|reject(?:s|ed)?|abort(?:s|ed)?|propagat\w*|recover(?:s|ed)?|skip(?:s|ped)?|drop(?:s|ped)?|evict\w*|throttl\w*|alert(?:s|ed)?|return(?:s|ed)? an? (?:error|default)|degrad\w*|mark(?:s|ed)?)/i,
};

/**
 * True when a document covers a section it gives no heading of its own: enough paragraphs use the section's
 * terms, or enough lines hold arithmetic. A reviewer would not call such a section missing.
 */
export function coveredWithoutHeading(parsed: ParsedSnapshot, evidence: SectionEvidence | undefined): boolean {
  if (!evidence) return false;
  if (evidence.calculations) {
    const lines = new Set(parsed.inlineEstimates.map((e) => e.lineStart));
    let estimateBlocks = 0;
    walk(parsed.tree, (n) => {
      if (n.type === 'code' && (n.lang ?? '').toLowerCase() === 'estimate') estimateBlocks++;
      return n.type !== 'code';
    });
    if (lines.size + estimateBlocks * evidence.calculations >= evidence.calculations) return true;
  }
  if (evidence.statements) {
    const re = STATEMENTS[evidence.statements.kind];
    let n = 0;
    if (re) for (const b of blocksOf(parsed)) if (re.test(b) && ++n >= evidence.statements.min) return true;
  }
  if (evidence.quantities) {
    let dense = 0;
    for (const b of blocksOf(parsed)) {
      if (scanNumbers(b).filter((m) => m.unitKind && m.unitKind !== 'percent').length >= 3 && ++dense >= evidence.quantities) return true;
    }
  }
  const re = patternOf(evidence);
  if (!re || !evidence.paragraphs) return false;
  let n = 0;
  for (const b of blocksOf(parsed)) if (re.test(b) && ++n >= evidence.paragraphs) return true;
  return false;
}
