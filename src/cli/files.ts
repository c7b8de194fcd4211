// Runs in Node: turns the CLI's file, directory and glob arguments into the list of Markdown files to consider.
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import * as l10n from '@vscode/l10n';
import { glob, isDynamicPattern } from 'tinyglobby';

/** Folders never searched, as markdownlint-cli2 does: dependencies and dot-folders (.git, .vscode, .github…). */
const IGNORE = ['**/node_modules/**', '**/.*/**'];
const MARKDOWN = '**/*.{md,markdown}';

/** Thrown for an argument that names nothing; the CLI exits 2 with its message. */
export class UsageError extends Error {}

/**
 * A file to consider, and how it was named: `file` (named on the command line, or matched by a glob there: always
 * linted), `folder` (found under a named folder: linted unless excluded), `scan` (found with no arguments: linted
 * when a snapshot).
 */
export interface Candidate {
  path: string;
  named: 'file' | 'folder' | 'scan';
}

/** Markdown files under `dir`, dot-named files included, dot-folders and node_modules skipped. */
function markdownUnder(dir: string): Promise<string[]> {
  return glob(MARKDOWN, { cwd: dir, absolute: true, ignore: IGNORE, dot: true });
}

/**
 * The files the arguments name, sorted, each real file once (symlinks and loops resolved). With no arguments,
 * every Markdown file under `cwd`.
 */
export async function expandArgs(args: string[], cwd: string): Promise<Candidate[]> {
  const found = new Map<string, Candidate>();
  const add = async (path: string, named: Candidate['named']): Promise<void> => {
    const real = await realpath(path).catch(() => resolve(path));
    const prev = found.get(real);
    // Named as a file beats found under a folder.
    if (!prev || (named === 'file' && prev.named !== 'file')) found.set(real, { path: prev?.path ?? resolve(path), named });
  };
  if (args.length === 0) {
    for (const m of await markdownUnder(cwd)) await add(m, 'scan');
  }
  for (const arg of args) {
    const abs = isAbsolute(arg) ? arg : resolve(cwd, arg);
    const info = await stat(abs).catch(() => undefined);
    if (info?.isFile()) {
      await add(abs, 'file');
      continue;
    }
    let matches: string[];
    const folder = info?.isDirectory() ?? false;
    if (folder) matches = await markdownUnder(abs);
    else if (isDynamicPattern(arg)) matches = await glob(arg, { cwd, absolute: true, ignore: IGNORE, dot: true });
    else throw new UsageError(l10n.t('{0}: no such file or directory', arg));
    if (matches.length === 0) throw new UsageError(l10n.t('{0}: matches no Markdown files', arg));
    // A glob says which files it means ("keps/**/README.md"); a folder is searched, its excluded files left out.
    for (const m of matches) await add(m, folder ? 'folder' : 'file');
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A path as reports show it: relative to the working directory, with "/" separators. */
export function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return (rel.startsWith('..') || isAbsolute(rel) ? abs : rel).split(sep).join('/');
}
