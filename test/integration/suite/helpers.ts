// Runs inside the VS Code extension host: helpers for the integration tests. They wait on events, never on fixed sleeps.
import * as vscode from 'vscode';
import type { DesignSnapshotApi } from '../../../src/extension/extension.js';
import type { DiagramPreview, RenderedEvent } from '../../../src/extension/preview/panel.js';

export async function api(): Promise<DesignSnapshotApi> {
  const ext = vscode.extensions.getExtension<DesignSnapshotApi>('design-snapshot.design-snapshot');
  if (!ext) throw new Error('extension design-snapshot.design-snapshot is not installed');
  return ext.isActive ? ext.exports : ext.activate();
}

/** In a mocha suite: the extension activated before its tests, and every editor closed after each one. */
export function activatedWithFreshEditors(): void {
  before(async () => {
    await api();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
}

export function workspaceUri(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'design-snapshot');
}

export function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Resolves when `predicate` holds for the document's diagnostics; checks now, then on every diagnostics change. */
export function diagnosticsWhere(uri: vscode.Uri, predicate: (ds: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const ds = ours(uri);
      if (!predicate(ds)) return false;
      sub.dispose();
      clearTimeout(timer);
      resolve(ds);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      // The extension's own log says what it did meanwhile (what was linted, what failed).
      void api().then((a) => a.log.recent.filter((l) => !l.startsWith('debug Forgot')).slice(-60).join('\n    ')).catch(() => 'no log').then((log) =>
        reject(new Error(`timed out waiting for ${what}; diagnostics: ${ours(uri).map((d) => `${ruleOf(d)}@${d.range.start.line + 1}`).join(', ')}\n  last log lines:\n    ${log}`)),
      );
    }, timeoutMs);
    check();
  });
}

export async function write(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

/** Resolves when the document's current version has its complete findings shown (asynchronous rules included). */
export async function lintComplete(uri: vscode.Uri, timeoutMs = 30_000): Promise<void> {
  const { controller } = await api();
  const done = (): boolean => {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const state = controller.state(uri);
    return !!doc && !!state && state.complete && state.version === doc.version;
  };
  if (done()) return;
  await new Promise<void>((resolve, reject) => {
    const sub = controller.onDidLint(() => {
      if (!done()) return;
      sub.dispose();
      clearTimeout(timer);
      resolve();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for the complete lint of ${uri.toString()}`));
    }, timeoutMs);
  });
}

/** Applies the quick fix titled `title` offered for `diag`. */
export async function applyQuickFix(uri: vscode.Uri, diag: vscode.Diagnostic, title: RegExp): Promise<string> {
  // Asked once the document's lint is complete (diagrams parsed): a publish arriving meanwhile cancels the request.
  await lintComplete(uri);
  const versionBefore = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.version;
  let actions: vscode.CodeAction[];
  try {
    actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value);
  } catch (e) {
    const log = (await api()).log.recent.slice(-20).join('\n    ');
    const versionAfter = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.version;
    throw new Error(`asking for quick fixes failed (${e instanceof Error ? e.message : String(e)}); document v${versionBefore} → v${versionAfter}\n  last log lines:\n    ${log}`);
  }
  const action = actions.find((a) => title.test(a.title));
  if (!action?.edit) {
    const log = (await api()).log.recent.slice(-15).join('\n    ');
    throw new Error(`no quick fix matching ${title}; offered: ${actions.map((a) => a.title).join(' | ')}; diagnostic code ${JSON.stringify(diag.code)}\n  last log lines:\n    ${log}`);
  }
  if (!(await vscode.workspace.applyEdit(action.edit))) throw new Error(`applying "${action.title}" failed`);
  // As the light bulb does: the action's command runs after its edit.
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  return action.title;
}

/** Resolves with the first render report that satisfies `predicate` (reports only, no sleeps). */
export function renderedWhere(preview: DiagramPreview, predicate: (e: RenderedEvent) => boolean, what: string, timeoutMs = 30_000): Promise<RenderedEvent> {
  return new Promise((resolve, reject) => {
    const seen: string[] = [];
    const sub = preview.onDidRender((e) => {
      seen.push(`v${e.version}: ${e.rendered} rendered, ${e.reused} reused, ${e.errors} errors`);
      if (!predicate(e)) return;
      sub.dispose();
      clearTimeout(timer);
      resolve(e);
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}; reports: ${seen.join(' | ') || 'none'}`));
    }, timeoutMs);
  });
}

/** Resolves with the first tab for which `predicate` holds; checks now, then on every change of the tabs. */
export function tabWhere(predicate: (tab: vscode.Tab) => boolean, what: string, timeoutMs = 20_000): Promise<vscode.Tab> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find(predicate);
      if (!tab) return;
      sub.dispose();
      clearTimeout(timer);
      resolve(tab);
    };
    const sub = vscode.window.tabGroups.onDidChangeTabs(check);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}; tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', ')}`));
    }, timeoutMs);
    check();
  });
}
