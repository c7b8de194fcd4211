import type { Html } from 'mdast';
import type { ParsedSnapshot } from '../model.js';
import type { Rule, RuleContext } from '../rule.js';
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

function describe(found: string): string {
  if (/^(?:TODO|TBD|FIXME)$/.test(found)) return `Marker "${found}"`;
  if (found.startsWith('{{')) return `Template variable ${found}`;
  return `Placeholder ${found}`;
}

function scan(ctx: RuleContext, parsed: ParsedSnapshot, value: string, start: number, end: number): void {
  const exact = parsed.text.slice(start, end) === value;
  // What stands either side of a match, in the document (a node may be a piece of a longer name: "a.<b>.c").
  const around = (at: number, len: number): [string, string] => (exact ? [parsed.text[start + at - 1] ?? '', parsed.text[start + at + len] ?? ''] : [value[at - 1] ?? '', value[at + len] ?? '']);
  const found: Array<{ at: number; text: string }> = [];
  for (const re of [WORDS, VARIABLE, MARKER]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(value))) {
      if (re === MARKER && !isMarker(m[0], ...around(m.index, m[0].length))) continue;
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
    ctx.report({ range: parsed.lines.range(start, end), message: `${names.join(', ')} ${names.length > 1 ? 'are' : 'is'} still in the text; expected ${names.length > 1 ? 'them' : 'it'} replaced with your own content.` });
    return;
  }
  for (const f of kept) {
    ctx.report({ range: parsed.lines.range(start + f.at, start + f.at + f.text.length), message: `${describe(f.text)} is still in the text; expected it replaced with your own content.` });
  }
}

export const placeholderLeft: Rule = {
  id: 'placeholder-left',
  description: 'No template placeholders or guidance are left: TODO, TBD, <…> markers, {{variables}}, Guidance comments.',
  severity: 'stage',
  check(ctx) {
    const { parsed } = ctx;
    const off = parsed.shift;
    walk(parsed.tree, (n) => {
      if (n.type === 'code' || n.type === 'inlineCode') return false;
      const start = (n.position?.start.offset ?? 0) + off;
      const end = (n.position?.end.offset ?? 0) + off;
      if (n.type === 'yaml') {
        const from = parsed.text.indexOf('\n', start) + 1;
        scan(ctx, parsed, n.value, from, from + n.value.length);
      } else if (n.type === 'html') {
        guidanceOrMarker(ctx, parsed, n, start, end);
      } else if (n.type === 'text') {
        scan(ctx, parsed, n.value, start, end);
      }
      return true;
    });
  },
};

function guidanceOrMarker(ctx: RuleContext, parsed: ParsedSnapshot, n: Html, start: number, end: number): void {
  const { lines, text } = parsed;
  if (GUIDANCE.test(n.value)) {
    // Remove the comment with its line break when it stands on lines of its own.
    const lineStart = lines.lineStart(lines.positionAt(start).line);
    const own = text.slice(lineStart, start).trim() === '';
    let to = end;
    if (own && text[to] === '\r') to++;
    if (own && text[to] === '\n') to++;
    ctx.report({
      range: lines.range(start, end),
      message: 'Template guidance is still in the text; expected your own content in its place, with the comment removed.',
      fix: { title: 'Remove template guidance', edits: [{ range: lines.range(own ? lineStart : start, to), newText: '' }] },
    });
    return;
  }
  if (n.value.startsWith('<!--')) return;
  scan(ctx, parsed, n.value, start, end);
}
