// Runs in the VS Code extension host: file names for new files that never replace an existing one.
import * as vscode from 'vscode';

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

/** True when the URI names an existing file or folder. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The first of name.ext, name-2.ext, name-3.ext … that does not exist: an existing file is never overwritten. */
export async function freeName(dir: vscode.Uri, base: string, ext = 'md'): Promise<vscode.Uri> {
  for (let i = 1; ; i++) {
    const uri = vscode.Uri.joinPath(dir, i === 1 ? `${base}.${ext}` : `${base}-${i}.${ext}`);
    if (!(await exists(uri))) return uri;
  }
}
