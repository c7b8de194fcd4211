// Runs in the VS Code extension host: the quick fix that adds a heading to a section's aliases in the workspace's
// .design-snapshot/config.json (created when there is none), so the editor and CI both read the heading as that section.
import * as vscode from 'vscode';
import type { Analysis } from '../core/index.js';

const decoder = new TextDecoder();

/**
 * The edit that adds `heading` to the aliases of `section` in the config in force for the document, or in a new
 * `.design-snapshot/config.json` at its workspace folder. Undefined when the config in force cannot be read as a
 * JSON object (it is never overwritten then) or the document is in no folder.
 */
export async function aliasEdit(doc: vscode.TextDocument, analysis: Analysis, section: string, heading: string): Promise<vscode.WorkspaceEdit | undefined> {
  if (analysis.context.config.problem) return undefined;
  const target = aliasTarget(doc, analysis);
  if (!target) return undefined;
  let json: Record<string, unknown> = {};
  let exists = false;
  try {
    // The open document when it is open (it may hold unsaved edits of the user's), else the file.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
    const text = open ? open.getText() : decoder.decode(await vscode.workspace.fs.readFile(target));
    exists = true;
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    json = parsed as Record<string, unknown>;
  } catch {
    if (exists) return undefined;
  }
  const aliases = typeof json.aliases === 'object' && json.aliases !== null && !Array.isArray(json.aliases) ? { ...(json.aliases as Record<string, unknown>) } : {};
  const current = Array.isArray(aliases[section]) ? (aliases[section] as unknown[]).filter((a): a is string => typeof a === 'string') : [];
  if (current.includes(heading)) return undefined;
  aliases[section] = [...current, heading];
  const text = `${JSON.stringify({ ...json, aliases }, null, 2)}\n`;
  const edit = new vscode.WorkspaceEdit();
  if (exists) {
    const open = await vscode.workspace.openTextDocument(target);
    edit.replace(target, new vscode.Range(0, 0, open.lineCount, 0), text);
  } else {
    edit.createFile(target, { ignoreIfExists: true, contents: new TextEncoder().encode(text) });
  }
  return edit;
}

/** Saves the config file an alias fix edited, so the new alias is in force for the editor and CI at once. */
export async function saveConfig(target: vscode.Uri): Promise<boolean> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
  return doc ? doc.save() : true;
}

/** The config file an alias fix writes to (for the command that saves it). */
export function aliasTarget(doc: vscode.TextDocument, analysis: Analysis): vscode.Uri | undefined {
  const { config } = analysis.context;
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  return config.source ? vscode.Uri.parse(config.source) : folder ? vscode.Uri.joinPath(folder.uri, '.design-snapshot', 'config.json') : undefined;
}
