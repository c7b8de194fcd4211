// Runs inside the VS Code extension host (code-server), loaded as the test runner by bench/editor.ts: it watches what
// the extension does for each keystroke the driver types in the real editor (diagnostics, hover, inlay hints, code
// actions, status bar, preview), counts the parses, and times the core lint of the same document on the same thread.
import { appendFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { DesignSnapshotApi } from '../../src/extension/extension.js';
import { median } from '../median.js';

interface BenchConfig {
  file: string;
  /** Keystrokes per round: 1 for a lone keystroke after a pause, more for a burst of typing. */
  rounds: number[];
}

/** Written whole or not at all: the driver watches the folder and must never read half a file. */
function writeAtomic(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}


/**
 * Resolves with the time the extension published the complete lint of the document's version `version` (its own
 * event, fired as it hands the diagnostics to VS Code; VS Code's onDidChangeDiagnostics in the extension host is
 * debounced by 50 ms, so it would overstate the wait).
 */
function linted(api: DesignSnapshotApi, uri: vscode.Uri, version: number): Promise<number> {
  return new Promise((resolve) => {
    const done = (): boolean => {
      const s = api.controller.state(uri);
      return !!s && s.version === version && s.complete;
    };
    if (done()) {
      resolve(Date.now());
      return;
    }
    const sub = api.controller.onDidLint((u) => {
      if (u.toString() !== uri.toString() || !done()) return;
      sub.dispose();
      resolve(Date.now());
    });
  });
}

/** Resolves when the document reaches `version`. */
function reached(doc: vscode.TextDocument, version: number): Promise<void> {
  return new Promise((resolve) => {
    if (doc.version >= version) {
      resolve();
      return;
    }
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document !== doc || e.document.version < version) return;
      sub.dispose();
      resolve();
    });
  });
}

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the bench needs a workspace folder');
  const dir = join(folder.uri.fsPath, '.bench');
  const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as BenchConfig;
  const ext = vscode.extensions.getExtension<DesignSnapshotApi>('design-snapshot.design-snapshot');
  if (!ext) throw new Error('the extension is not installed');
  const api = ext.isActive ? ext.exports : await ext.activate();
  const uri = vscode.Uri.joinPath(folder.uri, config.file);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  await linted(api, uri, doc.version);
  await api.preview.open(doc);
  // The driver types at the end of the first prose line under the first section heading: text no diagram holds.
  const lines = doc.getText().split('\n');
  const line = lines.findIndex((l, i) => /^[A-Za-z]/.test(l) && lines.slice(0, i).some((x) => x.startsWith('## ')));
  const stats = api.controller.engine.stats;
  writeAtomic(join(dir, 'ready.json'), JSON.stringify({ line: line + 1 }));
  const changes = new Map<number, number>();
  const sub = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document.uri.toString() === uri.toString() && e.contentChanges.length) changes.set(e.document.version, Date.now());
  });
  let version = doc.version;
  for (const keystrokes of config.rounds) {
    const before = { md: stats.markdownParses, yaml: stats.yamlParses };
    const rendered = new Promise<void>((resolve) => {
      const s = api.preview.onDidRender(() => {
        s.dispose();
        resolve();
      });
    });
    version += keystrokes;
    await reached(doc, version);
    const diagnosticsAt = await linted(api, uri, version);
    // Every other feature asks for this version too, as VS Code does with the editor, the preview and the cursor there.
    const end = doc.lineAt(line).range.end;
    await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(line, 1));
    await vscode.commands.executeCommand('vscode.executeInlayHintProvider', uri, new vscode.Range(0, 0, doc.lineCount, 0));
    await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, new vscode.Range(end, end));
    api.status.update();
    await rendered;
    appendFileSync(
      join(dir, 'edits.jsonl'),
      `${JSON.stringify({ version, keystrokes, changeAt: changes.get(version), diagnosticsAt, markdownParses: stats.markdownParses - before.md, yamlParses: stats.yamlParses - before.yaml })}\n`,
    );
  }
  sub.dispose();
  // The core lint of this document on this thread, as each keystroke runs it: a new version, warm caches.
  const text = doc.getText();
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const t = performance.now();
    const a = await api.controller.engine.analyze({ uri: `bench:/core-${i % 2}`, version: i, text: `${text}${i % 2 ? ' ' : ''}` });
    await a.allFindings();
    times.push(performance.now() - t);
  }
  writeAtomic(join(dir, 'core.json'), JSON.stringify({ coreLintMs: median(times.slice(5)), debounceMs: vscode.workspace.getConfiguration('designSnapshot').get<number>('lint.debounceMs', 150) }));
}
