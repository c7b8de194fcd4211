/**
 * What the engine needs from its host, and nothing more: the CLI passes one
 * over node:fs, the extension one over vscode.workspace.fs, tests an in-memory
 * one. Paths are opaque strings the host understands (file paths or URIs).
 */
export interface EngineHost {
  /** A file's text, or undefined when it does not exist or cannot be read. */
  readFile(path: string): Promise<string | undefined>;
  /** The names of a directory's entries, or undefined when it does not exist. */
  readDirectory(path: string): Promise<string[] | undefined>;
  /** The parent of a path; returns the path itself at the root. */
  dirname(path: string): string;
  join(dir: string, name: string): string;
}

/** A host over a plain map of path → text, with "/" separators; for tests and the browser. */
export class InMemoryHost implements EngineHost {
  readonly files: Map<string, string>;

  constructor(files: Record<string, string> = {}) {
    this.files = new Map(Object.entries(files));
  }

  async readFile(path: string): Promise<string | undefined> {
    return this.files.get(path);
  }

  async readDirectory(path: string): Promise<string[] | undefined> {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    const names = new Set<string>();
    for (const p of this.files.keys()) if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0] ?? '');
    return names.size ? [...names] : undefined;
  }

  dirname(path: string): string {
    const i = path.lastIndexOf('/');
    return i <= 0 ? '/' : path.slice(0, i);
  }

  join(dir: string, name: string): string {
    return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
  }
}
