// Runs in the VS Code extension host: the language status item of a snapshot ({} in the status bar next to
// "Markdown"): its stage, the schema in force and the sections present, with "Insert missing sections".
import * as vscode from 'vscode';
import type { DiagnosticsController, LintState } from './diagnostics.js';
import { FollowsActiveSnapshot } from './follows-active.js';

/** A snapshot's stage as people read it (the frontmatter's value is an identifier). */
function stageName(stage: string): string {
  switch (stage) {
    case 'draft':
      return vscode.l10n.t('Draft');
    case 'review':
      return vscode.l10n.t('Review');
    case 'approved':
      return vscode.l10n.t('Approved');
    case 'superseded':
      return vscode.l10n.t('Superseded');
    default:
      return stage;
  }
}

export class SnapshotLanguageStatus extends FollowsActiveSnapshot {
  readonly item = vscode.languages.createLanguageStatusItem('designSnapshot.snapshot', { language: 'markdown' });

  constructor(controller: DiagnosticsController) {
    super(controller);
    this.item.name = vscode.l10n.t('Design Snapshot');
    this.disposables.push(this.item);
    this.update();
  }

  protected render(state: LintState | undefined): void {
    if (!state) {
      // A Markdown file that is not a snapshot (or not linted yet): say how one becomes a snapshot.
      this.item.text = vscode.l10n.t('Not a design snapshot');
      this.item.detail = vscode.l10n.t('add pattern: to the frontmatter, or designSnapshot: true');
      this.item.command = undefined;
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    // The published lint's analysis: nothing is parsed again.
    const { analysis } = state;
    const required = analysis.requiredSections;
    const missing = state.findings.filter((f) => f.ruleId === 'section-missing' && f.section).length;
    const stage = analysis.stage ?? 'draft';
    const schema = analysis.context.schema.source ? vscode.workspace.asRelativePath(vscode.Uri.parse(analysis.context.schema.source)) : vscode.l10n.t('built-in schema');
    this.item.text = vscode.l10n.t('{0} · {1}/{2} sections', stageName(stage), required.length - missing, required.length);
    this.item.detail = analysis.context.schemaProblem ? vscode.l10n.t('{0} (the custom schema is not usable)', schema) : schema;
    this.item.severity = analysis.context.schemaProblem ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    this.item.command = missing ? { title: vscode.l10n.t('Insert missing sections'), command: 'designSnapshot.insertMissingSections', tooltip: vscode.l10n.t('Insert the {0} missing required sections', missing) } : undefined;
  }
}
