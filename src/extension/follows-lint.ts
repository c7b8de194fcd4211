// Runs in the VS Code extension host: what providers whose results follow the published lints share (inlay hints,
// CodeLens): their change event fires after every lint, and on refresh() when a setting changes.
import * as vscode from 'vscode';
import type { DiagnosticsController } from './diagnostics.js';

export abstract class FollowsLint implements vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<void>();
  readonly #subscription: vscode.Disposable;
  /** Fires when the provider's results may have changed. */
  protected readonly changed = this.#changed.event;

  constructor(readonly controller: DiagnosticsController) {
    this.#subscription = controller.onDidLint(() => this.#changed.fire());
  }

  /** Asks the editor for the provider's results again (a setting changed). */
  refresh(): void {
    this.#changed.fire();
  }

  dispose(): void {
    this.#subscription.dispose();
    this.#changed.dispose();
  }
}
