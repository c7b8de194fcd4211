// Runs in the VS Code extension host: what a good section holds, on hover over its heading; the computation of an
// estimate, on hover over an estimate block line or a calculation written inline.
import * as vscode from 'vscode';
import type { DiagnosticsController } from './diagnostics.js';
import { readSettings } from './settings.js';

/** Schema text as Markdown that reads right in a hover: a fence opener ("```estimate") written inline is shown as code. */
export function hoverMarkdown(text: string): string {
  return text.replace(/```(\w+)/g, '`$1`');
}

export class SnapshotHover implements vscode.HoverProvider {
  constructor(readonly controller: DiagnosticsController) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    if (doc.languageId !== 'markdown') return undefined;
    const analysis = await this.controller.analyze(doc);
    if (!analysis.snapshot.isSnapshot) return undefined;
    const heading = analysis.parsed.headings.find((h) => h.range.start.line === pos.line);
    if (heading) {
      const spec = heading.id ? analysis.context.catalog.get(heading.id) : undefined;
      if (!spec) return undefined;
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`**${spec.title}**: ${hoverMarkdown(spec.description ?? '')}`);
      if (spec.aliases.length) md.appendMarkdown(`\n\n${vscode.l10n.t('Also accepted as a heading: {0}.', spec.aliases.join(', '))}`);
      return new vscode.Hover(md, doc.lineAt(pos.line).range);
    }
    if (!readSettings(doc.uri).estimateHover) return undefined;
    const inside = (r: { start: { line: number; character: number }; end: { line: number; character: number } }): boolean =>
      new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character).contains(pos);
    const found = [...analysis.estimateAnnotations.filter((x) => x.line === pos.line), ...analysis.inlineAnnotations.filter((x) => inside(x.range))];
    if (found.length === 0) return undefined;
    return new vscode.Hover(new vscode.MarkdownString().appendCodeblock(found.map((a) => a.detail).join('\n'), 'text'));
  }
}
