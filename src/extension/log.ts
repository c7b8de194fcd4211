// Runs in the VS Code extension host: the "Design Snapshot" log channel, which also keeps its last lines so the
// integration tests (and anyone debugging through the extension's API) can read what it said.
import * as vscode from 'vscode';
import type { Logger } from '../core/index.js';

const KEEP = 500;

/** Writes to a LogOutputChannel and remembers the last lines written. */
export class ExtensionLog implements Logger, vscode.Disposable {
  readonly channel: vscode.LogOutputChannel;
  readonly #recent: string[] = [];

  constructor(name: string) {
    this.channel = vscode.window.createOutputChannel(name, { log: true });
  }

  /** The last lines written, oldest first, each prefixed with its level. */
  get recent(): readonly string[] {
    return this.#recent;
  }

  #keep(level: string, message: string, error?: unknown): void {
    this.#recent.push(`${level} ${message}${error === undefined ? '' : ` ${error instanceof Error ? error.message : String(error)}`}`);
    if (this.#recent.length > KEEP) this.#recent.splice(0, this.#recent.length - KEEP);
  }

  debug(message: string): void {
    this.#keep('debug', message);
    this.channel.debug(message);
  }

  info(message: string): void {
    this.#keep('info', message);
    this.channel.info(message);
  }

  warn(message: string): void {
    this.#keep('warn', message);
    this.channel.warn(message);
  }

  /** An error with its cause (an Error's stack goes to the channel). */
  error(message: string, cause?: unknown): void {
    this.#keep('error', message, cause);
    if (cause === undefined) this.channel.error(message);
    else this.channel.error(message, cause instanceof Error ? cause : String(cause));
  }

  dispose(): void {
    this.channel.dispose();
  }
}
