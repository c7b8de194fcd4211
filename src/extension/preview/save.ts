// Runs in the VS Code extension host: where an export is offered to be saved.
import * as vscode from 'vscode';
import { freeName, slugify } from '../names.js';

/**
 * The file the save dialog proposes: beside the snapshot, named after it and the diagram's
 * section, and not yet taken (-2, -3 … suffixes), so accepting the proposal never replaces a file.
 */
export function exportTarget(source: vscode.Uri, label: string, ext: string): Promise<vscode.Uri> {
  const base = (source.path.split('/').pop() ?? 'snapshot').replace(/\.[^.]*$/, '');
  return freeName(vscode.Uri.joinPath(source, '..'), label ? `${base}-${slugify(label)}` : base, ext);
}
