// Runs in the VS Code extension host: what differs between the desktop host (Node) and the web host (a browser's web
// worker, as on vscode.dev and github.dev). Everything else is one code path (activate.ts).

/** A worker running mermaid's parser: messages {id, diagram} in, {id, error?} out. */
export interface MermaidWorkerPort {
  post(message: { id: number; diagram: string }): void;
  onMessage(listener: (message: unknown) => void): void;
  onError(listener: (error: Error) => void): void;
  terminate(): void;
  /** Where the worker's code came from, for the log. */
  readonly source: string;
}

export interface Platform {
  readonly kind: 'desktop' | 'web';
  /** Starts mermaid's parser in a worker of its own: a worker thread on the desktop, a Web Worker in the browser. */
  startMermaidWorker(extensionUri: import('vscode').Uri): Promise<MermaidWorkerPort>;
  /** Who is writing, for a new snapshot's author; undefined where the host cannot tell (the browser). */
  author(): string | undefined;
}
