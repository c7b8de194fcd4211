// Runs in the VS Code extension host: what differs between the desktop host (Node) and the web host (a browser's web
// worker, as on vscode.dev and github.dev). Everything else is one code path (activate.ts).

/** A worker of the host (a worker thread on the desktop, a Web Worker in the browser): messages in and out. */
export interface WorkerPort {
  post(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  onError(listener: (error: Error) => void): void;
  terminate(): void;
  /** Where the worker's code came from, for the log. */
  readonly source: string;
}

/** A worker running mermaid's parser: messages {id, diagram} in, {id, error?} out. */
export type MermaidWorkerPort = WorkerPort;

export interface Platform {
  readonly kind: 'desktop' | 'web';
  /** Starts mermaid's parser in a worker of its own: a worker thread on the desktop, a Web Worker in the browser. */
  startMermaidWorker(extensionUri: import('vscode').Uri): Promise<MermaidWorkerPort>;
  /**
   * Starts a Markdown parser in a worker of its own (messages {id, text} in, {id, tree} or {id, error} out), for
   * large or odd documents; absent where the host has none (the web host is a worker already).
   */
  startMarkdownWorker?(extensionUri: import('vscode').Uri): Promise<WorkerPort>;
  /** Who is writing, for a new snapshot's author; undefined where the host cannot tell (the browser). */
  author(): string | undefined;
  /** git's user.name for a folder by `git config` (the desktop only; asked in trusted workspaces only). */
  gitUserName?(dir: import('vscode').Uri): Promise<string | undefined>;
}
