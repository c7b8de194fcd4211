// Runs in the VS Code extension host: each line of an ```estimate block shows its value at the end of the line.
import * as vscode from 'vscode';
import type { DiagnosticsController } from './diagnostics.js';

export class EstimateInlayHints implements vscode.InlayHintsProvider {
  readonly #changed = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.#changed.event;

  constructor(readonly controller: DiagnosticsController) {
    controller.onDidLint(() => this.#changed.fire());
  }

  async provideInlayHints(doc: vscode.TextDocument, range: vscode.Range): Promise<vscode.InlayHint[]> {
    if (doc.languageId !== 'markdown') return [];
    const analysis = await this.controller.analyze(doc);
    if (!analysis.snapshot.isSnapshot) return [];
    return analysis.estimateAnnotations
      .filter((a) => a.line >= range.start.line && a.line <= range.end.line)
      .map((a) => {
        const hint = new vscode.InlayHint(new vscode.Position(a.line, a.character), a.label);
        hint.paddingLeft = true;
        hint.tooltip = a.detail;
        return hint;
      });
  }
}
