// Runs in the VS Code extension host: "Design Snapshot: New Design Snapshot".
import { userInfo } from 'node:os';
import * as vscode from 'vscode';
import { firstPlaceholderOffset, renderTemplate, type Engine, type Template } from '../../core/index.js';
import { readSettings } from '../settings.js';

/** A file name part from a title: "RAG Assistant (v2)" → "rag-assistant-v2". */
export function slugify(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'snapshot'
  );
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The first of name.md, name-2.md, name-3.md … that does not exist: an existing file is never overwritten. */
export async function freeName(dir: vscode.Uri, base: string): Promise<vscode.Uri> {
  for (let i = 1; ; i++) {
    const uri = vscode.Uri.joinPath(dir, i === 1 ? `${base}.md` : `${base}-${i}.md`);
    if (!(await exists(uri))) return uri;
  }
}

export interface NewSnapshotDeps {
  engine: Engine;
  builtInTemplates: vscode.Uri;
  isTrusted: () => boolean;
  today?: () => string;
}

/** Lists the templates, reporting malformed workspace templates by name (once per message). */
export async function listTemplates(deps: NewSnapshotDeps): Promise<Template[]> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const from = deps.isTrusted() && folder ? folder.uri.toString() : undefined;
  const { templates, problems } = await deps.engine.listTemplates(deps.builtInTemplates.toString(), from);
  for (const p of problems) {
    void vscode.window.showWarningMessage(`Design Snapshot: skipped template ${vscode.workspace.asRelativePath(vscode.Uri.parse(p.source))}: ${p.message}.`);
  }
  return templates;
}

export async function newSnapshot(deps: NewSnapshotDeps): Promise<vscode.TextEditor | undefined> {
  const templates = await listTemplates(deps);
  const pick = await vscode.window.showQuickPick(
    templates.map((t) => ({ label: t.name, description: t.id, detail: t.description, template: t })),
    { title: 'New Design Snapshot', placeHolder: 'Pick the pattern closest to your system', matchOnDescription: true, matchOnDetail: true },
  );
  if (!pick) return undefined;
  const title = await vscode.window.showInputBox({
    title: 'New Design Snapshot',
    prompt: 'Title of the design snapshot',
    placeHolder: 'e.g. Support assistant over the help centre',
    validateInput: (v) => (v.trim() ? undefined : 'Enter a title for the snapshot'),
  });
  if (title === undefined || !title.trim()) return undefined;
  const date = deps.today?.() ?? new Date().toISOString().slice(0, 10);
  const text = renderTemplate(pick.template, { title: title.trim(), author: userInfo().username, date });
  const folder = vscode.workspace.workspaceFolders?.[0];
  let doc: vscode.TextDocument;
  if (!folder) {
    doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  } else {
    const dir = vscode.Uri.joinPath(folder.uri, readSettings(folder.uri).folder);
    await vscode.workspace.fs.createDirectory(dir);
    const uri = await freeName(dir, `${date}-${slugify(title)}`);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    doc = await vscode.workspace.openTextDocument(uri);
  }
  const editor = await vscode.window.showTextDocument(doc);
  const at = firstPlaceholderOffset(doc.getText());
  if (at !== undefined) {
    const pos = doc.positionAt(at);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return editor;
}
