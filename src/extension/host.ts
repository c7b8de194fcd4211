// Runs in the VS Code extension host: the engine's host over vscode.workspace.fs (works in virtual workspaces too).
import { posix } from 'node:path';
import * as vscode from 'vscode';
import type { EngineHost } from '../core/index.js';

const decoder = new TextDecoder();

/**
 * Paths are URI strings. Outside `allowed` roots nothing is read when the
 * workspace is not trusted, so Restricted Mode never loads a workspace's own
 * schema or templates; the built-ins under the extension stay readable.
 */
export function workspaceHost(isTrusted: () => boolean, alwaysAllowed: vscode.Uri): EngineHost {
  const allowed = (uri: vscode.Uri): boolean => isTrusted() || uri.toString().startsWith(alwaysAllowed.toString());
  return {
    async readFile(path) {
      const uri = vscode.Uri.parse(path);
      if (!allowed(uri)) return undefined;
      try {
        return decoder.decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        return undefined;
      }
    },
    async readDirectory(path) {
      const uri = vscode.Uri.parse(path);
      if (!allowed(uri)) return undefined;
      try {
        return (await vscode.workspace.fs.readDirectory(uri)).map(([name]) => name);
      } catch {
        return undefined;
      }
    },
    dirname(path) {
      const uri = vscode.Uri.parse(path);
      return uri.with({ path: posix.dirname(uri.path) }).toString();
    },
    join(dir, name) {
      return vscode.Uri.joinPath(vscode.Uri.parse(dir), name).toString();
    },
  };
}
