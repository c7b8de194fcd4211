// Runs in Node: turns the CLI's file, directory and glob arguments into a list of Markdown files.
import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

const IGNORE = ['**/node_modules/**', '**/.git/**'];

/** Thrown for an argument that names nothing; the CLI exits 2 with its message. */
export class UsageError extends Error {}

/** Absolute paths of the Markdown files the arguments name, sorted and without duplicates. */
export async function expandArgs(args: string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  for (const arg of args) {
    const abs = isAbsolute(arg) ? arg : resolve(cwd, arg);
    const info = await stat(abs).catch(() => undefined);
    if (info?.isFile()) {
      found.add(abs);
      continue;
    }
    let matches: string[];
    if (info?.isDirectory()) {
      matches = await glob('**/*.{md,markdown}', { cwd: abs, absolute: true, ignore: IGNORE, dot: false });
    } else if (isDynamicPattern(arg)) {
      matches = await glob(arg, { cwd, absolute: true, ignore: IGNORE });
    } else {
      throw new UsageError(`${arg}: no such file or directory`);
    }
    if (matches.length === 0) throw new UsageError(`${arg}: matches no Markdown files`);
    for (const m of matches) found.add(resolve(m));
  }
  return [...found].sort();
}

/** A path as reports show it: relative to the working directory, with "/" separators. */
export function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return (rel.startsWith('..') || isAbsolute(rel) ? abs : rel).split(sep).join('/');
}
