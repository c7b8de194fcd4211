// Runs in the VS Code extension host: who a new snapshot names as its author.
// Node-only sources (`git config`, the login name) come from the host's platform (src/extension/extension.ts), so
// this file runs on the web host too.
import * as vscode from 'vscode';

/** Where an author's name came from, for the log. */
export type AuthorSource = 'designSnapshot.author' | 'git extension' | 'git config' | 'OS user' | 'placeholder';

/** What the host can tell about who is writing. */
export interface AuthorSources {
  isTrusted: () => boolean;
  /** git's user.name by `git config` (the desktop only). */
  gitUserName?: (dir: vscode.Uri) => Promise<string | undefined>;
  /** The login name (the desktop only). */
  author: () => string | undefined;
}

/** The parts of the built-in git extension's API (vscode.git, API version 1) read here. */
interface GitApi {
  getRepository(uri: vscode.Uri): { getConfig(key: string): Promise<string>; getGlobalConfig(key: string): Promise<string> } | null;
}

/** How long the git extension and `git config` may take before the next source is asked (they are local and fast when well). */
const GIT_TIMEOUT_MS = 3000;

function withTimeout<T>(p: Promise<T>, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), GIT_TIMEOUT_MS);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}

async function fromGitExtension(dir: vscode.Uri): Promise<string | undefined> {
  const ext = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
  if (!ext) return undefined;
  const exports = ext.isActive ? ext.exports : await ext.activate();
  const repo = exports.getAPI(1).getRepository(dir);
  if (!repo) return undefined;
  // getConfig rejects when the key is unset in the repository: then the user's global config answers.
  const local = await repo.getConfig('user.name').catch(() => '');
  return (local.trim() || (await repo.getGlobalConfig('user.name').catch(() => ''))).trim() || undefined;
}

/**
 * The author of a new snapshot created in `dir`: the designSnapshot.author setting, else git's user.name (through
 * the built-in git extension, or the repository's config when the extension has no repository there and the
 * workspace is trusted), else the OS user.
 */
export async function resolveAuthor(dir: vscode.Uri | undefined, sources: AuthorSources): Promise<{ name: string; source: AuthorSource } | undefined> {
  const setting = vscode.workspace.getConfiguration('designSnapshot', dir).get<string>('author', '').trim();
  if (setting) return { name: setting, source: 'designSnapshot.author' };
  if (dir?.scheme === 'file') {
    const viaExtension = await withTimeout(fromGitExtension(dir), undefined);
    if (viaExtension) return { name: viaExtension, source: 'git extension' };
    const viaConfig = sources.isTrusted() && sources.gitUserName ? await withTimeout(sources.gitUserName(dir), undefined) : undefined;
    if (viaConfig) return { name: viaConfig, source: 'git config' };
  }
  const login = sources.author();
  return login ? { name: login, source: 'OS user' } : undefined;
}
