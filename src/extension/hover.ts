// Runs in the VS Code extension host: what a good section holds, on hover over its heading; estimate values on estimate lines.
import * as vscode from 'vscode';
import { defaultSchema, estimateAnnotations } from '../core/index.js';
import type { DiagnosticsController } from './diagnostics.js';

export class SnapshotHover implements vscode.HoverProvider {
  constructor(readonly controller: DiagnosticsController) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    if (!this.controller.isSnapshotDocument(doc)) return undefined;
    const line = doc.lineAt(pos.line).text;
    const heading = /^#{1,2}\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading?.[1]) {
      const catalog = (this.controller.state(doc.uri)?.schema ?? defaultSchema()).catalog;
      const id = catalog.idOf(heading[1]);
      const spec = id ? catalog.get(id) : undefined;
      if (!spec) return undefined;
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`**${spec.title}**: ${spec.description ?? ''}`);
      if (spec.aliases.length) md.appendMarkdown(`\n\nAlso accepted as a heading: ${spec.aliases.join(', ')}.`);
      return new vscode.Hover(md, doc.lineAt(pos.line).range);
    }
    if (!doc.getText().includes('```estimate')) return undefined;
    const a = estimateAnnotations(doc.getText()).find((x) => x.line === pos.line);
    if (!a) return undefined;
    return new vscode.Hover(new vscode.MarkdownString().appendCodeblock(a.detail, 'text'));
  }
}
