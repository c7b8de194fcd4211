// Runs in the VS Code extension host: the language status item of a snapshot ({} in the status bar next to
// "Markdown"): its stage, the schema in force and the sections present, with "Insert missing sections".
import * as vscode from 'vscode';
import type { DiagnosticsController, LintState } from './diagnostics.js';
import { FollowsActiveSnapshot } from './follows-active.js';

export class SnapshotLanguageStatus extends FollowsActiveSnapshot {
  readonly item = vscode.languages.createLanguageStatusItem('designSnapshot.snapshot', { language: 'markdown' });

  constructor(controller: DiagnosticsController) {
    super(controller);
    this.item.name = 'Design Snapshot';
    this.disposables.push(this.item);
    this.update();
  }

  protected render(state: LintState | undefined): void {
    if (!state) {
      // A Markdown file that is not a snapshot (or not linted yet): say how one becomes a snapshot.
      this.item.text = 'Not a design snapshot';
      this.item.detail = 'add pattern: to the frontmatter, or designSnapshot: true';
      this.item.command = undefined;
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    // The published lint's analysis: nothing is parsed again.
    const { analysis } = state;
    const required = analysis.requiredSections;
    const missing = state.findings.filter((f) => f.ruleId === 'section-missing' && f.section).length;
    const stage = analysis.stage ?? 'draft';
    const schema = analysis.context.schema.source ? vscode.workspace.asRelativePath(vscode.Uri.parse(analysis.context.schema.source)) : 'built-in schema';
    this.item.text = `${stage[0]?.toUpperCase() ?? ''}${stage.slice(1)} · ${required.length - missing}/${required.length} sections`;
    this.item.detail = analysis.context.schemaProblem ? `${schema} (the custom schema is not usable)` : schema;
    this.item.severity = analysis.context.schemaProblem ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    this.item.command = missing ? { title: 'Insert missing sections', command: 'designSnapshot.insertMissingSections', tooltip: `Insert the ${missing} missing required sections` } : undefined;
  }
}
