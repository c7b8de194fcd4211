// Runs in the VS Code extension host: "Design Snapshot: New Design Snapshot".
import * as vscode from 'vscode';
import type { ExtensionLog } from '../log.js';
import { firstPlaceholderOffset, renderTemplate, type Engine, type Template } from '../../core/index.js';
import { freeName, slugify } from '../names.js';
import { readSettings } from '../settings.js';

export interface NewSnapshotDeps {
  engine: Engine;
  builtInTemplates: vscode.Uri;
  isTrusted: () => boolean;
  log: ExtensionLog;
  /** Who is writing (the desktop's login name); undefined leaves the template's author placeholder in place. */
  author: () => string | undefined;
  today?: () => string;
}

/** Lists the templates, reporting malformed workspace templates by name (once per message). */
export async function listTemplates(deps: NewSnapshotDeps): Promise<Template[]> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const from = deps.isTrusted() && folder ? folder.uri.toString() : undefined;
  const { templates, problems } = await deps.engine.listTemplates(deps.builtInTemplates.toString(), from);
  const own = templates.filter((t) => t.origin !== 'built-in');
  deps.log.info(
    `Templates: ${templates.length - own.length} built-in${own.length ? `, ${own.length} from the workspace (${own.map((t) => vscode.workspace.asRelativePath(vscode.Uri.parse(t.origin))).join(', ')})` : ''}${from ? '' : '; workspace templates not read (no folder, or Restricted Mode)'}.`,
  );
  for (const p of problems) {
    const message = `skipped template ${vscode.workspace.asRelativePath(vscode.Uri.parse(p.source))}: ${p.message}`;
    deps.log.warn(message);
    void vscode.window.showWarningMessage(`Design Snapshot: ${message}.`);
  }
  return templates;
}

/** What a new snapshot's author field says when the host cannot tell who is writing: placeholder-left flags it. */
const AUTHOR_PLACEHOLDER = 'TODO: your name';

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
  const text = renderTemplate(pick.template, { title: title.trim(), author: deps.author() ?? AUTHOR_PLACEHOLDER, date });
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
