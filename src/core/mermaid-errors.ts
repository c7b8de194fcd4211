/**
 * Mermaid's parse errors in the author's words. Mermaid reports what its grammar expected ("Expecting 'SQE',
 * 'DOUBLECIRCLEEND', … got '1'") at a line counted after it stripped frontmatter, directives and comments; this
 * says what is wrong in the text (an unclosed `[`, an unknown arrow, a missing diagram type…), on the line of the
 * diagram where the fix goes, with a fix when one is certain enough to offer. Pure: used by every host and the
 * preview webview alike, so they say the same thing.
 */
import * as l10n from '@vscode/l10n';
import { contentLines, diagramHeader, DIAGRAM_TYPES, excerptOffset, familyOf, originalLine, parsedView, unbalanced, type Bracket, type DiagramFamily, type Unbalanced } from './mermaid-source.js';

/** What a host can tell about mermaid's error, as plain data (it crosses threads and the webview boundary). */
export interface MermaidErrorDetails {
  message: string;
  /** The error's class name (UnknownDiagramError when no diagram type matched). */
  name?: string;
  /** jison's parse-error hash: the offending token, its place (1-based lines of the parsed text) and what was expected. */
  hash?: {
    text?: string;
    token?: string | number | null;
    line?: number;
    loc?: { first_line: number; last_line: number; first_column: number; last_column: number };
    expected?: string[];
  };
  /** Langium parsers (pie, gitGraph, architecture…): the first error's 1-based line and column in the parsed text. */
  position?: { line: number; column: number };
  /**
   * An icon no bundled pack has (name UnknownIconError; mermaid would draw a "?"): its 0-based place in the diagram
   * as written, the packs there are, and the pack's closest icon when one is close.
   */
  icon?: { name: string; line: number; column: number; packs: string[]; known: boolean; suggestion?: string };
}

/** An edit in diagram coordinates: 0-based lines of the diagram's text (the first line after the opening fence is 0). */
export interface DiagramEdit {
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  newText: string;
}

/** Mermaid's error, explained. */
/** The error name of a diagram whose parse ran past the host's time budget (the worker was ended). */
export const OVER_BUDGET = 'OverBudget';
/** The error name of a host worker that failed (not a verdict on the diagram: never cached, never a finding on it). */
export const WORKER_FAILURE = 'WorkerFailure';

export interface ExplainedError {
  /** What is wrong and what was expected, in words. */
  message: string;
  /** 0-based line of the diagram where the fix goes, and the column of the construct at fault. */
  line: number;
  column: number;
  /** Mermaid's own message, for experts. */
  original: string;
  fix?: { title: string; edits: DiagramEdit[] };
  /** True when the diagram was not checked at all (over the time budget): information, not an error. */
  unchecked?: boolean;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null;

/** The plain details of whatever mermaid threw (an Error with jison's hash, a MermaidParseError, a string). */
export function mermaidErrorDetails(error: unknown): MermaidErrorDetails {
  if (!isObj(error)) return { message: String(error) };
  const message = typeof error.message === 'string' ? error.message : String(error);
  const out: MermaidErrorDetails = { message };
  const name = typeof error.name === 'string' ? error.name : (error.constructor as { name?: string } | undefined)?.name;
  if (name && name !== 'Error') out.name = name;
  const h = error.hash;
  if (isObj(h)) {
    const loc = isObj(h.loc) ? h.loc : undefined;
    out.hash = {
      ...(typeof h.text === 'string' ? { text: h.text } : {}),
      ...(typeof h.token === 'string' || typeof h.token === 'number' ? { token: h.token } : {}),
      ...(typeof h.line === 'number' ? { line: h.line } : {}),
      ...(loc && [loc.first_line, loc.last_line, loc.first_column, loc.last_column].every((n) => typeof n === 'number')
        ? { loc: { first_line: loc.first_line as number, last_line: loc.last_line as number, first_column: loc.first_column as number, last_column: loc.last_column as number } }
        : {}),
      ...(Array.isArray(h.expected) ? { expected: h.expected.filter((x): x is string => typeof x === 'string').slice(0, 100) } : {}),
    };
  }
  if (isObj(error.position) && typeof error.position.line === 'number' && typeof error.position.column === 'number') {
    out.position = { line: error.position.line, column: error.position.column };
  }
  const icon = error.icon;
  if (isObj(icon) && typeof icon.name === 'string' && typeof icon.line === 'number' && typeof icon.column === 'number' && Array.isArray(icon.packs)) {
    out.icon = {
      name: icon.name,
      line: icon.line,
      column: icon.column,
      packs: icon.packs.filter((p): p is string => typeof p === 'string'),
      known: icon.known === true,
      ...(typeof icon.suggestion === 'string' ? { suggestion: icon.suggestion } : {}),
    };
  }
  const result = error.result;
  if (!out.position && isObj(result)) {
    const lexer = Array.isArray(result.lexerErrors) ? (result.lexerErrors[0] as Obj | undefined) : undefined;
    const parser = Array.isArray(result.parserErrors) ? (result.parserErrors[0] as Obj | undefined) : undefined;
    const token = isObj(parser?.token) ? parser.token : undefined;
    if (lexer && typeof lexer.line === 'number' && typeof lexer.column === 'number') out.position = { line: lexer.line, column: lexer.column };
    else if (token && typeof token.startLine === 'number' && Number.isFinite(token.startLine)) out.position = { line: token.startLine, column: typeof token.startColumn === 'number' ? token.startColumn : 1 };
  }
  return out;
}

/** Edit distance, for "did you mean" (small words only). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0] as number;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j] as number;
      d[j] = Math.min((d[j] as number) + 1, (d[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length] as number;
}

/** The known word closest to `word` when it is a likely misspelling of it. */
function closest(word: string, known: readonly string[]): string | undefined {
  if (word.length < 3) return undefined;
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = k.toLowerCase() === word.toLowerCase() ? 0.5 : distance(word.toLowerCase(), k.toLowerCase());
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best && best !== word && bestD <= Math.min(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** What a diagram of each family is called in a message (functions: the language is chosen after the module loads). */
const FAMILY_NAME: Record<DiagramFamily, () => string> = {
  flowchart: () => l10n.t('a flowchart'), sequence: () => l10n.t('a sequence diagram'), class: () => l10n.t('a class diagram'), state: () => l10n.t('a state diagram'),
  er: () => l10n.t('an entity-relationship diagram'), gantt: () => l10n.t('a Gantt chart'), pie: () => l10n.t('a pie chart'), git: () => l10n.t('a git graph'),
  mindmap: () => l10n.t('a mind map'), timeline: () => l10n.t('a timeline'), journey: () => l10n.t('a user journey'), quadrant: () => l10n.t('a quadrant chart'),
  xychart: () => l10n.t('an XY chart'), c4: () => l10n.t('a C4 diagram'), block: () => l10n.t('a block diagram'), requirement: () => l10n.t('a requirement diagram'),
  sankey: () => l10n.t('a Sankey diagram'), kanban: () => l10n.t('a Kanban board'), architecture: () => l10n.t('an architecture diagram'), packet: () => l10n.t('a packet diagram'),
  radar: () => l10n.t('a radar chart'), treemap: () => l10n.t('a treemap'), other: () => l10n.t('this diagram'),
};

/** Keywords that start a statement, per family: an unknown first word close to one of these is a misspelling. */
const KEYWORDS: Partial<Record<DiagramFamily, readonly string[]>> = {
  flowchart: ['subgraph', 'end', 'style', 'classDef', 'class', 'click', 'linkStyle', 'direction'],
  sequence: ['participant', 'actor', 'loop', 'alt', 'else', 'opt', 'par', 'and', 'end', 'note', 'activate', 'deactivate', 'rect', 'autonumber', 'critical', 'break', 'box', 'create', 'destroy', 'option', 'title'],
  class: ['class', 'namespace', 'note', 'style', 'classDef', 'direction', 'callback', 'link', 'click', 'cssClass'],
  state: ['state', 'note', 'direction', 'classDef', 'class', 'end'],
  gantt: ['dateFormat', 'axisFormat', 'section', 'title', 'excludes', 'includes', 'todayMarker', 'tickInterval', 'weekday', 'inclusiveEndDates', 'topAxis'],
  git: ['commit', 'branch', 'checkout', 'merge', 'cherry-pick', 'switch'],
  er: ['direction', 'style', 'classDef', 'class'],
  requirement: ['requirement', 'functionalRequirement', 'interfaceRequirement', 'performanceRequirement', 'physicalRequirement', 'designConstraint', 'element'],
  architecture: ['service', 'group', 'junction'],
  xychart: ['title', 'x-axis', 'y-axis', 'bar', 'line'],
  quadrant: ['title', 'x-axis', 'y-axis', 'quadrant-1', 'quadrant-2', 'quadrant-3', 'quadrant-4'],
};

/** What arrows look like in each family that has them, and examples to suggest. */
const ARROWS: Partial<Record<DiagramFamily, { valid: RegExp; examples: string }>> = {
  flowchart: { valid: /^(?:[<ox]?(?:-{2,}|={2,}|-\.+-|~{3,})[>ox]?|-{2,}>|-\.+->|={2,}>|--|==|-\.)$/, examples: '`-->`, `---`, `-.->` or `==>`' },
  sequence: { valid: /^(?:<<)?-{1,2}(?:>>|>|x|\)|>>)?[+-]?$/, examples: '`->>`, `-->>`, `->` or `-)`' },
  class: { valid: /^(?:<\||\*|o|<)?(?:--|\.\.)(?:\|>|\*|o|>)?$/, examples: '`-->`, `<|--`, `*--` or `..>`' },
  state: { valid: /^-->$/, examples: '`-->`' },
  er: { valid: /^[|}o]?[|o]?(?:--|\.\.)[|o]?[|{o]?$/, examples: '`||--o{`, `}|..|{` or `||--||`' },
  block: { valid: /^(?:<)?(?:-{2,}|={2,}|-\.+-)(?:>)?$/, examples: '`-->` or `---`' },
  architecture: { valid: /^<?-{1,2}>?$/, examples: '`--`, `-->` or `<-->`' },
  requirement: { valid: /^<?-{1,}>?$/, examples: '`- satisfies ->`' },
};

/**
 * What the grammar can expect, language-neutral: a kind of token, or code as written (`` `]` ``). The explanation
 * decides on these and words them only when it builds the message.
 */
type Wanted = 'eol' | 'arrow' | 'relationship' | 'name' | 'text' | 'number' | 'label-end' | `\`${string}\``;

/** A kind of token in words, in the user's language; code stays as written. */
function wantedWords(w: Wanted): string {
  switch (w) {
    case 'eol':
      return l10n.t('the end of the line');
    case 'arrow':
      return l10n.t('an arrow');
    case 'relationship':
      return l10n.t('a relationship such as `||--o{`');
    case 'name':
      return l10n.t('a name');
    case 'text':
      return l10n.t('text');
    case 'number':
      return l10n.t('a number');
    case 'label-end':
      return l10n.t('the end of the label');
    default:
      return w;
  }
}

/** Mermaid's grammar tokens, as what the author can write; tokens not listed say nothing useful to an author and are left out. */
function tokenWords(token: string): Wanted | undefined {
  const t = token.replace(/^'|'$/g, '');
  const closers: Record<string, Wanted> = {
    SQE: '`]`', PE: '`)`', DIAMOND_STOP: '`}`', STADIUMEND: '`])`', SUBROUTINEEND: '`]]`', CYLINDEREND: '`)]`', DOUBLECIRCLEEND: '`)))`',
    TRAPEND: '`/]`', INVTRAPEND: '`\\]`', STRUCT_STOP: '`}`', SQUARE_BRACES_END: '`]`', RBRACE: '`}`', NODE_DEND: 'label-end', PIPE: '`|`',
    COLON: '`:`', COMMA: '`,`', ':': '`:`', ',': '`,`', '}': '`}`', ']': '`]`', ')': '`)`', '{': '`{`', '[': '`[`', '(': '`(`',
  };
  if (closers[t]) return closers[t];
  if (/^(NEWLINE|NL|EOF|SEMI|EOF_IN_STRUCT)$/.test(t)) return 'eol';
  if (/ARROW|LINK|^--?$|^->$|^-->$|^<?-+>?$/.test(t)) return 'arrow';
  if (/^(ZERO_OR_ONE|ZERO_OR_MORE|ONE_OR_MORE|ONLY_ONE|MD_PARENT|IDENTIFYING|NON_IDENTIFYING|CARDINALITY)$/.test(t)) return 'relationship';
  if (/^(NODE_STRING|ID|ENTITY_NAME|ACTOR|ALPHA|NAME|IDENTIFIER|ATTRIBUTE_WORD)$/.test(t)) return 'name';
  if (/^(STR|STRING|STRING2|DQUOTE|TEXT|TXT|UNICODE_TEXT|MD_STR|textData|taskData|QUOTED_STRING|title)$/.test(t)) return 'text';
  if (/^(NUM|NUMBER|NUMBER_WITH_DECIMAL|INT|DECIMAL_NUM|FLOAT)$/.test(t)) return 'number';
  if (/^(STRUCT_START|LBRACE|BLOCK_START)$/.test(t)) return '`{`';
  if (/^(end|END)$/.test(t)) return '`end`';
  return undefined;
}

/** "a", "a or b", "a, b or c", once each, in the user's language. */
function listWords(words: readonly string[]): string {
  const u = [...new Set(words)];
  if (u.length <= 1) return u[0] ?? '';
  return l10n.t('{0} or {1}', u.slice(0, -1).join(', '), u.at(-1) ?? '');
}

/** What the grammar expected, from jison's list or a langium message: the first four, once each. */
function expectedTokens(details: MermaidErrorDetails): Wanted[] | undefined {
  const tokens = details.hash?.expected ?? [];
  const fromLangium = [...details.message.matchAll(/Expecting token of type '([^']+)'|\d+\. \[([^\]]+)\]/g)].map((m) => m[1] ?? m[2] ?? '');
  const wanted = [...tokens, ...fromLangium].map(tokenWords).filter((w): w is Wanted => !!w);
  return wanted.length ? [...new Set(wanted.slice(0, 4))] : undefined;
}

/** The guess for a missing diagram type, from what the text looks like. */
function guessType(diagram: string): string {
  if (/->>|-->>|\bparticipant\b|\bactor\b/.test(diagram)) return 'sequenceDiagram';
  if (/\|\|--|\}o--|--o\{|\}\|\.\./.test(diagram)) return 'erDiagram';
  if (/\[\*\]/.test(diagram)) return 'stateDiagram-v2';
  if (/<\|--|\bclass\s+\w+\s*\{/.test(diagram)) return 'classDiagram';
  return 'flowchart TD';
}

function quote(s: string, max = 40): string {
  const t = s.trim().replace(/`/g, "'");
  return `\`${t.length > max ? `${t.slice(0, max - 1)}…` : t}\``;
}

function missingType(details: MermaidErrorDetails, diagram: string, lines: string[]): ExplainedError {
  const original = details.message;
  const header = diagramHeader(diagram);
  if (!header) {
    const line = lines.findIndex((l) => l.trim() === '') >= 0 ? 0 : 0;
    return {
      message: l10n.t('The diagram is empty; expected a diagram type such as `flowchart TD` on its first line, then its content.'),
      line,
      column: 0,
      original,
      fix: { title: l10n.t('Start the diagram with {0}', '`flowchart TD`'), edits: [{ line, character: 0, endLine: line, endCharacter: 0, newText: 'flowchart TD\n' }] },
    };
  }
  const near = closest(header.word, DIAGRAM_TYPES);
  if (near) {
    return {
      message: l10n.t('{0} is not a diagram type; expected {1}.', quote(header.word), quote(near)),
      line: header.line,
      column: header.column,
      original,
      fix: { title: l10n.t('Change {0} to {1}', quote(header.word), quote(near)), edits: [{ line: header.line, character: header.column, endLine: header.line, endCharacter: header.column + header.word.length, newText: near }] },
    };
  }
  const firstLine = lines[header.line] ?? '';
  if (/^zenuml$/i.test(header.word)) {
    return { message: l10n.t("`zenuml` diagrams need mermaid's separate ZenUML plugin, which is not bundled (nor in VS Code's own Markdown preview); expected a diagram type mermaid 11.17 knows, such as `sequenceDiagram`."), line: header.line, column: header.column, original };
  }
  if (/^\s*[A-Za-z][\w-]*\s*$/.test(firstLine) && lines.length > header.line + 1) {
    // A first line that names a type, just not one this mermaid knows (a newer or a plugin's diagram).
    return { message: l10n.t('{0} is not a diagram type mermaid 11.17 knows; expected one such as `flowchart TD`, `sequenceDiagram` or `classDiagram`.', quote(header.word)), line: header.line, column: header.column, original };
  }
  const type = guessType(diagram);
  const indent = /^\s*/.exec(firstLine)?.[0] ?? '';
  return {
    message: l10n.t('The diagram does not say what kind of diagram it is; expected a first line with its type, such as {0}, before {1}.', quote(type), quote(firstLine)),
    line: header.line,
    column: header.column,
    original,
    fix: { title: l10n.t('Start the diagram with {0}', quote(type)), edits: [{ line: header.line, character: 0, endLine: header.line, endCharacter: 0, newText: `${indent}${type}\n` }] },
  };
}

function unknownIcon(icon: NonNullable<MermaidErrorDetails['icon']>, original: string): ExplainedError {
  const [prefix = ''] = icon.name.split(':');
  const packs = listWords(icon.packs.map((p) => `\`${p}\``));
  const place = { line: icon.line, column: icon.column, original };
  if (!icon.known) {
    return { ...place, message: l10n.t('{0} is from the {1} icon pack, which is not bundled, so mermaid would draw a question mark; expected an icon of the bundled packs, {2}.', quote(icon.name), `\`${prefix}\``, packs) };
  }
  if (!icon.suggestion) return { ...place, message: l10n.t('The {0} icon pack has no icon {1}, so mermaid would draw a question mark; expected a name from that pack.', `\`${prefix}\``, quote(icon.name)) };
  const suggestion = `${prefix}:${icon.suggestion}`;
  return {
    ...place,
    message: l10n.t('The {0} icon pack has no icon {1}, so mermaid would draw a question mark; expected {2}.', `\`${prefix}\``, quote(icon.name), quote(suggestion)),
    fix: { title: l10n.t('Change the icon to {0}', quote(suggestion)), edits: [{ line: icon.line, character: icon.column, endLine: icon.line, endCharacter: icon.column + icon.name.length, newText: suggestion }] },
  };
}

/**
 * Where mermaid says the error is: `line` (0-based, in the diagram) is where the offending token starts, `bound`
 * the last line the parser read before it gave up (a construct left open is on or before it).
 */
function errorPlace(details: MermaidErrorDetails, diagram: string, family: DiagramFamily, lineCount: number): { line: number; bound: number; column: number | undefined } | undefined {
  const view = parsedView(diagram, family);
  const h = details.hash;
  const fromMessage = /\bline (\d+)(?:, column (\d+))?/i.exec(details.message);
  const messageLine = fromMessage?.[1] ? Number(fromMessage[1]) : undefined;
  let parsedLine: number | undefined;
  let column: number | undefined;
  const eof = h?.token === 1 || h?.token === 'EOF' || h?.token === 'EOF_IN_STRUCT';
  const offset = excerptOffset(details.message, view.text, h?.loc?.first_line ?? messageLine);
  if (offset !== undefined) {
    const before = view.text.slice(0, offset);
    parsedLine = before.split('\n').length;
    column = offset - (before.lastIndexOf('\n') + 1);
  } else if (h?.loc && !eof) {
    parsedLine = h.loc.first_line;
    column = h.loc.first_column;
  } else if (details.position) {
    parsedLine = details.position.line;
    column = details.position.column - 1;
  } else if (messageLine !== undefined) {
    parsedLine = messageLine;
    if (fromMessage?.[2]) column = Number(fromMessage[2]) - 1;
  }
  if (parsedLine === undefined) return undefined;
  const last = lastContentLine(diagram, lineCount);
  const map = (n: number): number => (n > view.lineOf.length ? last : originalLine(view, n, lineCount));
  const line = map(parsedLine);
  const bound = offset !== undefined ? line : Math.max(line, map(Math.max(messageLine ?? 0, h?.loc?.last_line ?? 0, parsedLine)));
  if (parsedLine > view.lineOf.length) column = undefined;
  // The first parsed line lost its indentation to mermaid's trimStart.
  if (column !== undefined && parsedLine === 1) column += /^\s*/.exec(diagram.replace(/\r\n?/g, '\n').split('\n')[line] ?? '')?.[0].length ?? 0;
  return { line: eof ? bound : line, bound, column };
}

function lastContentLine(diagram: string, lineCount: number): number {
  const lines = [...contentLines(diagram)];
  return lines.length ? lines.reduce((a, b) => Math.max(a, b)) : Math.max(0, lineCount - 1);
}

/** Where on its line a construct's closer belongs: before the arrow, `&` or `:` that follows the label, else at the end. */
function labelEnd(text: string, from: number, closer: string): number {
  const rest = text.slice(from + 1);
  // A label in quotes ends with its closing quote.
  const quoted = closer !== '"' ? /^"[^"]*"/.exec(rest) : null;
  if (quoted) return from + 1 + quoted[0].length;
  // Each run of spaces is tried from its start only (`(?<!\s)`); tried from each of its spaces it was quadratic.
  const stops = [/(?<!\s)\s*(?:[<ox]?(?:--|==|-\.|~~~)|&|\s:::|:::|\s:\s|;\s*$)/];
  // A round bracket around an icon or a parameter list ends before the next label or block: api(cloud[API], f(x {.
  if (closer === ')') stops.push(/(?<=\w)\[/, /(?<!\s)\s*\{\s*$/);
  const found = stops.map((re) => re.exec(rest)).filter((m): m is RegExpExecArray => !!m).sort((a, b) => a.index - b.index)[0];
  let end = found ? from + 1 + found.index : text.trimEnd().length;
  // A label that already ends with part of a doubled closer ("((x)") takes the missing one right there.
  while (end > from + 1 && /\s/.test(text[end - 1] ?? '')) end--;
  if (closer === '"') {
    // A quote inside a bracket closes before that bracket's closer.
    const inner = /[\])}]/.exec(text.slice(from + 1, end));
    if (inner) return from + 1 + inner.index;
  }
  return end;
}

/** The last non-blank line of a `{` block that starts on `line` (members are indented deeper than the opener). */
function blockEnd(lines: string[], line: number, limit: number): number {
  const indent = (s: string): number => /^\s*/.exec(s)?.[0].length ?? 0;
  const base = indent(lines[line] ?? '');
  let last = line;
  for (let i = line + 1; i < lines.length && i <= limit; i++) {
    const l = lines[i] ?? '';
    if (!l.trim()) continue;
    if (indent(l) <= base) break;
    last = i;
  }
  return last;
}

function unclosedMessage(p: Unbalanced, lines: string[], limit: number): ExplainedError['fix'] & { message: string } {
  const text = lines[p.line] ?? '';
  if (p.char === '{' && !text.slice(p.column + 1).trim()) {
    const end = blockEnd(lines, p.line, limit);
    const indent = /^\s*/.exec(text)?.[0] ?? '';
    const owner = text.slice(0, p.column).trim();
    return {
      // Braces are placeholders' syntax in a translated message: the code is passed in, not written in the message.
      message: owner
        ? l10n.t("The {0} that opens the block of {1} is never closed; expected a {2} on a line of its own after the block's last line.", '`{`', quote(owner), '`}`')
        : l10n.t("The {0} that opens this block is never closed; expected a {1} on a line of its own after the block's last line.", '`{`', '`}`'),
      title: l10n.t('Close the block with {0}', '`}`'),
      edits: [{ line: end, character: (lines[end] ?? '').length, endLine: end, endCharacter: (lines[end] ?? '').length, newText: `\n${indent}}` }],
    };
  }
  const at = labelEnd(text, p.column, p.closer);
  const label = text.slice(p.column + 1, at);
  const shown = quote(label || text.slice(p.column + 1) || p.char);
  const closer = `\`${p.closer}\``;
  let message: string;
  if (p.char === '"') message = label.trim() ? l10n.t('The quote before {0} is never closed; expected a {1} after {2}.', shown, closer, quote(label)) : l10n.t('The quote before {0} is never closed; expected a {1}.', shown, closer);
  else message = label.trim() ? l10n.t('The {0} before {1} is never closed; expected a {2} after {3}.', `\`${p.char}\``, shown, closer, quote(label)) : l10n.t('The {0} before {1} is never closed; expected a {2}.', `\`${p.char}\``, shown, closer);
  return {
    message,
    title: l10n.t('Close it with {0}', closer),
    edits: [{ line: p.line, character: at, endLine: p.line, endCharacter: at, newText: p.closer }],
  };
}

/** Arrow-like runs on a line, outside brackets and quotes, with their columns. */
function arrowsOn(text: string): Array<{ arrow: string; column: number }> {
  const masked = text.replace(/"[^"]*"/g, (m) => ' '.repeat(m.length)).replace(/\|[^|]*\|/g, (m) => ' '.repeat(m.length)).replace(/\[[^\]]*\]|\([^)]*\)|\{[^}]*\}/g, (m) => ' '.repeat(m.length));
  const out: Array<{ arrow: string; column: number }> = [];
  for (const m of masked.matchAll(/(?:<<|[<|}*o])?[-=.~]{1,}(?:>>|\|>|[>x)|{o*])?[+-]?/g)) {
    const a = m[0];
    if (!/[-=~]/.test(a) || a.length < 2) continue;
    // A dash inside a name (api-gateway, x-axis) is no arrow.
    const before = masked[m.index - 1] ?? ' ';
    const after = masked[m.index + a.length] ?? ' ';
    if (/^[-]+$/.test(a) && a.length === 1) continue;
    if (/\w/.test(before) && /\w/.test(after) && a.length < 2) continue;
    if (/^[o*]/.test(a) && /\w/.test(before)) continue;
    out.push({ arrow: a, column: m.index });
  }
  return out;
}

/** The word or node written at a column (the offending token's text when mermaid gave one). */
function wordAt(text: string, column: number | undefined, token: string | undefined): { word: string; column: number } | undefined {
  if (token && token.trim() && token.length < 60) {
    const t = token.trim();
    const near = column !== undefined ? text.indexOf(t, Math.max(0, column - 2)) : -1;
    const i = near >= 0 ? near : text.indexOf(t);
    if (i >= 0) return { word: t, column: i };
  }
  if (column === undefined) return undefined;
  const m = /^[^\s]+/.exec(text.slice(column));
  return m ? { word: m[0], column } : undefined;
}

function explainLine(details: MermaidErrorDetails, diagram: string, lines: string[], family: DiagramFamily, line: number, column: number | undefined): ExplainedError {
  const original = details.message;
  const text = lines[line] ?? '';
  const first = /^\s*([A-Za-z][\w-]*)/.exec(text);
  const keywords = KEYWORDS[family];
  // An unknown keyword at the start of the line.
  if (first?.[1] && keywords && !keywords.includes(first[1])) {
    const near = closest(first[1], keywords);
    if (near && !/[-=.]{2}|[[({]/.test(text.slice(0, text.indexOf(first[1]) + first[1].length + 1))) {
      const col = text.indexOf(first[1]);
      return {
        message: l10n.t('{0} is not a keyword of {1}; expected {2}.', quote(first[1]), FAMILY_NAME[family](), quote(near)),
        line,
        column: col,
        original,
        fix: { title: l10n.t('Change {0} to {1}', quote(first[1]), quote(near)), edits: [{ line, character: col, endLine: line, endCharacter: col + first[1].length, newText: near }] },
      };
    }
  }
  const arrows = ARROWS[family];
  const found = arrowsOn(text);
  if (arrows) {
    const bad = found.find((a) => !arrows.valid.test(a.arrow));
    if (bad) {
      return { message: l10n.t('{0} is not an arrow of {1}; expected one such as {2}.', quote(bad.arrow), FAMILY_NAME[family](), arrows.examples), line, column: bad.column, original };
    }
  }
  // A link that ends the line: `a -->` with nothing after it.
  const last = found.at(-1);
  if (arrows && last && last.column + last.arrow.length >= text.trimEnd().length && arrows.valid.test(last.arrow)) {
    return { message: l10n.t('The arrow {0} leads nowhere; expected what it points to after it, as in {1}.', quote(last.arrow), `\`a ${last.arrow} b\``), line, column: last.column, original };
  }
  const token = details.hash?.text;
  const at = wordAt(text, column, token);
  const wanted = expectedTokens(details);
  if (family === 'sequence' && wanted?.length === 1 && wanted[0] === 'text' && found.length && !text.includes(':')) {
    // A message without the colon before its text: "A->>B hello".
    const arrow = found[0] as { arrow: string; column: number };
    const receiver = /^\s*[^\s:]+/.exec(text.slice(arrow.column + arrow.arrow.length));
    if (receiver) {
      const at = arrow.column + arrow.arrow.length + receiver[0].length;
      return {
        message: l10n.t('The message {0} has no `:` before its text; expected `:` after {1}.', quote(text), quote(receiver[0])),
        line,
        column: Math.max(0, text.length - text.trimStart().length),
        original,
        fix: { title: l10n.t('Insert `:` before the message text'), edits: [{ line, character: at, endLine: line, endCharacter: at, newText: ':' }] },
      };
    }
  }
  if (family === 'sequence' && wanted?.includes('arrow') && !found.length && /:/.test(text)) {
    const sender = text.slice(0, text.indexOf(':')).trim();
    return {
      message: l10n.t('The message from {0} has no arrow; expected one such as `->>` or `-->>` between the sender and the receiver, as in `Alice->>Bob: text`.', quote(sender)),
      line,
      column: Math.max(0, text.indexOf(sender)),
      original,
    };
  }
  if (arrows && (wanted?.includes('arrow') || wanted?.includes('relationship'))) {
    // Two things side by side that an arrow should join.
    const end = at?.column ?? text.length;
    const before = text.slice(0, end).trim().split(/\s+/).pop();
    if (at && before && !found.some((a) => a.column < end && a.column + a.arrow.length > end - 1 - before.length)) {
      return {
        message:
          family === 'er'
            ? l10n.t('Nothing joins {0} to {1}; expected a relationship between them, such as {2}.', quote(before), quote(at.word), arrows.examples.split(',')[0] ?? '')
            : l10n.t('Nothing joins {0} to {1}; expected an arrow between them, such as {2}.', quote(before), quote(at.word), arrows.examples.split(',')[0] ?? ''),
        line,
        column: Math.max(0, text.indexOf(before)),
        original,
      };
    }
  }
  const lexer = /unexpected character: ->(.+?)<-/.exec(original)?.[1];
  const where = at ? quote(at.word) : lexer ? quote(lexer) : undefined;
  const expect = wanted ? l10n.t('expected {0}', listWords(wanted.map(wantedWords))) : l10n.t('expected the syntax of {0}', FAMILY_NAME[family]());
  const indent = Math.max(0, text.length - text.trimStart().length);
  const place = column !== undefined && column < text.trimEnd().length ? column : (at?.column ?? indent);
  if (!text.trim()) return { message: l10n.t('{0} ends before it is complete; {1}.', FAMILY_NAME[family]().replace(/^./, (c) => c.toUpperCase()), expect), line, column: 0, original };
  return { message: where ? l10n.t('Mermaid cannot read this line at {0}; {1}.', where, expect) : l10n.t('Mermaid cannot read this line; {0}.', expect), line, column: place, original };
}

/**
 * Mermaid's error in words, on the diagram line where the fix goes. `diagram` is the diagram's text as
 * written (frontmatter included); lines are 0-based within it.
 */
export function explainMermaidError(details: MermaidErrorDetails, diagram: string): ExplainedError {
  const lines = diagram.replace(/\r\n?/g, '\n').split('\n');
  const original = details.message;
  if (details.name === OVER_BUDGET) {
    return { line: 0, column: 0, original, unchecked: true, message: l10n.t("This diagram was not checked: mermaid's parser {0}; the other diagrams are checked. Expected a diagram mermaid reads in a moment (split a very large one).", original) };
  }
  if (details.name === 'UnknownDiagramError' || /No diagram type detected/i.test(original)) return missingType(details, diagram, lines);
  if (details.icon) return unknownIcon(details.icon, original);
  const family = familyOf(diagramHeader(diagram)?.word);
  const end = lastContentLine(diagram, lines.length);
  const place = errorPlace(details, diagram, family, lines.length) ?? { line: end, bound: end, column: undefined };
  const open = unbalanced(diagram, family).filter((p) => p.line <= place.bound);
  const unclosed = open.filter((p) => p.kind === 'unclosed');
  const lastLine = unclosed.reduce((a, p) => Math.max(a, p.line), -1);
  const pick = unclosed.find((p) => p.line === lastLine) ?? open.find((p) => p.kind === 'stray' && p.line === place.line);
  if (pick?.kind === 'unclosed') {
    const { message, title, edits } = unclosedMessage(pick, lines, place.line);
    return { message, line: pick.line, column: pick.column, original, fix: { title, edits } };
  }
  if (pick?.kind === 'stray') {
    const opener = ({ ']': '[', ')': '(', '}': '{', '"': '"' } as Record<string, Bracket>)[pick.char] ?? '[';
    return { message: l10n.t('This {0} closes nothing; expected it only after a {1} (or remove it).', `\`${pick.char}\``, `\`${opener}\``), line: pick.line, column: pick.column, original };
  }
  // Mermaid names the end of the input when a statement is cut short: the statement is on the last line with text.
  let line = place.line;
  while (line > 0 && !(lines[line] ?? '').trim()) line--;
  return explainLine(details, diagram, lines, family, line, line === place.line ? place.column : undefined);
}

