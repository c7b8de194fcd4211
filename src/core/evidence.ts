import type { List, Nodes, Paragraph } from 'mdast';
import type { ParsedSnapshot } from './model.js';
import { scanNumbers } from './numbers.js';
import type { SectionEvidence } from './schema.js';
import { textOf, walk } from './tree.js';

const blocks = new WeakMap<ParsedSnapshot, string[]>();
const patterns = new WeakMap<readonly string[], RegExp>();
/** What a document's structure shows: labels, schema definitions, lists that state requirements. */
interface Structure {
  labels: string[];
  definitions: number;
  normativeLists: number;
}
const structure = new WeakMap<ParsedSnapshot, Structure>();

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

/** Subheadings, table column headers and lead-in labels, the count of schema definitions and of lists that state requirements, once per parse. */
function structureOf(parsed: ParsedSnapshot): Structure {
  let out = structure.get(parsed);
  if (out) return out;
  const labels = parsed.outline.map((h) => h.text);
  let definitions = 0;
  let normativeLists = 0;
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
    if (n.type === 'html' || n.type === 'yaml' || n.type === 'blockquote') return false;
    if ('children' in n) {
      (n.children as Nodes[]).forEach((child, i, siblings) => {
        if (child.type === 'list' && statesRequirements(parsed, child, siblings[i - 1])) normativeLists++;
      });
    }
    return true;
  });
  out = { labels, definitions, normativeLists };
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

/** A sentence that obliges the design: "must", "shall", "should", "needs to", "is required to", "requires". */
const NORMATIVE = /\b(?:must|shall|should|needs? to|(?:is|are) required to|requires?)\b/i;
/** A lead-in that says the list after it is what the design has to do: "there was a need to support:", "The router must:". */
const NORMATIVE_LEAD_IN = /\b(?:need(?:s|ed)? to|must|shall|should|ha(?:s|ve) to)\s+(?:support|provide|handle|allow|enable|offer|guarantee|be able to)\b[^:]{0,80}:\s*$/i;

/**
 * A list item whose first sentence obliges the design. Not a question ("Should version history have a retention policy?" is an open
 * question), nor a rule about a field a specification defines ("`maxAttempts` MUST be a JSON integer").
 */
function obliges(item: Paragraph): boolean {
  if (item.children[0]?.type === 'inlineCode') return false;
  const text = textOf(item).slice(0, 400);
  const end = text.search(/[.!?](?:\s|$)/);
  const sentence = end < 0 ? text : text.slice(0, end + 1);
  return NORMATIVE.test(sentence) && !sentence.endsWith('?');
}

/** The canonical section an offset sits in: the innermost of the (at most 64) headings before it that contains it. */
function sectionAt(parsed: ParsedSnapshot, at: number): string | undefined {
  const hs = parsed.headings;
  let lo = 0;
  let hi = hs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((hs[mid]?.start ?? 0) <= at) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= Math.max(0, lo - 64); i--) {
    const h = hs[i];
    if (h?.id && at < h.contentEnd) return h.id;
  }
  return undefined;
}

/**
 * A list that states requirements without the word: three items or more, most of them normative ("Workflows should
 * be the same as for multi-file packages"), or a list of two or more after a lead-in such as "there was a need to
 * support:" (`prev`, the node before the list).
 */
function statesRequirements(parsed: ParsedSnapshot, list: List, prev: Nodes | undefined): boolean {
  if (list.children.length < 2) return false;
  // Expected behaviour in a test plan ("an older sidecar should continue to work") is a test case.
  const within = sectionAt(parsed, list.position?.start.offset ?? 0);
  if (within === 'evaluation' || within === 'open-questions') return false;
  if (prev?.type === 'paragraph' && NORMATIVE_LEAD_IN.test(textOf(prev).slice(-200))) return true;
  const firsts = list.children.map((item) => item.children.find((c): c is Paragraph => c.type === 'paragraph'));
  return list.children.length >= 3 && firsts.filter((p) => p && obliges(p)).length * 2 > list.children.length;
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
  if (evidence.statements) {
    const re = STATEMENTS[evidence.statements.kind];
    let n = 0;
    if (re) for (const b of blocksOf(parsed)) if (re.test(b) && ++n >= evidence.statements.min) return true;
    if (evidence.statements.kind === 'requirement' && structureOf(parsed).normativeLists > 0) return true;
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
