// Runs inside the VS Code extension host: the first minutes of writing a snapshot (calm start, new file, author).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { api, diagnosticsWhere, open, ruleOf, workspaceUri, write } from './helpers.js';

const REVIEW = `---
title: Guided
status: review
pattern: generic
---
# Guided

## Context
<!-- Guidance: who uses this,
     and what problem it solves. -->
Serves <number of users> users.

## Requirements
<!-- Guidance: list requirements. -->
- Answer within 2 s.
`;

describe('Calm, guided authoring', () => {
  before(async () => {
    await api();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a new snapshot opens pinned, the first placeholder selected, under one information, with the designSnapshot.author setting as author', async () => {
    const { newSnapshotDeps } = await api();
    const { newSnapshot } = await import('../../../src/extension/commands/new-snapshot.js');
    const w = vscode.window as { showQuickPick: unknown; showInputBox: unknown };
    const originalPick = w.showQuickPick;
    const originalInput = w.showInputBox;
    w.showQuickPick = async (items: Array<{ description: string }>) => (await items).find((i) => i.description === 'rag');
    w.showInputBox = async () => 'Calm start';
    const config = vscode.workspace.getConfiguration('designSnapshot');
    await config.update('author', 'Ada Lovelace', vscode.ConfigurationTarget.Global);
    try {
      const editor = await newSnapshot({ ...newSnapshotDeps, today: () => '2026-11-24' });
      assert.ok(editor);
      const uri = editor.document.uri;
      assert.match(editor.document.getText(), /^author: "Ada Lovelace"$/m);
      assert.match(editor.document.getText(editor.selection), /^<[A-Z][^<>\n]+>$/);
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
      assert.equal(tab?.input instanceof vscode.TabInputText && tab.input.uri.toString(), uri.toString());
      assert.equal(tab?.isPreview, false, 'the new snapshot is pinned');
      // Opening another file in a preview tab leaves the new snapshot open, and its problems in the Problems view.
      await open(workspaceUri('docs', 'design', 'fraud-draft.md'));
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => (t.input instanceof vscode.TabInputText ? t.input.uri.toString() : ''));
      assert.ok(tabs.includes(uri.toString()), tabs.join(', '));
      const ds = await diagnosticsWhere(uri, (x) => x.length > 0, 'the new snapshot linted');
      assert.deepEqual(ds.map((d) => [ruleOf(d), d.severity]), [['placeholder-left', vscode.DiagnosticSeverity.Information]]);
      assert.match(ds[0]?.message ?? '', /^Template text is still in the document: \d+ guidance comments.*, the first at line \d+;/);
    } finally {
      w.showQuickPick = originalPick;
      w.showInputBox = originalInput;
      await config.update('author', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('the author is git\'s user.name for a repository; in Restricted Mode git is not run', async () => {
    const { resolveAuthor } = await import('../../../src/extension/author.js');
    const dir = mkdtempSync(join(tmpdir(), 'ds-author-'));
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['config', 'user.name', 'Grace Hopper'], { cwd: dir });
    const trusted = await resolveAuthor(vscode.Uri.file(dir), () => true);
    assert.equal(trusted.name, 'Grace Hopper');
    assert.match(trusted.source, /^git /);
    const restricted = await resolveAuthor(vscode.Uri.file(dir), () => false);
    assert.equal(restricted.source, 'OS user', 'the git extension has no repository there, and git itself is not run');
  });

  it('from review on each leftover is an error; "Remove All Template Guidance" (quick fix and command) removes every guidance comment and keeps placeholders', async () => {
    const uri = workspaceUri('docs', 'design', 'guided-review.md');
    await write(uri, REVIEW);
    const editor = await open(uri);
    const ds = await diagnosticsWhere(uri, (x) => x.filter((d) => ruleOf(d) === 'placeholder-left').length === 3, 'three leftovers');
    const guidance = ds.filter((d) => ruleOf(d) === 'placeholder-left');
    assert.ok(guidance.every((d) => d.severity === vscode.DiagnosticSeverity.Error));
    // A comment over two lines is marked on its first line only.
    assert.ok(guidance.every((d) => d.range.isSingleLine), guidance.map((d) => `${d.range.start.line}-${d.range.end.line}`).join(', '));
    const first = guidance[0];
    assert.ok(first);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, first.range, vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(actions.map((a) => a.title).filter((t) => /guidance/i.test(t)), ['Remove template guidance', 'Remove all template guidance']);
    assert.equal(await vscode.commands.executeCommand('designSnapshot.removeTemplateGuidance'), true);
    assert.doesNotMatch(editor.document.getText(), /Guidance/);
    assert.match(editor.document.getText(), /## Context\nServes <number of users> users\.\n\n## Requirements\n- Answer/);
    const after = await diagnosticsWhere(uri, (x) => x.filter((d) => ruleOf(d) === 'placeholder-left').length === 1, 'only the placeholder left');
    assert.match(after.find((d) => ruleOf(d) === 'placeholder-left')?.message ?? '', /^Placeholder <number of users>/);
    assert.equal(await vscode.commands.executeCommand('designSnapshot.removeTemplateGuidance'), false, 'nothing left to remove');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
