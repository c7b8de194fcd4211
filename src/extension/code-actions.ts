// Runs in the VS Code extension host: quick fixes from findings, and inserting missing sections from the pattern's template.
import * as vscode from 'vscode';
import { guidanceRemovalEdits, removeAllGuidanceTitle, sectionFromTemplate, type Analysis, type Finding, type ParsedSnapshot } from '../core/index.js';
import { aliasEdit, aliasTarget } from './alias-fix.js';
import type { DiagnosticsController } from './diagnostics.js';
import { toRange } from './diagnostics.js';
import { plainText } from './plain-text.js';

/** Finds the template a document was made from (its `pattern`), parsed, so inserted sections carry that pattern's guidance. */
export type TemplateLookup = (doc: vscode.TextDocument) => Promise<ParsedSnapshot | undefined>;

function sameFinding(d: vscode.Diagnostic, f: Finding): boolean {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return code === f.ruleId && d.message === plainText(f.message) && d.range.isEqual(toRange(f.range));
}

/** The edit that inserts one missing section: the template's section when it has one, else the schema's stub. */
export function insertionEdit(f: Finding, template: ParsedSnapshot | undefined): { at: vscode.Position; text: string } | undefined {
  const edit = f.fix?.edits[0];
  if (!edit || !f.section) return undefined;
  const at = new vscode.Position(edit.range.start.line, edit.range.start.character);
  let text = edit.newText;
  const fromTemplate = template ? sectionFromTemplate(template, f.section) : undefined;
  if (fromTemplate) text = edit.newText.startsWith('\n') ? `\n\n${fromTemplate}` : `${fromTemplate}\n\n`;
  return { at, text };
}

/** One WorkspaceEdit that inserts every missing section; inserts at one place keep the canonical order. */
export function insertAllEdit(doc: vscode.TextDocument, findings: readonly Finding[], template: ParsedSnapshot | undefined): vscode.WorkspaceEdit | undefined {
  const byPlace = new Map<string, { at: vscode.Position; text: string }>();
  for (const f of findings.filter((x) => x.ruleId === 'section-missing')) {
    const e = insertionEdit(f, template);
    if (!e) continue;
    const key = `${e.at.line}:${e.at.character}`;
    const prev = byPlace.get(key);
    byPlace.set(key, prev ? { at: e.at, text: prev.text + (e.text.startsWith('\n') ? e.text : `${e.text}`) } : e);
  }
  if (byPlace.size === 0) return undefined;
  const we = new vscode.WorkspaceEdit();
  for (const e of byPlace.values()) we.insert(doc.uri, e.at, e.text);
  return we;
}

/** One WorkspaceEdit that removes every template guidance comment of the analyzed document, or undefined when none is left. */
export function guidanceEdit(doc: vscode.TextDocument, analysis: Analysis): vscode.WorkspaceEdit | undefined {
  const edits = guidanceRemovalEdits(analysis.parsed);
  if (edits.length === 0) return undefined;
  const we = new vscode.WorkspaceEdit();
  for (const e of edits) we.replace(doc.uri, toRange(e.range), e.newText);
  return we;
}

const ruleIdOf = (d: vscode.Diagnostic): unknown => (typeof d.code === 'object' ? d.code.value : d.code);

export class SnapshotCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    readonly controller: DiagnosticsController,
    readonly templateFor: TemplateLookup,
  ) {}

  async provideCodeActions(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    try {
      return await this.#actions(doc, context);
    } catch (e) {
      // A malformed document or template must not take the light bulb down with it; the log says what failed.
      this.controller.log.error(`Quick fixes for ${doc.uri.toString()} at line ${range.start.line + 1} failed`, e);
      return [];
    }
  }

  async #actions(doc: vscode.TextDocument, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const state = this.controller.state(doc.uri);
    if (!state || state.version !== doc.version) {
      this.controller.log.debug(`No quick fixes for ${doc.uri.toString()} v${doc.version}: ${state ? `its findings are of v${state.version}` : 'it has no findings yet'}.`);
      return [];
    }
    const ours = context.diagnostics.filter((d) => d.source === 'design-snapshot');
    if (ours.length === 0) return [];
    const template = ours.some((d) => ruleIdOf(d) === 'section-missing') ? await this.templateFor(doc) : undefined;
    const actions: vscode.CodeAction[] = [];
    for (const d of ours) {
      const f = state.findings.find((x) => sameFinding(d, x));
      const alias = f?.data?.alias;
      if (alias) {
        // "Found "Options we weighed" at line 13": read it as that section, in the editor and in CI alike.
        const edit = await aliasEdit(doc, state.analysis, alias.section, alias.heading);
        if (edit) {
          const action = new vscode.CodeAction(vscode.l10n.t('Add "{0}" to the aliases of {1} in .design-snapshot/config.json', alias.heading, alias.section), vscode.CodeActionKind.QuickFix);
          action.diagnostics = [d];
          action.edit = edit;
          // Saved right after, so the alias is in force at once (the edit kept any unsaved change of the user's).
          const target = aliasTarget(doc, state.analysis);
          if (target) action.command = { command: 'designSnapshot.saveConfig', title: vscode.l10n.t('Save the configuration'), arguments: [target] };
          actions.push(action);
        }
      }
      if (!f?.fix) continue;
      const action = new vscode.CodeAction(plainText(f.fix.title), vscode.CodeActionKind.QuickFix);
      action.diagnostics = [d];
      const we = new vscode.WorkspaceEdit();
      if (f.ruleId === 'section-missing') {
        const e = insertionEdit(f, template);
        if (!e) continue;
        we.insert(doc.uri, e.at, e.text);
      } else {
        for (const e of f.fix.edits) we.replace(doc.uri, toRange(e.range), e.newText);
      }
      action.edit = we;
      action.isPreferred = f.ruleId !== 'section-missing';
      actions.push(action);
    }
    const missing = state.findings.filter((x) => x.ruleId === 'section-missing');
    if (missing.length > 1 && ours.some((d) => ruleIdOf(d) === 'section-missing')) {
      const all = insertAllEdit(doc, missing, template);
      if (all) {
        const action = new vscode.CodeAction(vscode.l10n.t('Insert all {0} missing sections', missing.length), vscode.CodeActionKind.QuickFix);
        action.edit = all;
        action.diagnostics = ours.filter((d) => ruleIdOf(d) === 'section-missing');
        actions.push(action);
      }
    }
    // From review on each guidance comment is its own finding: offer removing them all at once as well.
    const leftovers = ours.filter((d) => ruleIdOf(d) === 'placeholder-left');
    if (leftovers.length && !state.findings.some((x) => x.fix?.title === removeAllGuidanceTitle() && ours.some((d) => sameFinding(d, x)))) {
      const all = guidanceRemovalEdits(state.analysis.parsed).length > 1 ? guidanceEdit(doc, state.analysis) : undefined;
      if (all) {
        const action = new vscode.CodeAction(vscode.l10n.t('Remove all template guidance'), vscode.CodeActionKind.QuickFix);
        action.edit = all;
        action.diagnostics = leftovers;
        actions.push(action);
      }
    }
    return actions;
  }
}
