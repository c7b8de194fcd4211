// Runs inside the VS Code extension host: the extension as users meet it, in a real VS Code.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedWithFreshEditors, api, applyQuickFix, diagnosticsWhere, open, ours, ruleOf, tabWhere, workspaceUri, write } from './helpers.js';

const SNAPSHOT = `---
title: Fraud scoring
status: draft
pattern: fraud-detection
---
# Fraud scoring

## Requirements
- Score every card transaction before authorisation.
- p99 < 50 ms at 5,000 TPS.

## Architecture
\`\`\`mermaid
flowchart LR
  a --> b
\`\`\`
`;

describe('Design Snapshot in VS Code', () => {
  activatedWithFreshEditors();

  it('lints a snapshot on open, with codes linking to the rule pages, and again after an edit', async () => {
    const uri = workspaceUri('docs', 'design', 'fraud-draft.md');
    const editor = await open(uri);
    const first = await diagnosticsWhere(uri, (ds) => ds.some((d) => ruleOf(d) === 'section-missing'), 'section-missing on open');
    const missing = first.filter((d) => ruleOf(d) === 'section-missing');
    assert.equal(missing.length, 5, 'every missing section, not only the first');
    assert.equal(missing[0]?.severity, vscode.DiagnosticSeverity.Warning, 'a draft gets warnings');
    const code = missing[0]?.code as { value: string; target: vscode.Uri };
    // Moving to review turns the gaps into errors.
    await editor.edit((b) => b.replace(new vscode.Range(2, 0, 2, 13), 'status: review'));
    await diagnosticsWhere(uri, (ds) => ds.filter((d) => ruleOf(d) === 'section-missing').every((d) => d.severity === vscode.DiagnosticSeverity.Error) && ds.length > 0, 'errors after status: review');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    // The code links to the rule's page through a command, so the page opens rendered (the Problems view and the
    // hover open code links with commands allowed); followed here as they follow it.
    assert.equal(code.target.scheme, 'command');
    assert.deepEqual(JSON.parse(code.target.query) as unknown, ['section-missing']);
    await vscode.commands.executeCommand(code.target.path, ...(JSON.parse(code.target.query) as unknown[]));
    await tabWhere((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) && /section-missing/.test(t.label), 'the rule page rendered');
    assert.ok(!vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.input instanceof vscode.TabInputText && /docs\/rules\//.test(t.input.uri.path)), 'the page source is not opened');
  });

  it('never lints an ordinary README, and clears diagnostics when a snapshot closes', async () => {
    const readme = workspaceUri('README.md');
    const snapshot = workspaceUri('docs', 'design', 'close-me.md');
    await write(snapshot, SNAPSHOT);
    await open(readme);
    await open(snapshot);
    await diagnosticsWhere(snapshot, (ds) => ds.length > 0, 'the snapshot linted');
    const { controller } = await api();
    const readmeDoc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === readme.toString());
    assert.ok(readmeDoc);
    assert.equal(controller.isSnapshotDocument(readmeDoc), false);
    await controller.lintNow(readmeDoc);
    assert.deepEqual(ours(readme), []);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await diagnosticsWhere(snapshot, (ds) => ds.length === 0, 'diagnostics cleared on close');
  });

  it('quick fix: inserts one missing section with the pattern template\'s guidance, and the finding goes away', async () => {
    const uri = workspaceUri('docs', 'design', 'quick-fix-one.md');
    await write(uri, SNAPSHOT);
    const editor = await open(uri);
    const ds = await diagnosticsWhere(uri, (x) => x.some((d) => ruleOf(d) === 'section-missing' && d.message.includes('"Capacity estimates"')), 'estimates missing');
    const target = ds.find((d) => d.message.includes('"Capacity estimates"'));
    assert.ok(target);
    await applyQuickFix(uri, target, /Insert section "Capacity estimates"/);
    const text = editor.document.getText();
    assert.match(text, /## Capacity estimates\n<!-- Guidance:[^\n]*\n- Load: 50M transactions\/day/, 'the fraud-detection template\'s own section');
    await diagnosticsWhere(uri, (x) => !x.some((d) => d.message.includes('"Capacity estimates"')), 'estimates no longer missing');
    assert.ok(editor.document.isDirty, 'edits are undoable WorkspaceEdits, nothing saved behind the user\'s back');
  });

  it('quick fix: "insert all" adds every missing section in one edit', async () => {
    const uri = workspaceUri('docs', 'design', 'quick-fix-all.md');
    await write(uri, SNAPSHOT);
    await open(uri);
    const ds = await diagnosticsWhere(uri, (x) => x.filter((d) => ruleOf(d) === 'section-missing').length === 6, '6 sections missing');
    const first = ds.find((d) => ruleOf(d) === 'section-missing');
    assert.ok(first);
    await applyQuickFix(uri, first, /Insert all 6 missing sections/);
    await diagnosticsWhere(uri, (x) => !x.some((d) => ruleOf(d) === 'section-missing'), 'no section missing');
  });

  it('quick fix: removes leftover guidance comments, all at once in a draft', async () => {
    const uri = workspaceUri('docs', 'design', 'guidance.md');
    await write(uri, SNAPSHOT.replace('## Requirements\n', '## Requirements\n<!-- Guidance: list requirements. -->\n'));
    const editor = await open(uri);
    const ds = await diagnosticsWhere(uri, (x) => x.some((d) => ruleOf(d) === 'placeholder-left'), 'guidance flagged');
    const g = ds.find((d) => ruleOf(d) === 'placeholder-left');
    assert.ok(g);
    assert.equal(g.severity, vscode.DiagnosticSeverity.Information, 'a draft is expected to hold guidance');
    await applyQuickFix(uri, g, /^Remove all template guidance$/);
    assert.doesNotMatch(editor.document.getText(), /Guidance/);
    await diagnosticsWhere(uri, (x) => !x.some((d) => ruleOf(d) === 'placeholder-left'), 'guidance gone');
  });

  it('quick fix: corrects a wrong inline estimate, rounded like the author wrote it', async () => {
    const uri = workspaceUri('docs', 'design', 'estimate-fix.md');
    await write(uri, SNAPSHOT.replace('## Architecture', '## Capacity estimates\n- Vectors: 10M × 768 × 4 bytes ≈ 30.7 MB in memory.\n\n## Architecture'));
    const editor = await open(uri);
    const ds = await diagnosticsWhere(uri, (x) => x.some((d) => ruleOf(d) === 'estimate-mismatch'), 'estimate-mismatch');
    const e = ds.find((d) => ruleOf(d) === 'estimate-mismatch');
    assert.ok(e);
    assert.equal(editor.document.getText(e.range), '30.7');
    await applyQuickFix(uri, e, /Replace 30\.7 with 30,720/);
    assert.match(editor.document.getText(), /≈ 30,720 MB in memory/);
    await diagnosticsWhere(uri, (x) => !x.some((d) => ruleOf(d) === 'estimate-mismatch'), 'estimate fixed');
  });

  it('inlay hints show each estimate block line\'s value; hover shows the computation', async () => {
    const uri = workspaceUri('docs', 'design', 'estimate-block.md');
    const block = '```estimate\nusers = 1M\nper_user = 10 req/day\nqps = users * per_user to req/s\ngpus = ceil(qps * 2.5 * 2500 tokens/req / (100 tokens/s/GPU * 16))\n```\n';
    await write(uri, SNAPSHOT.replace('## Architecture', `## Capacity estimates\n${block}\n## Architecture`));
    const editor = await open(uri);
    await diagnosticsWhere(uri, (x) => x.length > 0, 'linted');
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, new vscode.Range(0, 0, editor.document.lineCount, 0));
    const labels = hints.map((h) => `${h.position.line}:${typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')}`);
    const qpsLine = editor.document.getText().split('\n').findIndex((l) => l.startsWith('qps ='));
    assert.ok(labels.includes(`${qpsLine}:≈ 115.7 req/s`), labels.join(', '));
    assert.ok(labels.some((l) => l.endsWith('≈ 453 GPU')), labels.join(', '));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(qpsLine, 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /qps = users \* per_user to req\/s ≈ 115\.7 req\/s/);
  });

  it('hover on a section heading says what a good section holds', async () => {
    const uri = workspaceUri('docs', 'design', 'hover.md');
    await write(uri, SNAPSHOT);
    await open(uri);
    await diagnosticsWhere(uri, (x) => x.length > 0, 'linted');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(7, 5));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*Requirements\*\*: Functional requirements as a list/);
  });

  it('New Design Snapshot: creates <date>-<slug>.md in the configured folder, never overwriting, the first placeholder selected', async () => {
    const { newSnapshotDeps } = await api();
    const { newSnapshot } = await import('../../../src/extension/commands/new-snapshot.js');
    const originalPick = vscode.window.showQuickPick;
    const originalInput = vscode.window.showInputBox;
    const w = vscode.window as { showQuickPick: unknown; showInputBox: unknown };
    let offered: string[] = [];
    // The real quick pick and input box are driven in the end-to-end test; here the answers come straight back.
    w.showQuickPick = async (items: Array<{ description: string }>) => {
      offered = (await items).map((i) => i.description);
      return (await items).find((i) => i.description === 'rag');
    };
    w.showInputBox = async (opts: vscode.InputBoxOptions) => {
      assert.equal(await opts.validateInput?.('   '), 'Enter a title for the snapshot');
      return 'Support Assistant (v2)';
    };
    try {
      const deps = { ...newSnapshotDeps, today: () => '2026-11-23' };
      const existing = workspaceUri('docs', 'design', '2026-11-23-support-assistant-v2.md');
      await write(existing, 'mine');
      const editor = await newSnapshot(deps);
      assert.ok(editor);
      assert.equal(editor.document.uri.toString(), workspaceUri('docs', 'design', '2026-11-23-support-assistant-v2-2.md').toString());
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(existing)), 'mine', 'the existing file is untouched');
      assert.ok(offered.includes('rag') && offered.includes('generic') && offered.length >= 13, offered.join(','));
      assert.match(editor.document.getText(), /^---\ntitle: "Support Assistant \(v2\)"\nstatus: draft\n/);
      assert.match(editor.document.getText(editor.selection), /^<[A-Z][^<>\n]+>$/, 'typing replaces the first placeholder');
    } finally {
      w.showQuickPick = originalPick;
      w.showInputBox = originalInput;
    }
  });

  it('a custom .design-snapshot/schema.json is picked up on change; a broken one is reported once and the defaults keep working', async () => {
    const { controller } = await api();
    const schemaUri = workspaceUri('.design-snapshot', 'schema.json');
    const uri = workspaceUri('docs', 'design', 'schema-reload.md');
    await write(uri, SNAPSHOT);
    await open(uri);
    await diagnosticsWhere(uri, (x) => x.some((d) => ruleOf(d) === 'section-missing'), 'linted with the default');
    const extending = {
      allOf: [{ $ref: 'https://design-snapshot.dev/schemas/design-snapshot.schema.json' }],
      properties: { sections: { required: ['rollout'], properties: { 'trade-offs': {}, rollout: { title: 'Rollout plan' } } } },
    };
    await write(schemaUri, JSON.stringify(extending));
    await diagnosticsWhere(uri, (x) => x.some((d) => d.message.includes('"Rollout plan"')), 'the custom section required');
    const before = controller.problems.length;
    await write(schemaUri, '{ "properties": ');
    await diagnosticsWhere(uri, (x) => !x.some((d) => d.message.includes('"Rollout plan"')) && x.some((d) => ruleOf(d) === 'section-missing'), 'back on the default schema');
    assert.equal(controller.problems.length, before + 1);
    assert.match(controller.problems[controller.problems.length - 1] ?? '', /schema \.design-snapshot\/schema\.json is not usable: not valid JSON/);
    await vscode.workspace.fs.delete(schemaUri);
  });

  it('an invalid mermaid diagram is a mermaid-syntax diagnostic in words where the fix goes; its quick fix clears it', async () => {
    const uri = workspaceUri('docs', 'design', 'diagram.md');
    await write(uri, SNAPSHOT.replace('  a --> b\n', '  a --> b[unclosed\n  b --> c\n'));
    const editor = await open(uri);
    const ds = await diagnosticsWhere(uri, (x) => x.some((d) => ruleOf(d) === 'mermaid-syntax'), 'mermaid-syntax');
    const m = ds.find((d) => ruleOf(d) === 'mermaid-syntax');
    assert.ok(m);
    // Mermaid's parser fails at the end of the diagram; the diagnostic sits where the `[` was opened, in words.
    assert.equal(editor.document.lineAt(m.range.start.line).text, '  a --> b[unclosed');
    assert.equal(m.range.start.character, '  a --> b'.length);
    // The Problems view shows text as it is: the core's Markdown code becomes quoted text, never literal backticks.
    assert.equal(m.message, 'The ‘[’ before ‘unclosed’ is never closed; expected a ‘]’ after ‘unclosed’.');
    const finding = (await api()).controller.state(uri)?.findings.find((f) => f.ruleId === 'mermaid-syntax');
    assert.equal(finding?.message, 'The `[` before `unclosed` is never closed; expected a `]` after `unclosed`.', 'the core keeps its Markdown for hovers and the CLI');
    // Mermaid's own message stays for experts, under the diagnostic (hover, Problems view).
    assert.match(m.relatedInformation?.[0]?.message ?? '', /^Mermaid's own message: Parse error on line \d+:.*Expecting/);
    assert.equal(await applyQuickFix(uri, m, /^Close it with/), 'Close it with ‘]’');
    assert.ok(editor.document.getText().includes('  a --> b[unclosed]\n'));
    await diagnosticsWhere(uri, (x) => !x.some((d) => ruleOf(d) === 'mermaid-syntax'), 'mermaid-syntax gone');
  });

  it('status bar shows sections present out of required, and the problem count', async () => {
    const { status } = await api();
    const uri = workspaceUri('docs', 'design', 'status.md');
    await write(uri, SNAPSHOT);
    await open(uri);
    await diagnosticsWhere(uri, (x) => x.length > 0, 'linted');
    assert.match(status.item.text, /^Snapshot 2\/8 · \d+ ⚠$/);
  });
});

describe('Restricted Mode @restricted', () => {
  it('lints with the built-in schema only: the workspace schema is not loaded @restricted', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const uri = workspaceUri('docs', 'design', 'fraud-draft.md');
    await open(uri);
    const ds = await diagnosticsWhere(uri, (x) => x.some((d) => ruleOf(d) === 'section-missing'), 'linted in Restricted Mode');
    assert.ok(!ds.some((d) => d.message.includes('"Rollout plan"')), 'the workspace schema requires Rollout plan; Restricted Mode ignores it');
    assert.equal(ds.filter((d) => ruleOf(d) === 'section-missing').length, 5);
  });

  it('offers built-in templates only @restricted', async () => {
    const templates = await vscode.commands.executeCommand<Array<{ id: string; origin: string }>>('designSnapshot.listTemplates');
    assert.ok(templates.length >= 13);
    assert.ok(templates.every((t) => t.origin === 'built-in'), templates.map((t) => t.origin).join(','));
  });
});
