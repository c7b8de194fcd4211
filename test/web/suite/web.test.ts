// Runs in VS Code's web worker extension host, in a real browser, on a virtual file system (scheme dsmem): the
// extension as vscode.dev and github.dev run it — diagnostics, a quick fix, mermaid-syntax from the browser's own
// parser, the diagram preview and its export, New Design Snapshot, and the language-model tools.
import * as vscode from 'vscode';
import { api, applyQuickFix, diagnosticsWhere, open, ours, renderedWhere, ruleOf, workspaceUri, write } from '../../integration/suite/helpers.js';
import { deepEqual, equal, match, ok, rejects } from './assert.js';

const BROKEN = `---
title: Broken diagram
status: draft
pattern: rag
---
# Broken diagram

## Architecture
\`\`\`mermaid
sequenceDiagram
  box Aqua Retrieval
    participant R as Retriever
  end
  User->>R: question
  R-->>User answer
\`\`\`
`;

describe('Design Snapshot on the web (VS Code for the Web, virtual file system)', () => {
  afterEach(async () => {
    (await api()).preview.panel?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('runs in the web worker extension host, on a virtual workspace', async () => {
    const a = await api();
    equal(a.platform, 'web', 'the browser entry is the one running');
    equal(vscode.workspace.workspaceFolders?.[0]?.uri.scheme, 'dsmem', 'the workspace is a virtual file system');
    equal(typeof (globalThis as { process?: unknown }).process, 'undefined', 'no Node in this extension host');
    ok(a.log.recent.some((l) => /activated .*\(web extension host\)/.test(l)), 'the log says which host');
  });

  it('lints a snapshot opened from the virtual file system; a quick fix inserts a missing section and its finding goes away', async () => {
    const uri = workspaceUri('docs', 'design', 'fraud-draft.md');
    equal(uri.scheme, 'dsmem');
    const editor = await open(uri);
    const ds = await diagnosticsWhere(uri, (x) => x.some((d) => ruleOf(d) === 'section-missing' && d.message.includes('"Capacity estimates"')), 'section-missing on open', 60_000);
    equal(ds.filter((d) => ruleOf(d) === 'section-missing').length, 5, 'every missing section');
    const code = ds[0]?.code as { value: string; target: vscode.Uri };
    // As on the desktop: the code runs Show Rule Documentation for its rule (the rendered page, not the raw file).
    equal(code.target.scheme, 'command', 'codes link to the rule pages');
    equal(code.target.path, 'designSnapshot.showRuleDocumentation');
    equal(JSON.parse(code.target.query)[0], ruleOf(ds[0] as vscode.Diagnostic));
    const target = ds.find((d) => d.message.includes('"Capacity estimates"'));
    ok(target, 'the estimates section is reported missing');
    await applyQuickFix(uri, target, /Insert section "Capacity estimates"/);
    match(editor.document.getText(), /## Capacity estimates\n<!-- Guidance:[^\n]*\n- Load: 50M transactions\/day/, "the fraud-detection template's own section, from the bundled templates");
    await diagnosticsWhere(uri, (x) => !x.some((d) => d.message.includes('"Capacity estimates"')) && x.length > 0, 'the finding gone', 30_000);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it("reports an invalid diagram in words, parsed by the browser's DOM-free mermaid worker", async () => {
    const uri = workspaceUri('docs', 'design', 'broken-diagram.md');
    await write(uri, BROKEN);
    await open(uri);
    const ds = await diagnosticsWhere(uri, (x) => x.some((d) => ruleOf(d) === 'mermaid-syntax'), 'mermaid-syntax', 90_000);
    const d = ds.find((x) => ruleOf(x) === 'mermaid-syntax');
    ok(d, 'a mermaid-syntax diagnostic');
    equal(d.range.start.line, 14, 'on the line of the message without a colon');
    match(d.message, /has no|expected/i, 'in words');
    const { log } = await api();
    ok(log.recent.some((l) => /Started the mermaid-syntax worker \(Web Worker /.test(l)), `a Web Worker parsed it: ${log.recent.slice(-5).join(' | ')}`);
    // The box line (a colour word and a title) parses as on the desktop: no finding there.
    equal(ds.filter((x) => ruleOf(x) === 'mermaid-syntax' && x.range.start.line === 10).length, 0, 'the box line is valid');
  });

  it('opens the diagram preview of the active snapshot and renders its diagrams in the webview', async () => {
    const uri = workspaceUri('docs', 'design', 'preview.md');
    await write(uri, BROKEN.replace('  R-->>User answer', '  R-->>User: answer') + '\n## Data\n```mermaid\nflowchart LR\n  a[Docs] --> b[(Index)]\n```\n');
    await open(uri);
    const rendered = renderedWhere((await api()).preview, (e) => e.rendered + e.reused === 2, 'both diagrams rendered', 60_000);
    await vscode.commands.executeCommand('designSnapshot.openDiagramPreview');
    const r = await rendered;
    equal(r.errors, 0, 'both diagrams render');
    const { preview } = await api();
    equal(preview.uri?.toString(), uri.toString());
    ok(preview.panel?.visible, 'the panel is shown');
  });

  it('exports every diagram as PNG into the virtual file system, never replacing a file', async () => {
    const uri = workspaceUri('docs', 'design', 'export.md');
    await write(uri, '---\npattern: rag\n---\n# Export\n\n## Architecture\n```mermaid\nflowchart LR\n  a --> b\n```\n');
    await open(uri);
    const { preview } = await api();
    const rendered = renderedWhere(preview, (e) => e.rendered + e.reused === 1, 'the diagram rendered', 60_000);
    await vscode.commands.executeCommand('designSnapshot.openDiagramPreview');
    await rendered;
    const folder = workspaceUri('docs', 'design');
    const taken = workspaceUri('docs', 'design', 'export-architecture.png');
    await write(taken, 'mine');
    const exported = new Promise<vscode.Uri>((resolve) => {
      const sub = preview.onDidExport((u) => {
        sub.dispose();
        resolve(u);
      });
    });
    // The format pick and the folder dialog answer at once (the e2e tests click the real ones on the desktop build).
    const { pickFormat, showOpenDialog } = preview.deps;
    preview.deps.pickFormat = async () => 'png';
    preview.deps.showOpenDialog = async () => [folder];
    try {
      equal(await vscode.commands.executeCommand('designSnapshot.exportAllDiagrams'), true, 'the export started');
      const target = await exported;
      equal(target.toString(), workspaceUri('docs', 'design', 'export-architecture-2.png').toString(), 'a name not yet taken');
      const png = await vscode.workspace.fs.readFile(target);
      deepEqual([...png.slice(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG file, decoded without Node');
      equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(taken)), 'mine', 'the existing file is untouched');
    } finally {
      preview.deps.pickFormat = pickFormat;
      preview.deps.showOpenDialog = showOpenDialog;
    }
  });

  it("New Design Snapshot offers the built-in templates and the workspace's own (read through workspace.fs), and writes into the virtual folder", async () => {
    const { newSnapshotDeps } = await api();
    const templates = await vscode.commands.executeCommand<Array<{ id: string; origin: string }>>('designSnapshot.listTemplates');
    ok(templates.filter((t) => t.origin === 'built-in').length >= 13, `built-in templates: ${templates.map((t) => t.id).join(', ')}`);
    const team = templates.find((t) => t.id === 'team-launch');
    ok(team, 'the workspace template');
    equal(vscode.Uri.parse(team.origin).scheme, 'dsmem', 'read from the virtual file system');
    const { newSnapshot } = await import('../../../src/extension/commands/new-snapshot.js');
    const w = vscode.window as { showQuickPick: unknown; showInputBox: unknown };
    const originalPick = vscode.window.showQuickPick;
    const originalInput = vscode.window.showInputBox;
    w.showQuickPick = async (items: Array<{ description: string }>) => (await items).find((i) => i.description === 'team-launch');
    w.showInputBox = async () => 'Launch on the web';
    try {
      const editor = await newSnapshot({ ...newSnapshotDeps, today: () => '2026-11-24' });
      ok(editor, 'an editor opened');
      equal(editor.document.uri.toString(), workspaceUri('docs', 'design', '2026-11-24-launch-on-the-web.md').toString());
      match(editor.document.getText(), /^---\ntitle: "Launch on the web"\nstatus: draft\nauthors: \["TODO: your name"\]/, 'no login name in a browser: the author is left to fill in');
    } finally {
      w.showQuickPick = originalPick;
      w.showInputBox = originalInput;
    }
  });

  it("language-model tools answer with the open snapshot's findings and estimates", async () => {
    const uri = workspaceUri('docs', 'design', 'tools.md');
    await write(uri, '---\npattern: rag\nstatus: draft\n---\n# Tools\n\n## Requirements\n- 1M users × 10 req/day ÷ 86,400 s ≈ 200 QPS\n');
    await open(uri);
    const diagnostics = await diagnosticsWhere(uri, (x) => x.some((d) => ruleOf(d) === 'estimate-mismatch'), 'estimate-mismatch', 60_000);
    const text = async (name: string, input: object): Promise<string> => {
      const r = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
      return r.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
    };
    const lint = JSON.parse(await text('designSnapshot_lint', {})) as { path: string; diagnostics: Array<{ ruleId: string; line: number }> };
    equal(lint.path, 'docs/design/tools.md');
    deepEqual(
      lint.diagnostics.map((d) => `${d.ruleId}@${d.line}`).sort(),
      ours(uri).map((d) => `${ruleOf(d)}@${d.range.start.line + 1}`).sort(),
      'the tool reports what the editor shows',
    );
    ok(diagnostics.length > 0, 'something to compare');
    const estimates = JSON.parse(await text('designSnapshot_checkEstimates', { path: 'docs/design/tools.md' })) as { estimates: Array<{ verdict: string; computed: string; stated: string }> };
    equal(estimates.estimates.length, 1);
    equal(estimates.estimates[0]?.verdict, 'mismatch');
    match(estimates.estimates[0]?.computed ?? '', /^11[56]/, 'what the arithmetic gives');
    await rejects(text('designSnapshot_lint', { path: '../outside.md' }), /path: .*outside the workspace|does not exist/, 'a path outside the workspace is refused');
  });
});
