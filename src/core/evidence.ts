import type { ParsedSnapshot } from './model.js';
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
  const re = patternOf(evidence);
  if (!re || !evidence.paragraphs) return false;
  let n = 0;
  for (const b of blocksOf(parsed)) if (re.test(b) && ++n >= evidence.paragraphs) return true;
  return false;
}
