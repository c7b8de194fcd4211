import * as l10n from '@vscode/l10n';
import type { Html } from 'mdast';
import type { TextEdit } from '../finding.js';
import type { ParsedSnapshot } from '../model.js';
import type { Range } from '../position.js';
import type { Rule } from '../rule.js';
import { andList } from '../wording.js';
import { walk } from '../tree.js';

/** Template guidance comments start with this word, so authors' own comments are left alone. */
export const GUIDANCE = /^<!--\s*Guidance\b/i;

const WORDS = /\b(?:TODO|TBD|FIXME)\b/g;
const VARIABLE = /\{\{\s*[\w.-]+\s*\}\}/g;
// "<number of users>", "<…>", "<e.g. 10k>": angle brackets around a description.
const MARKER = /<(?:…|\.\.\.|[^\s<>!/?=][^<>\n]*?[^\s<>=-]|[^\s<>!/?=])>/g;
const HTML_TAGS = new Set(
  'a abbr address area article aside audio b bdi bdo blockquote br button canvas caption center cite code col colgroup dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 header hr i iframe img input ins kbd label legend li link main mark meta meter nav object ol optgroup option output p param picture pre progress q rp rt ruby s samp script section select small source span strike strong style sub summary sup svg table tbody td template textarea tfoot th thead time tr track tt u ul var video wbr'.split(
    ' ',
  ),
);

/** An identifier: a name a tuple or a type parameter is made of (user, video_id, K, str, Dict[str, int]). */
const IDENT = /^[\p{L}_][\p{L}\p{N}_.:[\]]*$/u;

/**
 * True when angle brackets hold a placeholder to fill in ("<number of users>", "<failure>"), not HTML, a link,
 * an ML tuple ("<user, ad>", "<query, doc, label>"), a type ("List<T>", "Map<K, V>", "<T>") or a name pattern
 * inside an identifier or a path ("dapr.mcp.<name>.ListTools", "/v1/<id>/tools").
 */
function isMarker(m: string, before: string, after: string): boolean {
  const inner = m.slice(1, -1);
  // An HTML tag, whatever its attributes look like ("<img src='a.png', width='700'>", "<img width = 400 />").
  const tag = /^([a-z][a-z0-9-]*)(?=[\s/]|$)/i.exec(inner)?.[1]?.toLowerCase();
  if (tag && HTML_TAGS.has(tag) && (inner.trim().replace(/\/$/, '') === tag || inner.includes('='))) return false;
  // Autolinks and e-mail addresses are links, not placeholders.
  if (/^[a-z][a-z0-9+.-]*:|^[^\s@]+@[^\s@]+$/i.test(inner)) return false;
  // Glued to a name or a path on either side: a pattern, a generic type.
  if (/[\p{L}\p{N}_.\/:-]/u.test(before) || /[\p{L}\p{N}_/]/u.test(after)) return false;
  const parts = inner.split(',').map((p) => p.trim());
  // A tuple of names, or a lone type parameter (one capital letter).
  if (parts.length > 1 && parts.every((p) => IDENT.test(p))) return false;
  if (/^[A-Z]$/.test(inner)) return false;
  return true;
}

/** What kind of template leftover a finding is about. */
export type LeftoverKind = 'guidance' | 'placeholder' | 'marker' | 'variable';

/** One piece of template scaffolding still in the text. */
export interface Leftover {
  kind: LeftoverKind;
  /** What a per-item finding says ("Placeholder <number of users> is still in the text; …"). */
  message: string;
  /** Where it is; a guidance comment is marked at its opening "<!-- Guidance" only, so no block of text is squiggled. */
  range: Range;
  /** The whole of it, for selecting it (the first placeholder of a new snapshot) or removing it. */
  whole: Range;
  /** For guidance comments: the edit that removes the comment (with its line when it stands on lines of its own). */
  removal?: TextEdit;
}

/** A leftover named for a message; `found` is the document's text (data), the noun before it is translated. */
function describe(found: string): string {
  if (/^(?:TODO|TBD|FIXME)$/.test(found)) return l10n.t('Marker "{0}"', found);
  if (found.startsWith('{{')) return l10n.t('Template variable {0}', found);
  return l10n.t('Placeholder {0}', found);
}

function kindOf(found: string): LeftoverKind {
  if (/^(?:TODO|TBD|FIXME)$/.test(found)) return 'marker';
  if (found.startsWith('{{')) return 'variable';
  return 'placeholder';
}

/** The range shown for a leftover: from its start to the end of its first line. */
function firstLine(parsed: ParsedSnapshot, start: number, end: number): Range {
  const { lines, text } = parsed;
  const line = lines.positionAt(start).line;
  return lines.range(start, Math.min(end, lines.lineEnd(line, text)));
}

/** A plan item's status, not a leftover: "Phase 2 (TODO): testing", "Milestone 3 (TBD)". */
const PLAN_ITEM = /\b(?:phase|milestone|step|stage|part|iteration|sprint|release|version|v)\s*\d+(?:\.\d+)*[a-z]?\s*\($/i;

function planStatus(value: string, at: number, length: number): boolean {
  return value[at + length] === ')' && PLAN_ITEM.test(value.slice(Math.max(0, at - 40), at));
}

function scan(out: Leftover[], parsed: ParsedSnapshot, value: string, start: number, end: number): void {
  const exact = parsed.text.slice(start, end) === value;
  // What stands either side of a match, in the document (a node may be a piece of a longer name: "a.<b>.c").
  const around = (at: number, len: number): [string, string] => (exact ? [parsed.text[start + at - 1] ?? '', parsed.text[start + at + len] ?? ''] : [value[at - 1] ?? '', value[at + len] ?? '']);
  const found: Array<{ at: number; text: string }> = [];
  for (const re of [WORDS, VARIABLE, MARKER]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(value))) {
      if (re === MARKER && !isMarker(m[0], ...around(m.index, m[0].length))) continue;
      if (re === WORDS && planStatus(value, m.index, m[0].length)) continue;
      found.push({ at: m.index, text: m[0] });
    }
  }
  // One finding per placeholder: "<TBD>" and "{{TODO}}" are one placeholder each, not a marker inside a marker.
  found.sort((a, b) => a.at - b.at || b.text.length - a.text.length);
  // Sorted by start, longest first: a match lies inside an earlier one exactly when it ends by the furthest end so far.
  let furthest = -1;
  const kept = found.filter((f) => {
    const end = f.at + f.text.length;
    if (end <= furthest) return false;
    furthest = end;
    return true;
  });
  if (!kept.length) return;
  if (!exact) {
    // Escapes or entities shift the positions: one finding for the whole text, naming each placeholder.
    const names = [...new Set(kept.map((f) => describe(f.text)))];
    const whole = parsed.lines.range(start, end);
    out.push({
      kind: kindOf(kept[0]?.text ?? ''),
      message:
        names.length > 1
          ? l10n.t('{0} are still in the text; expected them replaced with your own content.', names.join(', '))
          : l10n.t('{0} is still in the text; expected it replaced with your own content.', names[0] ?? ''),
      range: firstLine(parsed, start, end),
      whole,
    });
    return;
  }
  for (const f of kept) {
    const range = parsed.lines.range(start + f.at, start + f.at + f.text.length);
    out.push({ kind: kindOf(f.text), message: l10n.t('{0} is still in the text; expected it replaced with your own content.', describe(f.text)), range, whole: range });
  }
}

function guidanceOrMarker(out: Leftover[], parsed: ParsedSnapshot, n: Html, start: number, end: number): void {
  const { lines, text } = parsed;
  if (GUIDANCE.test(n.value)) {
    // Remove the comment with its line break when it stands on lines of its own.
    const lineStart = lines.lineStart(lines.positionAt(start).line);
    const own = text.slice(lineStart, start).trim() === '';
    let to = end;
    if (own && text[to] === '\r') to++;
    if (own && text[to] === '\n') to++;
    out.push({
      kind: 'guidance',
      message: l10n.t('Template guidance is still in the text; expected your own content in its place, with the comment removed.'),
      range: lines.range(start, start + (GUIDANCE.exec(n.value)?.[0].length ?? 0)),
      whole: lines.range(start, end),
      removal: { range: lines.range(own ? lineStart : start, to), newText: '' },
    });
    return;
  }
  if (n.value.startsWith('<!--')) return;
  scan(out, parsed, n.value, start, end);
}

const cache = new WeakMap<ParsedSnapshot, readonly Leftover[]>();

/**
 * Every piece of template scaffolding left in a parsed document, in document order: guidance comments,
 * `<…>` placeholders, TODO/TBD/FIXME markers and `{{variables}}` (computed once per parse).
 */
export function templateLeftovers(parsed: ParsedSnapshot): readonly Leftover[] {
  const known = cache.get(parsed);
  if (known) return known;
  const out: Leftover[] = [];
  const off = parsed.shift;
  walk(parsed.tree, (n) => {
    if (n.type === 'code' || n.type === 'inlineCode') return false;
    const start = (n.position?.start.offset ?? 0) + off;
    const end = (n.position?.end.offset ?? 0) + off;
    if (n.type === 'yaml') {
      const from = parsed.text.indexOf('\n', start) + 1;
      scan(out, parsed, n.value, from, from + n.value.length);
    } else if (n.type === 'html') {
      guidanceOrMarker(out, parsed, n, start, end);
    } else if (n.type === 'text') {
      scan(out, parsed, n.value, start, end);
    }
    return true;
  });
  cache.set(parsed, out);
  return out;
}

/** The edits that remove every guidance comment of a document at once (none when there is none). */
export function guidanceRemovalEdits(parsed: ParsedSnapshot): TextEdit[] {
  return templateLeftovers(parsed).flatMap((l) => (l.removal ? [l.removal] : []));
}

/** "1 placeholder", "3 placeholders": a count with its noun, per kind (functions: the language is chosen after loading). */
const NOUNS: Record<LeftoverKind, (n: number) => string> = {
  guidance: (n) => (n === 1 ? l10n.t('{0} guidance comment', n) : l10n.t('{0} guidance comments', n)),
  placeholder: (n) => (n === 1 ? l10n.t('{0} placeholder', n) : l10n.t('{0} placeholders', n)),
  marker: (n) => (n === 1 ? l10n.t('{0} TODO/TBD marker', n) : l10n.t('{0} TODO/TBD markers', n)),
  variable: (n) => (n === 1 ? l10n.t('{0} template variable', n) : l10n.t('{0} template variables', n)),
};

/** "9 guidance comments, 3 placeholders and 1 TODO/TBD marker". */
function counted(items: readonly Leftover[]): string {
  const parts: string[] = [];
  for (const kind of Object.keys(NOUNS) as LeftoverKind[]) {
    const n = items.filter((l) => l.kind === kind).length;
    if (n) parts.push(NOUNS[kind](n));
  }
  return andList(parts);
}

/** The title of the fix that removes every guidance comment, in the user's language (hosts recognise the fix by it). */
export function removeAllGuidanceTitle(): string {
  return l10n.t('Remove all template guidance');
}

export const placeholderLeft: Rule = {
  id: 'placeholder-left',
  description: 'No template placeholders or guidance are left: TODO, TBD, <…> markers, {{variables}}, Guidance comments.',
  severity: 'scaffold',
  check(ctx) {
    const items = templateLeftovers(ctx.parsed);
    const first = items[0];
    if (!first) return;
    const removeAll = guidanceRemovalEdits(ctx.parsed);
    if (!ctx.strict) {
      // A draft is expected to hold its template's scaffolding: one calm finding for the document, at the first item.
      const line = first.range.start.line + 1;
      // A document's own TODOs are not a template's text: say what they are.
      const onlyMarkers = items.every((i) => i.kind === 'marker');
      ctx.report({
        range: first.range,
        message: onlyMarkers
          ? l10n.t('{0} still in the document, the first at line {1}; expected each resolved, or written as an open question, before review.', counted(items), line)
          : l10n.t('Template text is still in the document: {0}, the first at line {1}; expected your own content in their place before review.', counted(items), line),
        ...(removeAll.length ? { fix: { title: removeAllGuidanceTitle(), edits: removeAll } } : {}),
      });
      return;
    }
    for (const item of items) {
      ctx.report({ range: item.range, message: item.message, ...(item.removal ? { fix: { title: l10n.t('Remove template guidance'), edits: [item.removal] } } : {}) });
    }
  },
};
