// Runs inside the VS Code extension host: one configuration file for the editor and the CLI, checked in a real VS Code.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { plainText } from '../../../src/extension/plain-text.js';
import { api, applyQuickFix, diagnosticsWhere, ours, ruleOf, workspaceUri, write } from './helpers.js';

const CONFIG = {
  rules: { 'section-order': 'off', 'placeholder-left': 'error', 'length-budget': 'warning' },
  lengthBudget: 150,
  estimates: { tolerance: 0.05 },
  include: ['specs/**/*.md'],
  aliases: { 'failure-modes': ['Things that break'] },
  status: { accepted: 'approved' },
};

/** Selected by the config's include glob, no frontmatter pattern; accepted = approved, so gaps are errors. */
const SPEC = `---
title: Ranking service
status: accepted
---
# Ranking service

## Context
Ranks 500 candidates per request for the home feed. TODO: name the owners.

## Requirements
- Rank candidates for a user.
- p99 < 80 ms at 2,000 QPS.

## Capacity estimates
- Load: 2,000 QPS × 86,400 s ≈ 170M requests/day.
- Features: 500 × 200 × 4 bytes = 480 KB per request.

## Architecture
\`\`\`mermaid
flowchart LR
  api[API --> ranker
\`\`\`

## Things that break
| Failure | Detection | Mitigation |
| --- | --- | --- |
| Feature store down | error rate > 1% | serve cached scores |
| Model regression | online CTR drop | roll back |
| Overload | p99 > 80 ms | shed load |

## Evaluation
Offline NDCG on a held-out week; online A/B test on 5% of traffic.
`;

/** A snapshot by frontmatter, outside the include glob. */
const OTHER = `---
title: Agent
status: draft
pattern: agent
---
# Agent

## Requirements
- Book meetings. TODO: which calendars?

\`\`\`estimate
a = 2 GB + 3 req/s
\`\`\`
`;

function cli(extensionPath: string, cwd: string): Promise<{ code: number; json: { files: Array<{ path: string; diagnostics: Array<Record<string, unknown>> }> } }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [join(extensionPath, 'bin', 'design-snapshot.js'), 'lint', '--format', 'json'], { cwd, maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      const code = error ? Number((error as NodeJS.ErrnoException & { code?: number }).code ?? 2) : 0;
      try {
        resolve({ code, json: JSON.parse(stdout) });
      } catch {
        reject(new Error(`the CLI printed no JSON (exit ${code}): ${stderr}`));
      }
    });
  });
}

const SEVERITY: Record<number, string> = { [vscode.DiagnosticSeverity.Error]: 'error', [vscode.DiagnosticSeverity.Warning]: 'warning', [vscode.DiagnosticSeverity.Information]: 'info' };

describe('One configuration for the editor and the CLI', () => {
  const root = workspaceUri('parity');
  const spec = vscode.Uri.joinPath(root, 'specs', 'ranking.md');
  const other = vscode.Uri.joinPath(root, 'other', 'agent.md');
  const readme = vscode.Uri.joinPath(root, 'specs', 'notes', 'README.md');
  const configUri = vscode.Uri.joinPath(root, '.design-snapshot', 'config.json');

  before(async () => {
    await write(configUri, JSON.stringify(CONFIG));
    await write(spec, SPEC);
    await write(other, OTHER);
    await write(readme, '# Notes\n\nTODO: tidy up.\n');
    // The watcher on .design-snapshot/ reloads; make sure nothing read before the files existed is kept.
    (await api()).controller.reload();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('parity: the CLI and the extension give the same findings, severities and positions on a workspace with a config file', async () => {
    const { controller } = await api();
    const ext = vscode.extensions.getExtension('design-snapshot.design-snapshot');
    assert.ok(ext);
    const { json } = await cli(ext.extensionPath, root.fsPath);
    assert.deepEqual(json.files.map((f) => f.path).sort(), ['other/agent.md', 'specs/ranking.md'], 'the README is excluded, the frontmatter snapshot is in');
    for (const file of json.files) {
      const uri = vscode.Uri.joinPath(root, file.path);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      // lintNow returns once every finding, mermaid-syntax included, is published.
      await controller.lintNow(doc);
      const inEditor = ours(uri)
        .map((d) => ({ ruleId: ruleOf(d), severity: SEVERITY[d.severity], message: d.message, line: d.range.start.line + 1, column: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 }))
        .sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message));
      const inCli = file.diagnostics
        // The CLI prints the core's Markdown; the Problems view shows the same words with code quoted (plain text).
        .map(({ ruleId, severity, message, line, column, endLine, endColumn }) => ({ ruleId, severity, message: plainText(String(message)), line, column, endLine, endColumn }))
        .sort((a, b) => Number(a.line) - Number(b.line) || Number(a.column) - Number(b.column) || String(a.ruleId).localeCompare(String(b.ruleId)) || String(a.message).localeCompare(String(b.message)));
      assert.deepEqual(inEditor, inCli, file.path);
      assert.ok(inCli.length > 0, `${file.path} has findings to compare`);
    }
    // What the config asks for is what both report.
    const specFindings = json.files.find((f) => f.path === 'specs/ranking.md')?.diagnostics ?? [];
    const rules = new Set(specFindings.map((d) => `${d.ruleId}:${d.severity}`));
    for (const expected of ['placeholder-left:error', 'estimate-mismatch:error', 'mermaid-syntax:error']) assert.ok(rules.has(expected), `${expected} in ${[...rules].join(', ')}`);
    assert.ok(!specFindings.some((d) => d.ruleId === 'section-order'), 'section-order is off');
    assert.ok(!specFindings.some((d) => d.section === 'failure-modes'), 'the alias "Things that break" is failure-modes');
  });

  it('a README under an include glob is not linted, and the log says why', async () => {
    const { controller, log } = await api();
    const doc = await vscode.workspace.openTextDocument(readme);
    await vscode.window.showTextDocument(doc);
    assert.equal(await controller.isSnapshot(doc), false);
    await controller.lintNow(doc);
    assert.deepEqual(ours(readme), []);
    assert.equal(controller.state(readme), undefined, 'no lint state, so the status bar hides for it');
    assert.ok(
      log.recent.some((l) => l.includes(`Not linted: ${readme.toString()}`) && l.includes('matches exclude **/README.md')),
      log.recent.slice(-20).join('\n'),
    );
    assert.ok(log.recent.some((l) => l.includes(`Config ${configUri.toString()} in force`)), 'the config in force is logged');
  });

  it('settings the user sets win over the config file; left at their default they do not', async () => {
    const doc = await vscode.workspace.openTextDocument(spec);
    await vscode.window.showTextDocument(doc);
    await diagnosticsWhere(spec, (ds) => ds.some((d) => ruleOf(d) === 'placeholder-left' && d.severity === vscode.DiagnosticSeverity.Error), 'placeholder-left as an error (config)');
    const settings = vscode.workspace.getConfiguration('designSnapshot');
    await settings.update('lint.severity', { 'placeholder-left': 'info' }, vscode.ConfigurationTarget.Workspace);
    try {
      await diagnosticsWhere(spec, (ds) => ds.some((d) => ruleOf(d) === 'placeholder-left' && d.severity === vscode.DiagnosticSeverity.Information), 'placeholder-left as info (setting)');
    } finally {
      await settings.update('lint.severity', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await diagnosticsWhere(spec, (ds) => ds.some((d) => ruleOf(d) === 'placeholder-left' && d.severity === vscode.DiagnosticSeverity.Error), 'back to the config once the setting is removed');
  });

  it('a broken config is reported once with its file and the exact problem; the defaults keep linting; fixing it restores it', async () => {
    const { controller } = await api();
    const doc = await vscode.workspace.openTextDocument(other);
    await vscode.window.showTextDocument(doc);
    await diagnosticsWhere(other, (ds) => ds.some((d) => ruleOf(d) === 'placeholder-left' && d.severity === vscode.DiagnosticSeverity.Error), 'placeholder-left as an error (config)');
    const before = controller.problems.length;
    await write(configUri, JSON.stringify({ ...CONFIG, rules: { 'section-ordr': 'off' } }));
    // The defaults: leftovers in a draft are one information again.
    await diagnosticsWhere(other, (ds) => ds.some((d) => ruleOf(d) === 'placeholder-left' && d.severity === vscode.DiagnosticSeverity.Information), 'defaults in force');
    await controller.lintNow(doc);
    const added = controller.problems.slice(before);
    assert.equal(added.length, 1, added.join('\n'));
    assert.match(added[0] ?? '', /config parity\/\.design-snapshot\/config\.json is not usable: rules: unknown rule id "section-ordr"; expected one of frontmatter-invalid,.*Using the default configuration until it is fixed\./);
    await write(configUri, JSON.stringify(CONFIG));
    await diagnosticsWhere(other, (ds) => ds.some((d) => ruleOf(d) === 'placeholder-left' && d.severity === vscode.DiagnosticSeverity.Error), 'the fixed config in force');
    assert.equal(controller.problems.length, before + 1, 'reported once');
  });

  it('a heading that comes close to a missing section is named in the finding; the quick fix adds it to the config\'s aliases', async () => {
    const uri = vscode.Uri.joinPath(root, 'specs', 'near-miss.md');
    await write(uri, SPEC.replace('## Things that break', '## Options we weighed\nA vs B: B is cheaper.\n\n## Things that break'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const ds = await diagnosticsWhere(uri, (x) => x.some((d) => ruleOf(d) === 'section-missing' && /Found "Options we weighed" at line \d+/.test(d.message)), 'the near miss named');
    const target = ds.find((d) => /Found "Options we weighed"/.test(d.message));
    assert.ok(target);
    await applyQuickFix(uri, target, /Add "Options we weighed" to the aliases of trade-offs/);
    const config = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(configUri))) as { aliases: Record<string, string[]>; rules: Record<string, string> };
    assert.deepEqual(config.aliases['trade-offs'], ['Options we weighed']);
    assert.deepEqual(config.rules, CONFIG.rules, 'the rest of the config is kept');
    await diagnosticsWhere(uri, (x) => !x.some((d) => ruleOf(d) === 'section-missing' && /Trade-offs/.test(d.message)), 'trade-offs found under its new alias');
  });

});
