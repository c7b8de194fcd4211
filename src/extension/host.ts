// Runs in the VS Code extension host: the engine's host over vscode.workspace.fs (works in virtual workspaces too).
import * as vscode from 'vscode';
import type { EngineHost } from '../core/index.js';

const decoder = new TextDecoder();

/** The parent of a URI path ("/a/b" → "/a", "/a" → "/", "/" → "/"), as POSIX dirname does; no Node needed. */
export function parentPath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  const i = trimmed.lastIndexOf('/');
  return i <= 0 ? '/' : trimmed.slice(0, i);
}

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
      return uri.with({ path: parentPath(uri.path) }).toString();
    },
    join(dir, name) {
      return vscode.Uri.joinPath(vscode.Uri.parse(dir), name).toString();
    },
  };
}

/**
 * The built-in templates from the extension's bundle (esbuild.mjs makes them a module): a host in the browser can read
 * a file of the extension but cannot list its folder, so both hosts take them from the bundle, one code path. Every
 * other path goes to `host`.
 */
export function withBuiltInTemplates(host: EngineHost, dir: vscode.Uri, files: Readonly<Record<string, string>>): EngineHost {
  const root = dir.toString();
  return {
    ...host,
    async readFile(path) {
      if (path.startsWith(`${root}/`)) {
        const name = path.slice(root.length + 1);
        if (Object.hasOwn(files, name)) return files[name];
      }
      return host.readFile(path);
    },
    async readDirectory(path) {
      return path === root || path === `${root}/` ? Object.keys(files).sort() : host.readDirectory(path);
    },
  };
}
