// Runs in the VS Code extension host: "Snapshot 7/9 · 2 ⚠" for the active snapshot; a click opens the Problems view.
import * as vscode from 'vscode';
import type { DiagnosticsController } from './diagnostics.js';

export class SnapshotStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('designSnapshot.status', vscode.StatusBarAlignment.Left, 100);
  readonly #disposables: vscode.Disposable[] = [];

  constructor(readonly controller: DiagnosticsController) {
    this.item.name = 'Design Snapshot';
    this.item.command = 'workbench.actions.view.problems';
    this.#disposables.push(
      this.item,
      controller.onDidLint(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const state = doc ? this.controller.state(doc.uri) : undefined;
    if (!doc || !state) {
      this.item.hide();
      return;
    }
    // The published lint's analysis knows what is required and what is missing: nothing is parsed again.
    const required = state.analysis.requiredSections;
    const missing = state.findings.filter((f) => f.ruleId === 'section-missing' && f.section).map((f) => f.section as string);
    const problems = state.findings.filter((f) => f.severity !== 'info').length;
    this.item.text = `Snapshot ${required.length - missing.length}/${required.length}${problems ? ` · ${problems} ⚠` : ''}`;
    this.item.tooltip = missing.length ? `Missing: ${missing.join(', ')}. Click to open Problems.` : 'All required sections present. Click to open Problems.';
    this.item.show();
  }

  dispose(): void {
    for (const d of this.#disposables) d.dispose();
  }
}
