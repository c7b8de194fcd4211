// Runs inside the VS Code extension host: the language-model tools as an agent calls them, through vscode.lm.invokeTool
// (the path Copilot's agent mode takes), on the snapshot open in the editor. Each answer is checked against what the
// editor itself shows for the same document: its diagnostics, its inlay hints, the Snapshot Review tree.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EstimateEntry, LintResult, ScorecardResult, TemplateInfo } from '../../../src/core/index.js';
import { activatedWithFreshEditors, api, diagnosticsWhere, lintComplete, open, ours, ruleOf, workspaceUri, write } from './helpers.js';

// On disk. The editor adds an unsaved line (Burst) that the tools must see, as an agent sees what the author sees.
const ACTIVE = `---
title: Reply drafts
status: draft
pattern: rag
---
# Reply drafts

## Requirements
- Propose a reply draft for an open ticket within 4 s (p90).

## Capacity estimates
- Peak: 1M users × 10 req/day ÷ 86,400 s ≈ 115 QPS

\`\`\`estimate
users = 1M
per_user = 10 req/day
qps = users * per_user to req/s
\`\`\`

## Architecture
\`\`\`mermaid
flowchart LR
  desk[Help desk] --> drafter[Draft service]
\`\`\`
`;

// A second snapshot, open in a tab but not active: different findings, so an answer about the wrong document fails.
const OTHER = `---
title: Fraud scoring
status: review
pattern: fraud-detection
---
# Fraud scoring

## Requirements
- Score every card transaction before authorisation.
`;

interface ToolDeclaration {
  name: string;
  inputSchema?: { properties?: Record<string, unknown> };
}

/** The tools package.json declares (contributes.languageModelTools). */
function declaredTools(): ToolDeclaration[] {
  const ext = vscode.extensions.getExtension('design-snapshot.design-snapshot');
  const pkg = ext?.packageJSON as { contributes?: { languageModelTools?: ToolDeclaration[] } } | undefined;
  return pkg?.contributes?.languageModelTools ?? [];
}

/** Calls a tool as an agent does (outside a chat request: no invocation token) and returns its text, parsed. */
async function invoke<T>(name: string, input: object = {}): Promise<T> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  const text = result.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
  return JSON.parse(text) as T;
}

/** A finding as the tool and the editor should both describe it: rule, severity, 1-based range, message. */
const fromTool = (d: LintResult['diagnostics'][number]): string => `${d.ruleId} ${d.severity} ${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.message}`;
const SEVERITY = { [vscode.DiagnosticSeverity.Error]: 'error', [vscode.DiagnosticSeverity.Warning]: 'warning', [vscode.DiagnosticSeverity.Information]: 'info', [vscode.DiagnosticSeverity.Hint]: 'hint' };
const fromEditor = (d: vscode.Diagnostic): string =>
  `${ruleOf(d)} ${SEVERITY[d.severity]} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.message}`;

/** The inlay hints the editor shows, as "line:label" (0-based lines). */
async function inlayHints(uri: vscode.Uri, lineCount: number): Promise<string[]> {
  const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, new vscode.Range(0, 0, lineCount, 0));
  return hints.map((h) => `${h.position.line}:${typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')}`).sort();
}

describe('Language-model tools through vscode.lm.invokeTool', () => {
  activatedWithFreshEditors();
  const other = workspaceUri('docs', 'design', 'lm-tools-other.md');
  // One active file per test: the unsaved edit of one test stays in its document after its editor closes.
  let active: vscode.Uri;
  let activePath: string;

  /** Both snapshots open and linted to completion, the active one with an unsaved edit; returns the active editor. */
  async function openBoth(name: string): Promise<vscode.TextEditor> {
    activePath = `docs/design/lm-tools-${name}.md`;
    active = workspaceUri(...activePath.split('/'));
    await write(active, ACTIVE);
    await write(other, OTHER);
    // Pinned: a preview tab would be replaced by the next document (and its diagnostics cleared with it).
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(other), { preview: false });
    await diagnosticsWhere(other, (ds) => ds.some((d) => ruleOf(d) === 'section-missing'), 'the other snapshot linted');
    const editor = await open(active);
    const peak = editor.document.getText().split('\n').findIndex((l) => l.startsWith('- Peak'));
    await editor.edit((b) => b.insert(new vscode.Position(peak + 1, 0), '- Burst: 2M users × 10 req/day ÷ 86,400 s ≈ 300 QPS\n'));
    assert.ok(editor.document.isDirty, 'the Burst line exists only in the editor');
    await diagnosticsWhere(active, (ds) => ds.some((d) => ruleOf(d) === 'estimate-mismatch'), 'the unsaved Burst line linted');
    await lintComplete(active);
    await lintComplete(other);
    return editor;
  }

  it('registers every tool package.json declares, and each has a test here', async () => {
    await api();
    const declared = declaredTools().map((t) => t.name).sort();
    assert.deepEqual(declared, ['designSnapshot_checkEstimates', 'designSnapshot_lint', 'designSnapshot_listTemplates', 'designSnapshot_review'], 'a new tool needs its own test below');
    const registered = vscode.lm.tools.map((t) => t.name);
    for (const name of declared) assert.ok(registered.includes(name), `${name} is not in vscode.lm.tools (${registered.filter((n) => n.startsWith('designSnapshot')).join(', ')})`);
    // What an agent is told it may pass: the manifest's schema, as VS Code hands it to the model.
    const lint = vscode.lm.tools.find((t) => t.name === 'designSnapshot_lint');
    assert.deepEqual(Object.keys((lint?.inputSchema as ToolDeclaration['inputSchema'])?.properties ?? {}), ['path']);
  });

  it('designSnapshot_lint: the findings the editor shows for the active snapshot, unsaved edits included; another by path', async () => {
    await openBoth('lint');
    const shown = ours(active).map(fromEditor).sort();
    assert.ok(shown.some((d) => d.startsWith('estimate-mismatch ') && d.includes(' 13:')), `the unsaved line's mismatch is shown: ${shown.join(' | ')}`);
    const lint = await invoke<LintResult>('designSnapshot_lint');
    assert.equal(lint.path, activePath);
    assert.equal(lint.isSnapshot, true);
    assert.deepEqual(lint.diagnostics.map(fromTool).sort(), shown, 'the tool reports exactly what the editor shows');
    const counts = { errors: 0, warnings: 0, infos: 0 };
    for (const d of lint.diagnostics) counts[d.severity === 'error' ? 'errors' : d.severity === 'warning' ? 'warnings' : 'infos']++;
    assert.deepEqual(lint.summary, counts);

    const byPath = await invoke<LintResult>('designSnapshot_lint', { path: 'docs/design/lm-tools-other.md' });
    assert.equal(byPath.path, 'docs/design/lm-tools-other.md');
    assert.deepEqual(byPath.diagnostics.map(fromTool).sort(), ours(other).map(fromEditor).sort());
    assert.notDeepEqual(byPath.diagnostics.map(fromTool).sort(), shown, 'two documents, two answers');
    // Severity follows each document's stage: the other one is in review, so its gaps are errors.
    assert.ok(byPath.diagnostics.some((d) => d.ruleId === 'section-missing' && d.severity === 'error'));
    assert.ok(lint.diagnostics.every((d) => d.ruleId !== 'section-missing' || d.severity === 'warning'));
  });

  it('designSnapshot_checkEstimates: each calculation with the value the editor shows as an inlay hint', async () => {
    const editor = await openBoth('estimates');
    const { path, estimates } = await invoke<{ path: string; estimates: EstimateEntry[] }>('designSnapshot_checkEstimates');
    assert.equal(path, activePath);
    const lines = editor.document.getText().split('\n');
    const lineOf = (prefix: string): number => lines.findIndex((l) => l.startsWith(prefix)) + 1;
    assert.deepEqual(
      estimates.map((e) => (e.kind === 'inline' ? `${e.line} inline ${e.stated} → ${e.computed} ${e.verdict}` : `${e.line} block ${e.name ?? ''} → ${e.value ?? ''} ${e.verdict}`)),
      [
        `${lineOf('- Peak')} inline 115 → 116 ok`,
        `${lineOf('- Burst')} inline 300 → 231 mismatch`,
        `${lineOf('users =')} block users → 1M ok`,
        `${lineOf('per_user =')} block per_user → 10 req/day ok`,
        `${lineOf('qps =')} block qps → 115.7 req/s ok`,
      ],
    );
    const burst = estimates.find((e) => e.line === lineOf('- Burst'));
    assert.equal(burst?.kind === 'inline' ? burst.suggestion : undefined, '231');
    // The same values as the editor's inlay hints ("✓" for a stated result that holds).
    const fromTools = estimates.map((e) => `${e.line - 1}:${e.kind === 'block' ? `≈ ${e.value ?? ''}` : e.verdict === 'ok' ? '✓' : `≈ ${e.computed} QPS`}`).sort();
    assert.deepEqual(fromTools, await inlayHints(active, editor.document.lineCount));

    const byPath = await invoke<{ path: string; estimates: EstimateEntry[] }>('designSnapshot_checkEstimates', { path: 'docs/design/lm-tools-other.md' });
    assert.deepEqual(byPath, { path: 'docs/design/lm-tools-other.md', estimates: [] }, 'the other snapshot has no estimates');
  });

  it("designSnapshot_listTemplates: the built-in templates and the workspace's own", async () => {
    const { extensionUri } = vscode.extensions.getExtension('design-snapshot.design-snapshot') ?? {};
    assert.ok(extensionUri);
    const files = (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(extensionUri, 'templates'))).map(([n]) => n).filter((n) => n.endsWith('.md'));
    const own = workspaceUri('.design-snapshot', 'templates', 'team-launch.md');
    await write(own, '---\ntitle: "{{title}}"\ntemplate:\n  name: Team launch\n  description: How our team launches a model.\n  tags: [team]\n---\n# {{title}}\n\n## Context\n');
    try {
      const { templates } = await invoke<{ templates: TemplateInfo[] }>('designSnapshot_listTemplates');
      assert.deepEqual(templates.filter((t) => t.origin === 'built-in').map((t) => t.id).sort(), files.map((n) => n.replace(/\.md$/, '')).sort(), 'one per file in templates/');
      const rag = templates.find((t) => t.id === 'rag');
      assert.equal(rag?.name, 'RAG knowledge assistant');
      assert.match(rag?.description ?? '', /retrieval, citations and permission-aware access/);
      const team = templates.find((t) => t.id === 'team-launch');
      assert.deepEqual(team && { ...team, origin: vscode.Uri.parse(team.origin).path }, { id: 'team-launch', name: 'Team launch', description: 'How our team launches a model.', tags: ['team'], origin: own.path });
    } finally {
      await vscode.workspace.fs.delete(own);
    }
  });

  it('designSnapshot_review: the scorecard the Snapshot Review tree shows for the active snapshot', async () => {
    await openBoth('review');
    const { scorecard } = await api();
    const review = await invoke<ScorecardResult>('designSnapshot_review');
    assert.equal(review.path, activePath);
    assert.equal(review.title, 'Reply drafts');
    assert.equal(review.pattern, 'rag');
    assert.equal(review.stage, 'draft');
    scorecard.refresh();
    const tree = scorecard.current;
    assert.ok(tree, 'the tree shows the active snapshot');
    assert.deepEqual(
      review.dimensions.map((d) => `${d.id} ${d.status} ${d.findings.map((f) => `${f.ruleId}@${f.line}`).join(',')}`),
      tree.dimensions.map((d) => `${d.id} ${d.status} ${d.findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}`).join(',')}`),
    );
    assert.deepEqual(review.summary, tree.summary);
    // The estimates dimension carries the unsaved line's mismatch: the tool read the editor's text.
    const burst = review.dimensions.flatMap((d) => d.findings).find((f) => f.ruleId === 'estimate-mismatch');
    assert.equal(burst?.line, 13);
    const byPath = await invoke<ScorecardResult>('designSnapshot_review', { path: 'docs/design/lm-tools-other.md' });
    assert.equal(byPath.title, 'Fraud scoring');
    assert.equal(byPath.stage, 'review');
  });

  it('refuses input it cannot use, saying which argument and why', async () => {
    await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await assert.rejects(invoke('designSnapshot_lint'), /path: no document is open in the editor/);
    await assert.rejects(invoke('designSnapshot_checkEstimates', { path: '../outside.md' }), /path: \.\.\/outside\.md is outside the workspace folders/);
    await assert.rejects(invoke('designSnapshot_review', { path: 42 }), /path: expected a string/);
    await assert.rejects(invoke('designSnapshot_lint', { path: 'README.txt' }), /path: README\.txt is not a Markdown file/);
  });
});
