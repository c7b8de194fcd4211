// Runs in the VS Code extension host: what a good section holds, on hover over its heading; estimate values on estimate lines.
import * as vscode from 'vscode';
import type { DiagnosticsController } from './diagnostics.js';

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
      md.appendMarkdown(`**${spec.title}**: ${spec.description ?? ''}`);
      if (spec.aliases.length) md.appendMarkdown(`\n\nAlso accepted as a heading: ${spec.aliases.join(', ')}.`);
      return new vscode.Hover(md, doc.lineAt(pos.line).range);
    }
    const a = analysis.estimateAnnotations.find((x) => x.line === pos.line);
    if (!a) return undefined;
    return new vscode.Hover(new vscode.MarkdownString().appendCodeblock(a.detail, 'text'));
  }
}
