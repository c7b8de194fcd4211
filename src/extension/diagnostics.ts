// Runs in the VS Code extension host: lints snapshots on open, edit (debounced) and save; stale results are dropped.
import * as vscode from 'vscode';
import { checkMermaid, compareFindings, isSnapshot, lintText, type CompiledSchema, type Engine, type Finding, type MermaidParse, type SchemaProblem } from '../core/index.js';
import { lintOptions, readSettings } from './settings.js';

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toRange(r: Finding['range']): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** The diagnostic a finding becomes: code links to the rule's page, source is design-snapshot. */
export function toDiagnostic(f: Finding): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(f.range), f.message, SEVERITY[f.severity]);
  d.source = 'design-snapshot';
  d.code = { value: f.ruleId, target: vscode.Uri.parse(f.docs) };
  return d;
}

/** What the last lint of a document found, for code actions, hovers and the status bar. */
export interface LintState {
  version: number;
  findings: Finding[];
  schema: CompiledSchema | undefined;
}

export class DiagnosticsController implements vscode.Disposable {
  readonly #collection = vscode.languages.createDiagnosticCollection('design-snapshot');
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #generation = new Map<string, number>();
  readonly #states = new Map<string, LintState>();
  readonly #reported = new Set<string>();
  readonly #changed = new vscode.EventEmitter<vscode.Uri>();
  readonly #disposables: vscode.Disposable[] = [];
  readonly onDidLint = this.#changed.event;
  /** The schema problems shown to the user, in order (each once). */
  readonly schemaProblems: string[] = [];

  constructor(
    readonly engine: Engine,
    readonly docsBase: string,
    readonly isTrusted: () => boolean,
    readonly log: vscode.OutputChannel,
    /** Loads mermaid's parser; called only for documents that hold a ```mermaid block. */
    readonly mermaid: () => Promise<MermaidParse>,
  ) {
    this.#disposables.push(
      this.#collection,
      this.#changed,
      vscode.workspace.onDidOpenTextDocument((d) => this.lintSoon(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.lintSoon(e.document)),
      vscode.workspace.onDidSaveTextDocument((d) => this.lintSoon(d, 0)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      // Closing the last tab of a document is what users call closing it; VS Code disposes the document only later.
      vscode.window.tabGroups.onDidChangeTabs(() => this.#forgetUnshown()),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const e of editors) if (!this.#states.has(e.document.uri.toString())) this.lintSoon(e.document, 0);
      }),
    );
  }

  #forgetUnshown(): void {
    const shown = new Set<string>();
    for (const group of vscode.window.tabGroups.all) {
      for (const tab of group.tabs) {
        const input = tab.input;
        if (input instanceof vscode.TabInputText) shown.add(input.uri.toString());
        else if (input instanceof vscode.TabInputTextDiff) shown.add(input.modified.toString());
      }
    }
    for (const key of [...this.#states.keys()]) if (!shown.has(key)) this.forget(vscode.Uri.parse(key));
  }

  /** True for Markdown documents that are snapshots: declared in frontmatter, or under an include glob. */
  isSnapshotDocument(doc: vscode.TextDocument): boolean {
    if (doc.languageId !== 'markdown') return false;
    if (isSnapshot(doc.getText())) return true;
    const { include } = readSettings(doc.uri);
    return include.some((pattern) => vscode.languages.match({ language: 'markdown', pattern }, doc) > 0);
  }

  state(uri: vscode.Uri): LintState | undefined {
    return this.#states.get(uri.toString());
  }

  lintAllOpen(): void {
    for (const d of vscode.workspace.textDocuments) this.lintSoon(d, 0);
  }

  /** Schedules a lint; an edit within the debounce replaces the pending one. */
  lintSoon(doc: vscode.TextDocument, delay?: number): void {
    const key = doc.uri.toString();
    const pending = this.#timers.get(key);
    if (pending) clearTimeout(pending);
    const settings = readSettings(doc.uri);
    if (!settings.lintEnabled || !this.isSnapshotDocument(doc)) {
      if (this.#states.has(key) || this.#collection.has(doc.uri)) this.forget(doc.uri);
      return;
    }
    this.#timers.set(
      key,
      setTimeout(() => {
        this.#timers.delete(key);
        void this.lintNow(doc);
      }, delay ?? settings.debounceMs),
    );
  }

  /** Lints now; the result is shown only if no newer lint of the document started meanwhile. */
  async lintNow(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    if (!readSettings(doc.uri).lintEnabled || !this.isSnapshotDocument(doc)) {
      this.forget(doc.uri);
      return;
    }
    const generation = (this.#generation.get(key) ?? 0) + 1;
    this.#generation.set(key, generation);
    const version = doc.version;
    const settings = readSettings(doc.uri);
    const options = lintOptions(settings, this.docsBase);
    const text = doc.getText();
    try {
      let findings: Finding[];
      let schema: CompiledSchema | undefined;
      let problem: SchemaProblem | undefined;
      if (this.isTrusted()) {
        const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
        const schemaPath = settings.schema && folder ? vscode.Uri.joinPath(folder.uri, settings.schema).toString() : undefined;
        const resolved = schemaPath ? await this.engine.loadSchema(schemaPath) : await this.engine.resolveSchema(doc.uri.toString());
        schema = resolved.schema;
        problem = resolved.problem;
        findings = lintText(text, { ...options, schema });
      } else {
        // Restricted Mode: the built-in schema only.
        findings = lintText(text, options);
      }
      if (/(?:`{3,}|~{3,})\s*mermaid/i.test(text)) {
        const diagrams = await checkMermaid(text, await this.mermaid(), { docsBase: this.docsBase, severity: settings.severity });
        if (diagrams.length) findings = [...findings, ...diagrams].sort(compareFindings);
      }
      if (this.#generation.get(key) !== generation || doc.isClosed || doc.version !== version) return;
      if (problem) this.#reportSchemaProblem(problem);
      this.#states.set(key, { version, findings, schema });
      this.#collection.set(doc.uri, findings.map(toDiagnostic));
      this.#changed.fire(doc.uri);
    } catch (e) {
      // A malformed document, schema or template must never take the extension host down.
      this.log.appendLine(`Linting ${doc.uri.toString()} failed: ${(e as Error).stack ?? String(e)}`);
    }
  }

  #reportSchemaProblem(p: SchemaProblem): void {
    const key = `${p.source}\u0000${p.message}`;
    if (this.#reported.has(key)) return;
    this.#reported.add(key);
    const name = vscode.workspace.asRelativePath(vscode.Uri.parse(p.source));
    const message = `Design Snapshot: ${name} is ${p.message}. Using the built-in schema until it is fixed.`;
    this.schemaProblems.push(message);
    void vscode.window.showErrorMessage(message);
  }

  /** Forgets cached schemas and reported problems (a schema file changed), then lints again. */
  reload(): void {
    this.engine.invalidate();
    this.#reported.clear();
    this.lintAllOpen();
  }

  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const pending = this.#timers.get(key);
    if (pending) clearTimeout(pending);
    this.#timers.delete(key);
    this.#generation.set(key, (this.#generation.get(key) ?? 0) + 1);
    this.#states.delete(key);
    this.#collection.delete(uri);
    this.#changed.fire(uri);
  }

  clearAll(): void {
    for (const d of vscode.workspace.textDocuments) this.forget(d.uri);
    this.#collection.clear();
  }

  dispose(): void {
    for (const t of this.#timers.values()) clearTimeout(t);
    for (const d of this.#disposables) d.dispose();
  }
}
