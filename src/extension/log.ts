// Runs in the VS Code extension host: the "Design Snapshot" log channel, which also keeps its last lines so the
// integration tests (and anyone debugging through the extension's API) can read what it said.
import * as vscode from 'vscode';
import type { Logger } from '../core/index.js';

const KEEP = 500;

/**
 * Writes to a LogOutputChannel and remembers the last lines written. The channel is made by open(), right after
 * activation; what is logged before then is written to it when it is made, so activation does not wait for it.
 */
export class ExtensionLog implements Logger, vscode.Disposable {
  readonly #name: string;
  #channel: vscode.LogOutputChannel | undefined;
  readonly #unwritten: Array<(channel: vscode.LogOutputChannel) => void> = [];
  readonly #recent: string[] = [];

  constructor(name: string) {
    this.#name = name;
  }

  /** Makes the channel (once) and writes to it what was logged before. */
  open(): vscode.LogOutputChannel {
    if (!this.#channel) {
      this.#channel = vscode.window.createOutputChannel(this.#name, { log: true });
      for (const write of this.#unwritten.splice(0)) write(this.#channel);
    }
    return this.#channel;
  }

  #write(write: (channel: vscode.LogOutputChannel) => void): void {
    if (this.#channel) write(this.#channel);
    else this.#unwritten.push(write);
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
    this.#write((c) => c.debug(message));
  }

  info(message: string): void {
    this.#keep('info', message);
    this.#write((c) => c.info(message));
  }

  warn(message: string): void {
    this.#keep('warn', message);
    this.#write((c) => c.warn(message));
  }

  /** An error with its cause (an Error's stack goes to the channel). */
  error(message: string, cause?: unknown): void {
    this.#keep('error', message, cause);
    if (cause === undefined) this.#write((c) => c.error(message));
    else this.#write((c) => c.error(message, cause instanceof Error ? cause : String(cause)));
  }

  dispose(): void {
    this.#channel?.dispose();
  }
}
