// Runs in the VS Code extension host: CodeLens in snapshots. On the title, the sections present and "Insert missing";
// above each mermaid block, "Preview diagram"; above each estimate block, its headline values. All from the
// published lint's analysis: nothing is parsed again.
import * as vscode from 'vscode';
import { estimateHeadline } from '../core/index.js';
import { FollowsLint } from './follows-lint.js';
import { readSettings } from './settings.js';

export class SnapshotCodeLens extends FollowsLint implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses = this.changed;

  async provideCodeLenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (doc.languageId !== 'markdown' || !readSettings(doc.uri).codeLens) return [];
    const analysis = await this.controller.analyze(doc);
    if (!analysis.snapshot.isSnapshot) return [];
    const lenses: vscode.CodeLens[] = [];
    const required = analysis.requiredSections;
    const missing = analysis.findings.filter((f) => f.ruleId === 'section-missing' && f.section).length;
    const titleLine = analysis.parsed.title?.range.start.line ?? analysis.parsed.headings[0]?.range.start.line ?? 0;
    const at = (line: number): vscode.Range => new vscode.Range(line, 0, line, 0);
    const sections = vscode.l10n.t('{0}/{1} sections', required.length - missing, required.length);
    lenses.push(
      missing
        ? new vscode.CodeLens(at(titleLine), { title: vscode.l10n.t('{0} · Insert missing', sections), command: 'designSnapshot.insertMissingSections', tooltip: vscode.l10n.t("Insert the {0} missing required sections from the pattern's template", missing) })
        : new vscode.CodeLens(at(titleLine), { title: sections, command: '', tooltip: vscode.l10n.t('Every required section is present') }),
    );
    for (const d of analysis.diagrams) {
      lenses.push(new vscode.CodeLens(at(d.startLine), { title: vscode.l10n.t('Preview diagram'), command: 'designSnapshot.openDiagramPreview', arguments: [doc.uri], tooltip: vscode.l10n.t('Open the Diagram Preview beside the editor') }));
    }
    for (const block of analysis.estimateBlocks) {
      const headline = estimateHeadline(block);
      if (headline) lenses.push(new vscode.CodeLens(at(block.range.start.line), { title: headline, command: '', tooltip: vscode.l10n.t('The last values this estimate computes') }));
    }
    return lenses;
  }
}
