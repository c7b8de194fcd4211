// Runs in Node: every user-facing string of the engine and its hosts goes through l10n — the exported bundle covers
// every l10n.t call, no literal reaches a place people read without it, and a run of the CLI in the pseudo locale shows
// no English (l10n-findings.test.ts runs the core's findings through it).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { L10N_SOURCES, l10nOutputs, sourceFiles } from '../../scripts/l10n.js';
import { main, type CliIo } from '../../src/cli/main.js';
import { FIXTURES, ROOT } from '../unit/helpers.js';
import { isText, scan, type ScanKind } from './l10n-scan.js';

const root = pathToFileURL(`${ROOT}/`);
const files = L10N_SOURCES.flatMap((dir) => sourceFiles(root, dir));
const kindOf = (f: string): ScanKind => (f.startsWith('src/core/') ? 'core' : f.startsWith('src/cli/') ? 'cli' : f.startsWith('src/webview/') ? 'webview' : 'host');
const scans = files.map((f) => scan(f, readFileSync(join(ROOT, f), 'utf8'), kindOf(f)));

test('l10n: the checked-in bundles are what @vscode/l10n-dev exports from every l10n.t call (and their pseudo-locale twins)', async () => {
  const expected = await l10nOutputs(root, readFileSync(join(ROOT, 'package.nls.json'), 'utf8'));
  for (const [path, text] of Object.entries(expected)) assert.ok(readFileSync(join(ROOT, path), 'utf8') === text, `${path} is stale: run npm run gen`);
  const bundle = JSON.parse(expected['l10n/bundle.l10n.json'] ?? '{}') as Record<string, string>;
  const calls = scans.flatMap((s) => s.calls);
  assert.ok(calls.length > 350, `found ${calls.length} l10n.t calls`);
  const core = calls.filter((c) => c.file.startsWith('src/core/'));
  assert.ok(core.length > 200, `found ${core.length} l10n.t calls in src/core`);
  // A message the exporter cannot read (a variable, a template with ${…}) would be missing from every translation.
  assert.deepEqual(calls.filter((c) => !c.literal).map((c) => `${c.file}:${c.line}`), [], 'l10n.t calls whose message is not a literal');
  assert.ok(Object.keys(bundle).length > 300, `${Object.keys(bundle).length} messages in the bundle`);
  // @vscode/l10n fills {0}-style placeholders with a regular expression that takes any {…}: a message with
  // placeholders must not also hold a literal brace (code such as `{` goes in as an argument).
  const braces = Object.keys(bundle).filter((m) => /\{\d+\}/.test(m) && [...m.matchAll(/\{([^}]+)\}/g)].some((x) => !/^\d+$/.test(x[1] ?? '')));
  assert.deepEqual(braces, [], 'messages with placeholders and a literal brace');
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { l10n?: string };
  assert.equal(manifest.l10n, './l10n', 'package.json names the bundle folder, so VS Code loads its translations');
  assert.match(readFileSync(join(ROOT, '.vscodeignore'), 'utf8'), /^!l10n\/bundle\.l10n\.json$/m, 'the English bundle ships; the pseudo-locale ones do not');
});

/**
 * Literals the scan finds that no one reads as the engine's words: why a document is linted or not (snapshotVerdict's
 * reason) goes to the log only, which is English like every log line; the trial model a custom schema is tried on is data.
 */
const NOT_SHOWN: ReadonlyArray<[file: string, where: string]> = [
  ['src/core/config.ts', '{ reason }'],
  ['src/core/schema.ts', '{ title }'],
];

test('l10n: no user-facing literal in src/core, src/extension, src/cli, src/shared or src/webview bypasses l10n.t', () => {
  const bypasses = scans
    .flatMap((s) => s.bypasses)
    .filter((b) => !NOT_SHOWN.some(([file, where]) => b.file === file && b.where === where))
    .map((b) => `${b.file}:${b.line} ${b.where}: ${JSON.stringify(b.text)}`);
  assert.deepEqual(bypasses, []);
});

test("l10n: in core-shaped code the scan finds a finding's message, a fix's title or a reported text that bypasses l10n.t", () => {
  const bad = `
    import * as l10n from '@vscode/l10n';
    const WHY = 'reviewers ask what breaks';
    export const rule = {
      id: 'x',
      description: 'A rule description is English on purpose.',
      check(ctx) {
        ctx.report({ range, message: \`Section "\${h.text}" is empty; \${WHY}\`, fix: { title: 'Insert section', edits: [] } });
        ctx.report({ range, message: n > 1 ? l10n.t('{0} placeholders', n) : 'One placeholder left' });
        report(ctx, at, 'Nothing in the design says what breaks');
        line.error = { kind: 'parse', message: l10n.t('too large'), expected: 'a shorter block' };
      },
    };`;
  const found = scan('src/core/rules/x.ts', bad, 'core').bypasses.map((b) => b.text);
  assert.deepEqual(found, ['Section " " is empty;  ', 'reviewers ask what breaks', 'Insert section', 'One placeholder left', 'Nothing in the design says what breaks', 'a shorter block']);
  const good = `
    import * as l10n from '@vscode/l10n';
    const WHY = (): string => l10n.t('reviewers ask what breaks');
    export const rule = {
      id: 'x',
      description: 'A rule description is English on purpose.',
      check(ctx) {
        ctx.report({ range, message: l10n.t('Section "{0}" is empty; {1}', h.text, WHY()), fix: { title: l10n.t('Insert section'), edits: [] } });
        ctx.report({ range, message: \`\${spec.title}: \${why}\`, detail: x.original });
        report(ctx, at, l10n.t('Nothing in the design says what breaks'));
      },
    };`;
  assert.deepEqual(scan('src/core/rules/x.ts', good, 'core').bypasses, []);
});

test('l10n: the scan finds literals shown without l10n.t, through a constant, a condition or a template, and passes data and l10n.t', () => {
  const bad = `
    import * as vscode from 'vscode';
    const OPEN = 'Open it';
    export function f(n: number, name: string, io: { stderr(t: string): void }) {
      void vscode.window.showInformationMessage(\`Exported \${n} diagrams\`, OPEN);
      void vscode.window.showQuickPick([{ label: 'SVG', description: 'vector image' }], { title: n ? 'Pick one' : vscode.l10n.t('Pick') });
      const item = vscode.window.createStatusBarItem();
      item.tooltip = 'All sections present';
      new vscode.CodeAction('Insert section', vscode.CodeActionKind.QuickFix);
      io.stderr(\`design-snapshot: cannot read \${name}\\n\`);
      throw new Error(\`\${name}: no such file\`);
    }`;
  const found = scan('bad.ts', bad, 'cli').bypasses.map((b) => b.text);
  assert.deepEqual(found, ['Exported   diagrams', 'Open it', 'vector image', 'Pick one', 'All sections present', 'Insert section', 'design-snapshot: cannot read  \n', ' : no such file']);
  const good = `
    import * as vscode from 'vscode';
    export function f(n: number, name: string, io: { stderr(t: string): void }) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} diagrams', n));
      void vscode.window.showQuickPick([{ label: 'SVG', description: name }], { title: vscode.l10n.t('Pick one') });
      io.stderr(\`design-snapshot: \${vscode.l10n.t('cannot read {0}', name)}\\n\`);
      vscode.window.createOutputChannel('Design Snapshot').appendLine(\`Linted \${name}\`);
    }`;
  assert.deepEqual(scan('good.ts', good, 'cli').bypasses, []);
  assert.ok(!isText('SVG') && !isText(' · ') && !isText('design-snapshot') && !isText('designSnapshot.insertMissingSections') && isText('Export'));
});

test('l10n: the scan reads src/webview as webview code, and finds no bypass there', () => {
  const webview = files.filter((f) => f.startsWith('src/webview/'));
  assert.ok(webview.includes('src/webview/preview.ts') && webview.includes('src/webview/l10n.ts'), webview.join(', '));
  assert.ok(scans.some((s) => s.calls.some((c) => c.file === 'src/webview/preview.ts')), 'preview.ts calls l10n.t');
  // 30 on the webview before it was localised (issue 14); the test above sees them all, this one says where.
  assert.deepEqual(scans.flatMap((s) => s.bypasses).filter((b) => b.file.startsWith('src/webview/')).map((b) => `${b.file}:${b.line} ${b.where}: ${JSON.stringify(b.text)}`), []);
});

test("l10n: in webview-shaped code the scan finds text, titles, aria-labels, button labels and posted errors that bypass l10n.t", () => {
  const bad = `
    import * as l10n from '@vscode/l10n';
    const FAILED = 'The preview could not load mermaid';
    function inWords(n: number, m: string): string {
      return \`Line \${n}: \${m}\`;
    }
    function button(icon: string, label: string, onClick: () => void, text?: string): HTMLElement { return document.createElement('b'); }
    export function f(el: HTMLElement, n: number, err: Error) {
      el.textContent = n ? 'Diagrams' : l10n.t('Diagrams');
      el.innerText = inWords(n, 'x');
      el.title = \`Reveal the source (lines \${n})\`;
      el.setAttribute('aria-label', 'Diagram: drag to pan');
      el.setAttribute('placeholder', 'Type a name');
      el.append(button('zoom-in', 'Zoom in', () => {}), button('screen-full', l10n.t('Fit to width'), () => {}, 'Fit'));
      post({ type: 'error', message: \`Could not export the diagram: \${err.message}\` });
      const message = \`\${FAILED} (\${err.message})\`;
      const result = { error: { message, line: 0 } };
      throw new Error('This webview cannot draw on a canvas.');
    }`;
  const found = scan('src/webview/x.ts', bad, 'webview').bypasses.map((b) => b.text);
  assert.deepEqual(found.sort(), ['Diagrams', 'Line  :  ', 'Reveal the source (lines  )', 'Diagram: drag to pan', 'Type a name', 'Zoom in', 'Fit', 'Could not export the diagram:  ', 'The preview could not load mermaid', 'This webview cannot draw on a canvas.'].sort());
  const good = `
    import * as l10n from '@vscode/l10n';
    function button(icon: string, label: string, onClick: () => void, text?: string): HTMLElement { return document.createElement('b'); }
    export function f(el: HTMLElement, n: number, err: Error, title: string) {
      el.textContent = title || l10n.t('Diagram {0}', n);
      el.title = l10n.t('Reveal the source (lines {0}–{1})', n, n + 1);
      el.setAttribute('aria-label', l10n.t('Diagram: drag to pan'));
      el.setAttribute('class', 'diagram error');
      el.setAttribute('icon', 'screen-full');
      el.dataset.lines = \`lines \${n}\`;
      el.append(button('zoom-in', l10n.t('Zoom in'), () => {}), button('export', l10n.t('Export as SVG'), () => {}, 'SVG'));
      post({ type: 'error', message: l10n.t('Could not export the diagram: {0}', err.message) });
      const label = document.createElement('span');
      label.textContent = \`\${Math.round(n * 100)} %\`;
    }`;
  assert.deepEqual(scan('src/webview/x.ts', good, 'webview').bypasses, []);
});

async function cli(argv: string[], cwd: string, env: Record<string, string> = {}): Promise<string> {
  let text = '';
  const io: CliIo = {
    stdout: (t) => (text += t),
    stderr: (t) => (text += t),
    cwd,
    packageRoot: ROOT,
    env,
    today: () => '2026-11-24',
    author: () => 'tester',
  };
  await main(argv, io);
  return text;
}

/**
 * English words left in `text` once what is never translated is taken out: the program's name, what the user typed
 * (`keep`), and the syntax column of --help. Pseudo-localised text has no ASCII letters at all.
 */
function untranslated(text: string, keep: string[]): string[] {
  let rest = text
    .split('\n')
    .map((line) => (/^ {2}\S/.test(line) || /^ {6}--/.test(line) ? line.slice(33) : line))
    .join('\n');
  for (const k of [...keep, 'design-snapshot']) rest = rest.split(k).join(' ');
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

test('l10n: the CLI in the pseudo locale (--locale qps-ploc, or DESIGN_SNAPSHOT_LOCALE) shows no untranslated text', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ds-l10n-'));
  writeFileSync(join(dir, 'taken.md'), '# Taken\n');
  const ids = (JSON.parse(await cli(['templates', '--format', 'json'], dir)) as Array<{ id: string }>).map((t) => t.id);
  const runs: Array<[string[], string[]]> = [
    [['--help'], ['DESIGN_SNAPSHOT_LOCALE']],
    [['frobnicate'], ['frobnicate']],
    [['lint', '--format', 'xml'], ['xml']],
    [['lint', '--max-warnings', 'many'], []],
    [['lint', 'nowhere.md'], ['nowhere.md']],
    [['lint', '--schema', 'none.json', 'taken.md'], ['none.json']],
    [['review', '--format', 'xml', 'taken.md'], ['xml']],
    [['review'], ['review FILE... [--format text|json]']],
    [['new', 'rag'], ['new TEMPLATE FILE [--title T] [--author A]']],
    [['new', 'no-such-template', 'x.md'], ['no-such-template', ...ids]],
    [['new', 'rag', 'taken.md'], ['taken.md']],
    [['mcp', 'extra'], ['mcp [--root DIR]']],
  ];
  const cleanDir = join(FIXTURES);
  for (const [argv, keep] of runs) {
    const english = await cli(argv, dir);
    assert.ok(untranslated(english, keep).length > 0, `the check must see English in: ${english}`);
    const pseudo = await cli(['--locale', 'qps-ploc', ...argv], dir);
    assert.deepEqual(untranslated(pseudo, keep), [], `design-snapshot ${argv.join(' ')} --locale qps-ploc:\n${pseudo}`);
  }
  // The lint summary (the text formatter's own line); the findings' messages are l10n-findings.test.ts's.
  const summary = await cli(['lint', 'complete.md'], cleanDir, { DESIGN_SNAPSHOT_LOCALE: 'qps-ploc' });
  assert.deepEqual(untranslated(summary, []), [], summary);
  assert.match(summary, /^1 ƒīŀḗḗ /);
  // English by default, and after a pseudo run in the same process.
  assert.equal(await cli(['lint', 'complete.md'], cleanDir), '1 file linted: 0 errors, 0 warnings, 0 infos\n');
  // A locale with no bundle says so once, in English, and runs in English.
  assert.match(await cli(['--locale=xx', 'lint', 'complete.md'], cleanDir), /no messages in "xx" are installed; writing English\.\n1 file linted/);
});
