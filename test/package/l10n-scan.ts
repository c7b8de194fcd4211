// Runs in Node (the package tests): finds user-facing text in the source that does not go through l10n.t.
// It reads the TypeScript syntax tree: the places VS Code or a terminal shows text (notifications, quick picks, input
// boxes, CodeLens and quick-fix titles, tree items, status items, dialogs, the webview's host-sent text, the CLI's
// stdout and stderr, its usage and I/O errors), the preview webview's DOM (text, titles, aria-labels, its button
// helper's labels, the errors it posts to the host) and the core's findings (their messages, fixes' titles, details)
// must receive l10n.t(…) or data, never an English literal.
import ts from 'typescript';

/** A literal that people would read: it holds a word ("Export", "no such file"); "SVG", "·", "design-snapshot" are not words. */
export function isText(literal: string): boolean {
  return /(?:^|[\s("'‘“])[A-Za-z][a-z]+(?=$|[\s).,;:!?"'’”])/.test(literal);
}

/** Calls whose every argument is shown. */
const SHOWN_CALLS = new Set(['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'setStatusBarMessage', 'appendMarkdown', 'appendText', 'stderr', 'stdout', 'createWebviewPanel', 'showQuickPick', 'showInputBox', 'showOpenDialog', 'showSaveDialog']);
/** Constructors whose arguments are shown. */
const SHOWN_NEW = new Set(['CodeAction', 'CodeLens', 'TreeItem', 'InlayHint', 'Hover', 'MarkdownString', 'UsageError', 'LanguageModelTextPart']);
/** Properties of object literals that VS Code shows (quick-pick items and options, commands, dialogs, messages to the webview). */
const SHOWN_PROPS = new Set(['title', 'tooltip', 'placeHolder', 'prompt', 'label', 'description', 'detail', 'openLabel', 'saveLabel', 'reason', 'invocationMessage', 'validateInput']);
/** Properties whose assignment shows text (status and language status items, tree items, panels, views). */
const SHOWN_ASSIGNED = new Set([...SHOWN_PROPS, 'text', 'name']);
/**
 * In the core, the properties of what it hands the hosts to show: a finding's or report's `message` and `detail`, a
 * fix's `title`, a scorecard dimension's `title` and `reason`, an estimate line's error `message` and `expected`, an
 * inlay hint's `label`. A rule's `description` is not among them: rule descriptions are English (docs, SARIF).
 */
const CORE_PROPS = new Set(['message', 'title', 'detail', 'reason', 'expected', 'label']);

/** In the webview, the DOM properties whose assignment shows text (on screen, as a tooltip, or to a screen reader). */
const WEBVIEW_ASSIGNED = new Set([...SHOWN_ASSIGNED, 'textContent', 'innerText', 'ariaLabel', 'placeholder', 'alt', 'message']);
/** In the webview, the attributes that are read: setAttribute(name, text). */
const WEBVIEW_ATTRIBUTES = new Set(['title', 'aria-label', 'aria-description', 'placeholder', 'label', 'alt']);
/** In the webview, helpers that make a labelled button: the indexes of their arguments that are shown. */
const WEBVIEW_LABEL_CALLS = new Map([['button', [1, 3]]]);
/** In the webview, properties of object literals that are shown: SHOWN_PROPS, and the `message` or `error` posted to the host or shown in place of a diagram. */
const WEBVIEW_PROPS = new Set([...SHOWN_PROPS, 'message', 'error']);

/** What a file is: a host's (the extension, shared code), the CLI's, the preview webview's, or the core's. */
export type ScanKind = 'host' | 'cli' | 'webview' | 'core';

export interface Bypass {
  file: string;
  line: number;
  text: string;
  where: string;
}

/** What `l10n.t` calls a file makes, with whether the message is a literal the exporter can read. */
export interface L10nCall {
  file: string;
  line: number;
  literal: boolean;
}

const isL10nT = (e: ts.Expression): boolean => ts.isPropertyAccessExpression(e) && e.name.text === 't' && /(^|\.)l10n$/.test(e.expression.getText());

/**
 * Scans one file. In the CLI's files an Error's message reaches stderr and `out.push` builds stdout; in the core's,
 * the properties of findings and fixes are shown (CORE_PROPS), and so are the arguments of a call to `report`.
 */
export function scan(file: string, source: string, kind: ScanKind): { bypasses: Bypass[]; calls: L10nCall[] } {
  const cli = kind === 'cli';
  const core = kind === 'core';
  const webview = kind === 'webview';
  const props = core ? CORE_PROPS : webview ? WEBVIEW_PROPS : SHOWN_PROPS;
  const assigned = core ? CORE_PROPS : webview ? WEBVIEW_ASSIGNED : SHOWN_ASSIGNED;
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const bypasses: Bypass[] = [];
  const calls: L10nCall[] = [];
  // Module-level constants holding text (const EMPTY = '…'): passing one is passing its literal.
  const constants = new Map<string, ts.Expression>();
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer) constants.set(d.name.text, d.initializer);
  }
  // In the webview, a local constant passed by shorthand ({ message }) is passed by its initializer too.
  // and a call of one of the file's own functions (inWords(…)) shows what the function returns.
  const locals = new Map<string, ts.Expression[]>();
  const functions = new Map<string, ts.FunctionDeclaration>();
  if (webview) sf.forEachChild(function declared(n): void {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && ts.isVariableDeclarationList(n.parent) && n.parent.flags & ts.NodeFlags.Const) locals.set(n.name.text, [...(locals.get(n.name.text) ?? []), n.initializer]);
    if (ts.isFunctionDeclaration(n) && n.name && n.body) functions.set(n.name.text, n);
    n.forEachChild(declared);
  });
  const line = (n: ts.Node): number => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  /** The literal text that reaches a shown place through `e`; a call (l10n.t or any function) answers for its own result. */
  const check = (e: ts.Node | undefined, where: string, seen = new Set<string>()): void => {
    if (!e) return;
    const flag = (text: string, at: ts.Node): void => {
      if (isText(text) && !bypasses.some((b) => b.line === line(at) && b.text === text)) bypasses.push({ file, line: line(at), text, where });
    };
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) flag(e.text, e);
    else if (ts.isTemplateExpression(e)) {
      flag([e.head.text, ...e.templateSpans.map((s) => s.literal.text)].join(' '), e);
      for (const s of e.templateSpans) check(s.expression, where, seen);
    } else if (ts.isConditionalExpression(e)) {
      check(e.whenTrue, where, seen);
      check(e.whenFalse, where, seen);
    } else if (ts.isBinaryExpression(e) && [ts.SyntaxKind.PlusToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(e.operatorToken.kind)) {
      check(e.left, where, seen);
      check(e.right, where, seen);
    } else if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e)) check(e.expression, where, seen);
    else if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) {
      if (ts.isBlock(e.body)) e.body.forEachChild(function returns(n): void {
        if (ts.isReturnStatement(n)) check(n.expression, where, seen);
        else if (!ts.isFunctionLike(n)) n.forEachChild(returns);
      });
      else check(e.body, where, seen);
    } else if (ts.isArrayLiteralExpression(e)) for (const el of e.elements) check(el, where, seen);
    else if (ts.isObjectLiteralExpression(e)) {
      for (const p of e.properties) {
        if (ts.isPropertyAssignment(p) && props.has(p.name.getText(sf))) check(p.initializer, `${where} { ${p.name.getText(sf)} }`, seen);
        else if (ts.isShorthandPropertyAssignment(p) && props.has(p.name.text) && locals.has(p.name.text)) for (const i of locals.get(p.name.text) ?? []) check(i, `${where} { ${p.name.text} }`, seen);
      }
    } else if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && functions.has(e.expression.text) && !seen.has(`${e.expression.text}()`)) {
      seen.add(`${e.expression.text}()`);
      functions.get(e.expression.text)?.body?.forEachChild(function returns(n): void {
        if (ts.isReturnStatement(n)) check(n.expression, where, seen);
        else if (!ts.isFunctionLike(n)) n.forEachChild(returns);
      });
    } else if (ts.isIdentifier(e) && constants.has(e.text) && !seen.has(e.text)) {
      seen.add(e.text);
      check(constants.get(e.text), `${where} (through ${e.text})`, seen);
    }
  };
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) {
      const callee = n.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      if (isL10nT(callee)) {
        const first = n.arguments[0];
        calls.push({ file, line: line(n), literal: !!first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) });
      } else if (core && name === 'report') {
        // ctx.report({ message }) is checked as a property below; a local report(ctx, at, 'text') passes the text.
        for (const a of n.arguments) if (!ts.isObjectLiteralExpression(a)) check(a, `${name}()`);
      } else if (webview && name === 'setAttribute' && n.arguments[0] && ts.isStringLiteral(n.arguments[0]) && WEBVIEW_ATTRIBUTES.has(n.arguments[0].text)) {
        check(n.arguments[1], `setAttribute('${n.arguments[0].text}')`);
      } else if (webview && WEBVIEW_LABEL_CALLS.has(name)) {
        for (const i of WEBVIEW_LABEL_CALLS.get(name) ?? []) check(n.arguments[i], `${name}()`);
      } else if (!core && (SHOWN_CALLS.has(name) || (cli && name === 'push' && /^(out|lines)$/.test(ts.isPropertyAccessExpression(callee) ? callee.expression.getText(sf) : '')) || name === '#notify' || name === '#post')) {
        for (const a of n.arguments) check(a, `${name}()`);
      }
    } else if (ts.isNewExpression(n)) {
      const callee = n.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      if (!core && (SHOWN_NEW.has(name) || ((cli || webview) && /Error$/.test(name)))) for (const a of n.arguments ?? []) check(a, `new ${name}()`);
    } else if (ts.isPropertyAssignment(n) && props.has(n.name.getText(sf)) && !cli) {
      check(n.initializer, `{ ${n.name.getText(sf)} }`);
    } else if (webview && ts.isShorthandPropertyAssignment(n) && props.has(n.name.text) && locals.has(n.name.text)) {
      for (const i of locals.get(n.name.text) ?? []) check(i, `{ ${n.name.text} }`);
    } else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(n.left) && assigned.has(n.left.name.text)) {
      check(n.right, `.${n.left.name.text} =`);
    }
    n.forEachChild(visit);
  };
  visit(sf);
  return { bypasses, calls };
}
