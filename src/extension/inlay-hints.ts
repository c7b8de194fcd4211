// Runs in the VS Code extension host: each line of an ```estimate block shows its value at the end of the line, and
// each calculation written inline shows ✓ or what its arithmetic gives after its stated result.
import * as vscode from 'vscode';
import { FollowsLint } from './follows-lint.js';
import { readSettings } from './settings.js';

export class EstimateInlayHints extends FollowsLint implements vscode.InlayHintsProvider {
  readonly onDidChangeInlayHints = this.changed;

  async provideInlayHints(doc: vscode.TextDocument, range: vscode.Range): Promise<vscode.InlayHint[]> {
    if (doc.languageId !== 'markdown' || !readSettings(doc.uri).inlayHints) return [];
    const analysis = await this.controller.analyze(doc);
    if (!analysis.snapshot.isSnapshot) return [];
    return [...analysis.estimateAnnotations, ...analysis.inlineAnnotations]
      .filter((a) => a.line >= range.start.line && a.line <= range.end.line)
      .map((a) => {
        const hint = new vscode.InlayHint(new vscode.Position(a.line, a.character), a.label);
        hint.paddingLeft = true;
        hint.tooltip = a.detail;
        return hint;
      });
  }
}
