// Runs inside the VS Code extension host: the first minutes of writing a snapshot (calm start, new file, author).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activatedWithFreshEditors, api, diagnosticsWhere, open, ruleOf, workspaceUri, write } from './helpers.js';

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
  activatedWithFreshEditors();

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
      assert.match(editor.document.getText(), /^authors: \["Ada Lovelace"\]$/m);
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
    // The sources the running extension gives New Design Snapshot (git config and the login name on the desktop).
    const { newSnapshotDeps } = await api();
    const trusted = await resolveAuthor(vscode.Uri.file(dir), { ...newSnapshotDeps, isTrusted: () => true });
    assert.equal(trusted?.name, 'Grace Hopper');
    assert.match(trusted?.source ?? '', /^git /);
    const restricted = await resolveAuthor(vscode.Uri.file(dir), { ...newSnapshotDeps, isTrusted: () => false });
    assert.equal(restricted?.source, 'OS user', 'the git extension has no repository there, and git itself is not run');
  });

  it('the author is user.name through the built-in git extension\'s API, for a repository it has open', async () => {
    const { resolveAuthor } = await import('../../../src/extension/author.js');
    const git = vscode.extensions.getExtension<{ getAPI(version: 1): { openRepository(root: vscode.Uri): Promise<unknown> } }>('vscode.git');
    assert.ok(git, 'code-server ships the built-in git extension');
    const gitApi = (git.isActive ? git.exports : await git.activate()).getAPI(1);
    // A repository in the workspace (the git extension leaves one outside it, in a parent folder, closed).
    const repo = workspaceUri('author-repo');
    await vscode.workspace.fs.createDirectory(repo);
    try {
      execFileSync('git', ['init', '-q'], { cwd: repo.fsPath });
      execFileSync('git', ['config', 'user.name', 'Katherine Johnson'], { cwd: repo.fsPath });
      assert.ok(await gitApi.openRepository(repo), 'the git extension opened the repository');
      // No `git config` fallback and a different login: only the git extension can answer with this name.
      const author = await resolveAuthor(repo, { isTrusted: () => true, author: () => 'login-name' });
      assert.deepEqual(author, { name: 'Katherine Johnson', source: 'git extension' });
    } finally {
      await vscode.workspace.fs.delete(repo, { recursive: true });
    }
    // Without a repository there, the login name (the fallback) answers.
    const plain = mkdtempSync(join(tmpdir(), 'ds-author-plain-'));
    assert.deepEqual(await resolveAuthor(vscode.Uri.file(plain), { isTrusted: () => true, author: () => 'login-name' }), { name: 'login-name', source: 'OS user' });
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

  it('inline calculations get ✓ or the computed value as inlay hints and a hover with the computation; settings switch both off', async () => {
    const uri = workspaceUri('docs', 'design', 'inline-estimates.md');
    await write(uri, REVIEW.replace('- Answer within 2 s.', '- Answer within 2 s.\n\n## Capacity estimates\n- Peak: 1M users × 10 req/day ÷ 86,400 s ≈ 115 QPS\n- Burst: 1M users × 10 req/day ÷ 86,400 s ≈ 150 QPS\n\n```estimate\nrequests = 20M req/day\n```'));
    const editor = await open(uri);
    await diagnosticsWhere(uri, (x) => x.some((d) => ruleOf(d) === 'estimate-mismatch'), 'the wrong inline estimate reported');
    const lines = editor.document.getText().split('\n');
    const peak = lines.findIndex((l) => l.startsWith('- Peak'));
    const hintsNow = async (): Promise<string[]> =>
      (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, new vscode.Range(0, 0, editor.document.lineCount, 0))).map(
        (h) => `${h.position.line}:${h.position.character}:${typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')}`,
      );
    const hoverAt = async (line: number, character: number): Promise<string> =>
      (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, character))).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    const hints = await hintsNow();
    assert.ok(hints.includes(`${peak}:${(lines[peak] ?? '').length}:✓`), hints.join(', '));
    assert.ok(hints.includes(`${peak + 1}:${(lines[peak + 1] ?? '').length}:≈ 116 QPS`), hints.join(', '));
    assert.ok(hints.some((h) => h.endsWith(':≈ 20M req/day')), hints.join(', '));
    assert.match(await hoverAt(peak + 1, 12), /1M users × 10 req\/day ÷ 86,400 s ≈ 116 QPS, not the stated 150 QPS/);
    // The section's hover names the estimate block as code, with no literal fence.
    const heading = await hoverAt(lines.indexOf('## Capacity estimates'), 4);
    assert.match(heading, /or in an `estimate` block/);
    assert.doesNotMatch(heading, /```/);
    const config = vscode.workspace.getConfiguration('designSnapshot');
    try {
      await config.update('estimates.inlayHints', false, vscode.ConfigurationTarget.Global);
      await config.update('estimates.hover', false, vscode.ConfigurationTarget.Global);
      assert.deepEqual(await hintsNow(), []);
      assert.doesNotMatch(await hoverAt(peak + 1, 12), /QPS/);
    } finally {
      await config.update('estimates.inlayHints', undefined, vscode.ConfigurationTarget.Global);
      await config.update('estimates.hover', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('CodeLens: sections present with "Insert missing" on the title, "Preview diagram" above a diagram, headline values above an estimate block; a setting switches them off', async () => {
    const uri = workspaceUri('docs', 'design', 'lenses.md');
    const text = '---\ntitle: Lenses\nstatus: draft\npattern: fraud-detection\n---\n# Lenses\n\n## Requirements\n- Score every transaction.\n\n## Capacity estimates\n```estimate\nrequests = 20M req/day\npeak = requests * 3 to req/s\n```\n\n## Architecture\n```mermaid\nflowchart LR\n  a --> b\n```\n';
    await write(uri, text);
    await open(uri);
    await diagnosticsWhere(uri, (x) => x.some((d) => ruleOf(d) === 'section-missing'), 'sections missing');
    const lenses = async (): Promise<string[]> =>
      (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)).filter((l) => l.command).map((l) => `${l.range.start.line}:${l.command?.title ?? ''}`);
    const before = await lenses();
    const title = before.find((l) => l.startsWith('5:'));
    assert.match(title ?? '', /^5:(\d+)\/(\d+) sections · Insert missing$/, before.join(' | '));
    const [, present, required] = /(\d+)\/(\d+)/.exec(title ?? '') ?? [];
    assert.ok(Number(present) < Number(required));
    assert.ok(before.includes('11:requests ≈ 20M req/day · peak ≈ 694.4 req/s'), before.join(' | '));
    assert.ok(before.includes('17:Preview diagram'), before.join(' | '));
    // The lenses run their commands: the diagram preview opens on this document; the missing sections are inserted.
    const lensObjects = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const preview = lensObjects.find((l) => l.command?.title === 'Preview diagram')?.command;
    assert.ok(preview);
    await vscode.commands.executeCommand(preview.command, ...(preview.arguments ?? []));
    const { preview: panel } = await api();
    assert.equal(panel.uri?.toString(), uri.toString());
    await open(uri);
    const insert = lensObjects.find((l) => l.command?.title.endsWith('Insert missing'))?.command;
    assert.ok(insert);
    assert.equal(await vscode.commands.executeCommand(insert.command, ...(insert.arguments ?? [])), true);
    await diagnosticsWhere(uri, (x) => !x.some((d) => ruleOf(d) === 'section-missing'), 'no section missing');
    assert.ok((await lenses()).includes(`5:${required}/${required} sections`));
    const config = vscode.workspace.getConfiguration('designSnapshot');
    try {
      await config.update('codeLens.enabled', false, vscode.ConfigurationTarget.Global);
      assert.deepEqual(await lenses(), []);
    } finally {
      await config.update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('the walkthrough: five steps, each with Markdown media and completed by commands the extension registers; Add CI Workflow writes the workflow once', async () => {
    const ext = vscode.extensions.getExtension('design-snapshot.design-snapshot');
    assert.ok(ext);
    type Step = { id: string; description: string; media: { markdown?: string }; completionEvents: string[] };
    const [walkthrough] = (ext.packageJSON as { contributes: { walkthroughs: Array<{ id: string; steps: Step[] }> } }).contributes.walkthroughs;
    assert.ok(walkthrough);
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['create', 'fix', 'preview', 'export', 'ci']);
    const commands = new Set(await vscode.commands.getCommands(true));
    // The manifest's text lives in package.nls.json (whether packageJSON comes translated or not, read the English).
    const nls = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, 'package.nls.json')))) as Record<string, string>;
    const english = (s: string): string => nls[/^%(.+)%$/.exec(s)?.[1] ?? ''] ?? s;
    for (const step of walkthrough.steps) {
      assert.ok(step.media.markdown, `${step.id} has Markdown media`);
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(ext.extensionUri, step.media.markdown));
      assert.ok(step.completionEvents.length > 0);
      assert.match(english(step.description), /\(command:/, `${step.id} has a button`);
      for (const event of step.completionEvents) assert.ok(commands.has(event.replace(/^onCommand:/, '')), `${step.id}: ${event} is a registered command`);
      for (const [, command] of english(step.description).matchAll(/\(command:([\w.]+)\)/g)) assert.ok(commands.has(command ?? ''), `${step.id}: its button runs ${command}`);
    }
    const target = workspaceUri('.github', 'workflows', 'design-snapshot.yml');
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('designSnapshot.addCiWorkflow');
      assert.equal(uri.toString(), target.toString());
      const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.match(written, /run: npx --yes design-snapshot lint "docs\/design" --format sarif > design-snapshot\.sarif/);
      await write(target, 'mine');
      await vscode.commands.executeCommand('designSnapshot.addCiWorkflow');
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), 'mine', 'an existing workflow is never replaced');
    } finally {
      await vscode.workspace.fs.delete(workspaceUri('.github'), { recursive: true });
    }
  });

  it('the language status item shows the stage, the schema in force and the sections present, with "Insert missing sections"', async () => {
    const { languageStatus, controller } = await api();
    const item = languageStatus.item;
    // Resolves when the item's text matches; checked now and after every published lint or editor change.
    const textWhere = (re: RegExp, what: string): Promise<string> =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          if (!re.test(item.text)) return;
          subs.forEach((s) => s.dispose());
          clearTimeout(timer);
          resolve(item.text);
        };
        const subs = [controller.onDidLint(check), vscode.window.onDidChangeActiveTextEditor(check)];
        const timer = setTimeout(() => {
          subs.forEach((s) => s.dispose());
          reject(new Error(`timed out waiting for ${what}; the item says "${item.text}"`));
        }, 20_000);
        check();
      });
    const uri = workspaceUri('docs', 'design', 'language-status.md');
    await write(uri, '---\ntitle: Status\nstatus: draft\npattern: fraud-detection\n---\n# Status\n\n## Requirements\n- Score every transaction.\n');
    await open(uri);
    const before = await textWhere(/^Draft · \d+\/\d+ sections$/, 'the draft\'s sections');
    const [, present, required] = /(\d+)\/(\d+)/.exec(before) ?? [];
    assert.ok(Number(present) < Number(required), before);
    assert.equal(item.detail, 'built-in schema');
    assert.equal(item.command?.title, 'Insert missing sections');
    assert.equal(await vscode.commands.executeCommand(item.command?.command ?? ''), true);
    await textWhere(new RegExp(`^Draft · ${required}/${required} sections$`), 'every section present');
    assert.equal(item.command, undefined);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await open(workspaceUri('README.md'));
    await textWhere(/^Not a design snapshot$/, 'an ordinary Markdown file');
  });
});
