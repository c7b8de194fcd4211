// Runs in the VS Code extension host: what the status bar item and the language status item share. Each shows the
// active editor's published lint, and is updated after every lint and when the active editor changes.
import * as vscode from 'vscode';
import type { DiagnosticsController, LintState } from './diagnostics.js';

export abstract class FollowsActiveSnapshot implements vscode.Disposable {
  protected readonly disposables: vscode.Disposable[] = [];

  constructor(readonly controller: DiagnosticsController) {
    this.disposables.push(
      controller.onDidLint(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    this.render(doc ? this.controller.state(doc.uri) : undefined);
  }

  /** Shows the active snapshot's published lint, or what to show when the active editor has none. */
  protected abstract render(state: LintState | undefined): void;

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
