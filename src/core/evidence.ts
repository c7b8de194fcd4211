import type { ParsedSnapshot } from './model.js';
import { scanNumbers } from './numbers.js';
import type { SectionEvidence } from './schema.js';
import { textOf, walk } from './tree.js';

const blocks = new WeakMap<ParsedSnapshot, string[]>();
const patterns = new WeakMap<readonly string[], RegExp>();
const structure = new WeakMap<ParsedSnapshot, { labels: string[]; definitions: number }>();

/**
 * Code that defines a data schema (each pattern stays within a line where it can, so a block of blank lines
 * costs linear time): a protobuf message, a SQL table, a Pydantic/dataclass/TypedDict model, a Go
 * struct, a TypeScript interface, a JSON Schema object, a Kubernetes CRD or a custom resource of the design's own
 * API group (a group with a dot outside k8s.io: "kaito.sh/v1alpha1").
 */
const DEFINITION = [
  /^[ \t]*message[ \t]+\w+[ \t]*\{/m,
  /\bcreate[ \t]+table\b/i,
  /^[ \t]*class[ \t]+\w+[ \t]*\((?:[\w.]*\.)?(?:BaseModel|TypedDict|NamedTuple|Schema|SQLModel)\b|^[ \t]*@dataclass/m,
  /^[ \t]*type[ \t]+\w+[ \t]+struct[ \t]*\{/m,
  /^[ \t]*(?:export[ \t]+)?interface[ \t]+\w+[ \t]*(?:extends[ \t]+[\w<>, ]+)?\{/m,
  /"type"\s*:\s*"object"[\s\S]{0,400}"properties"\s*:|"properties"\s*:[\s\S]{0,400}"type"\s*:\s*"object"/,
  /^kind:[ \t]*CustomResourceDefinition\b|openAPIV3Schema:/m,
  /^apiVersion:[ \t]*(?![\w.-]*k8s\.io\/)[\w-]+\.[\w.-]+\/v\w+[ \t]*$/m,
];
/** A table header naming a schema's columns: "Field | Type", "Column | Type | Description". */
const SCHEMA_HEADER = /^(?:field|column|attribute|property|key|name)s?\b[\s\S]*\btype\b/i;
/** "Pros:", "**Negative tests:**", "*Cons:* …": a lead-in label of at most five words. */
const LEAD_IN = /^\s*([^\s:.;!?][^:.;!?]{0,40}?)\s*(?:\([^)]{0,20}\))?\s*:/;

/** Subheadings, table column headers and lead-in labels, and the count of schema definitions, once per parse. */
function structureOf(parsed: ParsedSnapshot): { labels: string[]; definitions: number } {
  let out = structure.get(parsed);
  if (out) return out;
  const labels = parsed.outline.map((h) => h.text);
  let definitions = 0;
  walk(parsed.tree, (n) => {
    if (n.type === 'code') {
      const head = n.value.slice(0, 4000);
      if (DEFINITION.some((re) => re.test(head))) definitions++;
      return false;
    }
    if (n.type === 'table') {
      const header = n.children[0];
      if (header) {
        const cells = header.children.map((c) => textOf(c).trim());
        labels.push(...cells);
        if (SCHEMA_HEADER.test(cells.join(' | '))) definitions++;
      }
      return false;
    }
    if (n.type === 'paragraph') {
      const m = LEAD_IN.exec(textOf(n).slice(0, 80));
      if (m?.[1] && m[1].split(/\s+/).length <= 5) labels.push(m[1]);
      return false;
    }
    return n.type !== 'html' && n.type !== 'yaml' && n.type !== 'blockquote';
  });
  out = { labels, definitions };
  structure.set(parsed, out);
  return out;
}

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
function patternOf(terms: readonly string[] | undefined): RegExp | undefined {
  if (!terms?.length) return undefined;
  let re = patterns.get(terms);
  if (!re) {
    const alternatives = terms
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean)
      .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, (c) => (c === '*' ? '\u0000' : `\\${c}`)).replace(/[ -]+/g, '[ -]').replace(/\u0000/g, '[\\p{L}\\p{N}-]*'));
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
    patterns.set(terms, re);
  }
  return re;
}

/**
 * Statements that commit a document to a section whatever the heading above them says: user stories and
 * labelled goals are requirements; a failure paired with what the system then does is a failure mode.
 */
const STATEMENTS: Readonly<Record<string, RegExp>> = {
  // "As a Flyte user …, I want …" (or "…, I currently cannot …"), "Goal: …", "there was a need to support:", "REQ 3: …".
  requirement: /\bas an? [^.;]{2,160}?, (?:i|we) (?:want|would like|need|expect|(?:currently )?(?:cannot|can't|can not))\b|^\s*(?:goal|requirement|req)\s*\d*\s*:|\bneed(?:s|ed)? to support\b/i,
  // "If a worker pod crashes, the leader restarts it", "when the engine is unavailable, queries fall back to …".
  'failure-handling':
    /\b(?:if|when|whenever|once|on|upon|in case of)\b[^.;]{0,80}?\b(?:fails?|failed|failures?|crash(?:es|ed)?|times? out|timed out|unavailable|unreachable|goes down|is down|dies|errors? out|exceed(?:s|ed)?|overload(?:ed)?)\b[^.;]{0,140}?\b(?:retr(?:y|ies|ied)|fall(?:s)? back|falls back|restart(?:s|ed)?|re-?schedul\w*|reject(?:s|ed)?|abort(?:s|ed)?|propagat\w*|recover(?:s|ed)?|skip(?:s|ped)?|drop(?:s|ped)?|evict\w*|throttl\w*|alert(?:s|ed)?|return(?:s|ed)? an? (?:error|default)|degrad\w*|mark(?:s|ed)?)\b/i,
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
  if (evidence.definitions && structureOf(parsed).definitions >= evidence.definitions) return true;
  const label = patternOf(evidence.labels);
  if (label && structureOf(parsed).labels.some((l) => label.test(l))) return true;
  const re = patternOf(evidence.terms);
  if (!re || !evidence.paragraphs) return false;
  let n = 0;
  for (const b of blocksOf(parsed)) if (re.test(b) && ++n >= evidence.paragraphs) return true;
  return false;
}
