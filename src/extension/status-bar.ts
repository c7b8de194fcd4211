// Runs in the VS Code extension host: "Snapshot 7/9 · 2 ⚠" for the active snapshot; a click opens the Problems view.
import * as vscode from 'vscode';
import type { DiagnosticsController, LintState } from './diagnostics.js';
import { FollowsActiveSnapshot } from './follows-active.js';

export class SnapshotStatusBar extends FollowsActiveSnapshot {
  #item: vscode.StatusBarItem | undefined;

  constructor(controller: DiagnosticsController) {
    super(controller);
    this.update();
  }

  /** The item, made when a snapshot first has something to show: until then there is nothing to show or hide. */
  get item(): vscode.StatusBarItem {
    if (!this.#item) {
      this.#item = vscode.window.createStatusBarItem('designSnapshot.status', vscode.StatusBarAlignment.Left, 100);
      this.#item.name = vscode.l10n.t('Design Snapshot');
      this.#item.command = 'workbench.actions.view.problems';
      this.disposables.push(this.#item);
    }
    return this.#item;
  }

  protected render(state: LintState | undefined): void {
    if (!state) {
      this.#item?.hide();
      return;
    }
    // The published lint's analysis knows what is required and what is missing: nothing is parsed again.
    const required = state.analysis.requiredSections;
    const missing = state.findings.filter((f) => f.ruleId === 'section-missing' && f.section).map((f) => f.section as string);
    const problems = state.findings.filter((f) => f.severity !== 'info').length;
    const sections = vscode.l10n.t('Snapshot {0}/{1}', required.length - missing.length, required.length);
    this.item.text = problems ? `${sections} · ${problems} ⚠` : sections;
    this.item.tooltip = missing.length ? vscode.l10n.t('Missing: {0}. Click to open Problems.', missing.join(', ')) : vscode.l10n.t('All required sections present. Click to open Problems.');
    this.item.show();
  }
}
