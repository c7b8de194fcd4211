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

function isMarker(m: string): boolean {
  const inner = m.slice(1, -1);
  if (/^[a-z][a-z0-9-]*(?:\s+[\w:-]+(?:=(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?$/i.test(inner)) {
    const tag = inner.split(/[\s/]/)[0]?.toLowerCase() ?? '';
    if (HTML_TAGS.has(tag)) return false;
  }
  // Autolinks and e-mail addresses are links, not placeholders.
  return !/^[a-z][a-z0-9+.-]*:|^[^\s@]+@[^\s@]+$/i.test(inner);
}

function describe(found: string): string {
  if (/^(?:TODO|TBD|FIXME)$/.test(found)) return `Marker "${found}"`;
  if (found.startsWith('{{')) return `Template variable ${found}`;
  return `Placeholder ${found}`;
}

function scan(ctx: RuleContext, parsed: ParsedSnapshot, value: string, start: number, end: number): void {
  const exact = parsed.text.slice(start, end) === value;
  for (const re of [WORDS, VARIABLE, MARKER]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(value))) {
      if (re === MARKER && !isMarker(m[0])) continue;
      const range = exact ? parsed.lines.range(start + m.index, start + m.index + m[0].length) : parsed.lines.range(start, end);
      ctx.report({ range, message: `${describe(m[0])} is still in the text; expected it replaced with your own content.` });
    }
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
