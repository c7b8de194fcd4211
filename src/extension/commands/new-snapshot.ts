// Runs in the VS Code extension host: "Design Snapshot: New Design Snapshot".
import * as vscode from 'vscode';
import { resolveAuthor } from '../author.js';
import type { ExtensionLog } from '../log.js';
import { renderTemplate, type Analysis, type Engine, type Template } from '../../core/index.js';
import { freeName, slugify } from '../names.js';
import { plainText } from '../plain-text.js';
import { readSettings } from '../settings.js';

export interface NewSnapshotDeps {
  engine: Engine;
  builtInTemplates: vscode.Uri;
  isTrusted: () => boolean;
  log: ExtensionLog;
  /** Who is writing by the host's account (the desktop's login name); undefined where the host cannot tell (the browser). */
  author: () => string | undefined;
  /** git's user.name for a folder by running `git config` (the desktop, trusted workspaces only); absent on the web. */
  gitUserName?: (dir: vscode.Uri) => Promise<string | undefined>;
  /** The document's shared analysis (the diagnostics controller's). */
  analyze: (doc: vscode.TextDocument) => Promise<Analysis>;
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
    const name = vscode.workspace.asRelativePath(vscode.Uri.parse(p.source));
    deps.log.warn(`skipped template ${name}: ${p.message}`);
    void vscode.window.showWarningMessage(vscode.l10n.t('Design Snapshot: skipped template {0}: {1}.', name, plainText(p.message)));
  }
  return templates;
}

/** What a new snapshot's author field says when the host cannot tell who is writing: placeholder-left flags it. */
const AUTHOR_PLACEHOLDER = 'TODO: your name';

export async function newSnapshot(deps: NewSnapshotDeps): Promise<vscode.TextEditor | undefined> {
  const templates = await listTemplates(deps);
  const pick = await vscode.window.showQuickPick(
    templates.map((t) => ({ label: t.name, description: t.id, detail: t.description, template: t })),
    { title: vscode.l10n.t('New Design Snapshot'), placeHolder: vscode.l10n.t('Pick the pattern closest to your system'), matchOnDescription: true, matchOnDetail: true },
  );
  if (!pick) return undefined;
  const title = await vscode.window.showInputBox({
    title: vscode.l10n.t('New Design Snapshot'),
    prompt: vscode.l10n.t('Title of the design snapshot'),
    placeHolder: vscode.l10n.t('e.g. Support assistant over the help centre'),
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter a title for the snapshot')),
  });
  if (title === undefined || !title.trim()) return undefined;
  const date = deps.today?.() ?? new Date().toISOString().slice(0, 10);
  const folder = vscode.workspace.workspaceFolders?.[0];
  const dir = folder ? vscode.Uri.joinPath(folder.uri, readSettings(folder.uri).folder) : undefined;
  const author = (await resolveAuthor(folder?.uri, deps)) ?? { name: AUTHOR_PLACEHOLDER, source: 'placeholder' };
  deps.log.info(`New snapshot from template ${pick.template.id}; author "${author.name}" (${author.source}).`);
  const text = renderTemplate(pick.template, { title: title.trim(), author: author.name, date });
  let doc: vscode.TextDocument;
  if (!dir) {
    doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  } else {
    await vscode.workspace.fs.createDirectory(dir);
    const uri = await freeName(dir, `${date}-${slugify(title)}`);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    doc = await vscode.workspace.openTextDocument(uri);
  }
  // Pinned, not a preview tab: the next file opened must not replace it (and take its problems with it).
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  // Select the first <…> placeholder, so typing replaces it.
  const first = (await deps.analyze(doc)).firstToFill;
  if (first) {
    const range = new vscode.Range(first.start.line, first.start.character, first.end.line, first.end.character);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return editor;
}
