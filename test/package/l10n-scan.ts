// Runs in Node (the package tests): finds user-facing text in the source that does not go through l10n.t.
// It reads the TypeScript syntax tree: the places VS Code or a terminal shows text (notifications, quick picks, input
// boxes, CodeLens and quick-fix titles, tree items, status items, dialogs, the webview's host-sent text, the CLI's
// stdout and stderr, its usage and I/O errors) and the core's findings (their messages, fixes' titles, details) must
// receive l10n.t(…) or data, never an English literal.
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

/** What a file is: a host's (the extension, shared code), the CLI's, or the core's. */
export type ScanKind = 'host' | 'cli' | 'core';

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
  const props = core ? CORE_PROPS : SHOWN_PROPS;
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const bypasses: Bypass[] = [];
  const calls: L10nCall[] = [];
  // Module-level constants holding text (const EMPTY = '…'): passing one is passing its literal.
  const constants = new Map<string, ts.Expression>();
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer) constants.set(d.name.text, d.initializer);
  }
  const line = (n: ts.Node): number => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  /** The literal text that reaches a shown place through `e`; a call (l10n.t or any function) answers for its own result. */
  const check = (e: ts.Node | undefined, where: string, seen = new Set<string>()): void => {
    if (!e) return;
    const flag = (text: string, at: ts.Node): void => {
      if (isText(text)) bypasses.push({ file, line: line(at), text, where });
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
      for (const p of e.properties) if (ts.isPropertyAssignment(p) && props.has(p.name.getText(sf))) check(p.initializer, `${where} { ${p.name.getText(sf)} }`, seen);
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
      } else if (!core && (SHOWN_CALLS.has(name) || (cli && name === 'push' && /^(out|lines)$/.test(ts.isPropertyAccessExpression(callee) ? callee.expression.getText(sf) : '')) || name === '#notify' || name === '#post')) {
        for (const a of n.arguments) check(a, `${name}()`);
      }
    } else if (ts.isNewExpression(n)) {
      const callee = n.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      if (!core && (SHOWN_NEW.has(name) || (cli && /Error$/.test(name)))) for (const a of n.arguments ?? []) check(a, `new ${name}()`);
    } else if (ts.isPropertyAssignment(n) && props.has(n.name.getText(sf)) && !cli) {
      check(n.initializer, `{ ${n.name.getText(sf)} }`);
    } else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(n.left) && (core ? CORE_PROPS : SHOWN_ASSIGNED).has(n.left.name.text)) {
      check(n.right, `.${n.left.name.text} =`);
    }
    n.forEachChild(visit);
  };
  visit(sf);
  return { bypasses, calls };
}
