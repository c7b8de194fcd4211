// Runs in VS Code's web worker extension host, beside the extension under test: a virtual file system (scheme dsmem)
// holding the web suite's workspace, as github.dev's holds a repository. Its files come from the harness
// (test/web/launch.ts puts them in fixture.json beside this extension); writes stay in memory.
import * as vscode from 'vscode';

interface Entry {
  type: vscode.FileType;
  data: Uint8Array;
  mtime: number;
  ctime: number;
}

class MemFs implements vscode.FileSystemProvider {
  readonly #entries = new Map<string, Entry>([['/', { type: vscode.FileType.Directory, data: new Uint8Array(), mtime: Date.now(), ctime: Date.now() }]]);
  readonly #changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.#changed.event;
  readonly ready: Promise<void>;

  constructor(fixture: Promise<Record<string, string>>) {
    this.ready = fixture.then((files) => {
      for (const [path, text] of Object.entries(files)) this.#put(path, new TextEncoder().encode(text));
    });
  }

  #parent(path: string): string {
    const i = path.lastIndexOf('/');
    return i <= 0 ? '/' : path.slice(0, i);
  }

  #put(path: string, data: Uint8Array): void {
    for (let dir = this.#parent(path); !this.#entries.has(dir); dir = this.#parent(dir)) {
      this.#entries.set(dir, { type: vscode.FileType.Directory, data: new Uint8Array(), mtime: Date.now(), ctime: Date.now() });
    }
    const now = Date.now();
    this.#entries.set(path, { type: vscode.FileType.File, data, mtime: now, ctime: this.#entries.get(path)?.ctime ?? now });
  }

  async #get(uri: vscode.Uri): Promise<Entry> {
    await this.ready;
    const e = this.#entries.get(uri.path.replace(/\/+$/, '') || '/');
    if (!e) throw vscode.FileSystemError.FileNotFound(uri);
    return e;
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const e = await this.#get(uri);
    return { type: e.type, ctime: e.ctime, mtime: e.mtime, size: e.data.byteLength };
  }

  async readDirectory(uri: vscode.Uri): Promise<Array<[string, vscode.FileType]>> {
    const dir = await this.#get(uri);
    if (dir.type !== vscode.FileType.Directory) throw vscode.FileSystemError.FileNotADirectory(uri);
    const prefix = uri.path.replace(/\/+$/, '') + '/';
    const out: Array<[string, vscode.FileType]> = [];
    for (const [path, e] of this.#entries) {
      if (path !== '/' && path.startsWith(prefix) && !path.slice(prefix.length).includes('/')) out.push([path.slice(prefix.length), e.type]);
    }
    return out;
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const e = await this.#get(uri);
    if (e.type !== vscode.FileType.File) throw vscode.FileSystemError.FileIsADirectory(uri);
    return e.data;
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): Promise<void> {
    await this.ready;
    const existing = this.#entries.get(uri.path);
    if (!existing && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    if (existing && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
    this.#put(uri.path, content);
    this.#changed.fire([{ type: existing ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }

  async createDirectory(uri: vscode.Uri): Promise<void> {
    await this.ready;
    if (!this.#entries.has(uri.path)) this.#entries.set(uri.path, { type: vscode.FileType.Directory, data: new Uint8Array(), mtime: Date.now(), ctime: Date.now() });
    this.#changed.fire([{ type: vscode.FileChangeType.Created, uri }]);
  }

  async delete(uri: vscode.Uri): Promise<void> {
    await this.ready;
    for (const path of [...this.#entries.keys()]) if (path === uri.path || path.startsWith(`${uri.path}/`)) this.#entries.delete(path);
    this.#changed.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  async rename(from: vscode.Uri, to: vscode.Uri): Promise<void> {
    const e = await this.#get(from);
    this.#entries.delete(from.path);
    this.#entries.set(to.path, e);
    this.#changed.fire([{ type: vscode.FileChangeType.Deleted, uri: from }, { type: vscode.FileChangeType.Created, uri: to }]);
  }
}

export function activate(context: vscode.ExtensionContext): void {
  // Read like any resource of this extension, wherever it is installed (the harness's code-server, a remote).
  const fixture = Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'fixture.json'))).then((b) => JSON.parse(new TextDecoder().decode(b)) as Record<string, string>);
  context.subscriptions.push(vscode.workspace.registerFileSystemProvider('dsmem', new MemFs(fixture), { isCaseSensitive: true }));
}
