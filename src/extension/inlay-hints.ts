// Runs in the VS Code extension host: each line of an ```estimate block shows its value at the end of the line.
import * as vscode from 'vscode';
import { estimateAnnotations } from '../core/index.js';
import type { DiagnosticsController } from './diagnostics.js';

export class EstimateInlayHints implements vscode.InlayHintsProvider {
  readonly #changed = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.#changed.event;

  constructor(readonly controller: DiagnosticsController) {
    controller.onDidLint(() => this.#changed.fire());
  }

  provideInlayHints(doc: vscode.TextDocument, range: vscode.Range): vscode.InlayHint[] {
    if (!this.controller.isSnapshotDocument(doc) || !doc.getText().includes('```estimate')) return [];
    return estimateAnnotations(doc.getText())
      .filter((a) => a.line >= range.start.line && a.line <= range.end.line)
      .map((a) => {
        const hint = new vscode.InlayHint(new vscode.Position(a.line, a.character), a.label);
        hint.paddingLeft = true;
        hint.tooltip = a.detail;
        return hint;
      });
  }
}
