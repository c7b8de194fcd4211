// Runs in the VS Code extension host: one analysis per document version for every feature, and the diagnostics
// from it, on open, edit (debounced) and save. Stale results are dropped.
import * as vscode from 'vscode';
import type { Analysis, Engine, Finding } from '../core/index.js';
import { readSettings } from './settings.js';

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toRange(r: Finding['range']): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/**
 * The diagnostic a finding becomes: code links to the rule's page, source is design-snapshot. A finding's detail
 * (mermaid's own message, for experts) is related information: shown under the message in the hover and the
 * Problems view, without making the message itself longer.
 */
export function toDiagnostic(f: Finding, uri?: vscode.Uri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(f.range), f.message, SEVERITY[f.severity]);
  d.source = 'design-snapshot';
  d.code = { value: f.ruleId, target: vscode.Uri.parse(f.docs) };
  if (f.detail && uri) d.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(f.range)), f.detail.replace(/\s*\n\s*/g, ' · '))];
  return d;
}

/** What the last published lint of a document found, for code actions and the status bar. */
export interface LintState {
  version: number;
  findings: readonly Finding[];
  analysis: Analysis;
}

export class DiagnosticsController implements vscode.Disposable {
  readonly #collection = vscode.languages.createDiagnosticCollection('design-snapshot');
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #generation = new Map<string, number>();
  readonly #states = new Map<string, LintState>();
  /** The analysis of the newest version each open document was asked about. */
  readonly #analyses = new Map<string, { version: number; analysis: Promise<Analysis> }>();
  /** Whether each document was a snapshot at its last analysis, for the few callers that cannot wait. */
  readonly #verdicts = new Map<string, boolean>();
  readonly #reported = new Set<string>();
  readonly #changed = new vscode.EventEmitter<vscode.Uri>();
  readonly #disposables: vscode.Disposable[] = [];
  readonly onDidLint = this.#changed.event;
  /** The config and schema problems shown to the user, in order (each once). */
  readonly problems: string[] = [];

  constructor(
    readonly engine: Engine,
    readonly isTrusted: () => boolean,
    readonly log: vscode.LogOutputChannel,
  ) {
    this.#disposables.push(
      this.#collection,
      this.#changed,
      vscode.workspace.onDidOpenTextDocument((d) => this.lintSoon(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.lintSoon(e.document);
      }),
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

  /**
   * The analysis of the document's current version, shared by every feature: a second call for the same
   * version (a hover, an inlay hint, the preview) reuses the first one's parse.
   */
  analyze(doc: vscode.TextDocument): Promise<Analysis> {
    const key = doc.uri.toString();
    const known = this.#analyses.get(key);
    if (known && known.version === doc.version) return known.analysis;
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    const trusted = this.isTrusted();
    const settings = readSettings(doc.uri);
    const schemaPath = trusted && settings.schema && folder ? vscode.Uri.joinPath(folder.uri, settings.schema).toString() : undefined;
    const analysis = this.engine
      .analyze({
        uri: key,
        version: doc.version,
        text: doc.getText(),
        ...(folder ? { root: folder.uri.toString() } : {}),
        ...(schemaPath ? { schemaPath } : {}),
        // Estimates are evaluated only where someone will see them.
        estimates: settings.lintEnabled,
      })
      .then((a) => {
        this.#verdicts.set(key, doc.languageId === 'markdown' && a.snapshot.isSnapshot);
        return a;
      });
    this.#analyses.set(key, { version: doc.version, analysis });
    return analysis;
  }

  /** True when the document is a Markdown snapshot (frontmatter, or the config's include and exclude globs). */
  async isSnapshot(doc: vscode.TextDocument): Promise<boolean> {
    if (doc.languageId !== 'markdown') return false;
    return (await this.analyze(doc)).snapshot.isSnapshot;
  }

  /** The verdict of the document's last analysis, for callers that cannot wait (false until it was analyzed). */
  isSnapshotDocument(doc: vscode.TextDocument): boolean {
    return this.#verdicts.get(doc.uri.toString()) === true && doc.languageId === 'markdown';
  }

  state(uri: vscode.Uri): LintState | undefined {
    return this.#states.get(uri.toString());
  }

  lintAllOpen(): void {
    for (const d of vscode.workspace.textDocuments) this.lintSoon(d, 0);
  }

  /** Schedules a lint; an edit within the debounce replaces the pending one. */
  lintSoon(doc: vscode.TextDocument, delay?: number): void {
    if (doc.languageId !== 'markdown') return;
    const key = doc.uri.toString();
    const pending = this.#timers.get(key);
    if (pending) clearTimeout(pending);
    const settings = readSettings(doc.uri);
    if (!settings.lintEnabled) {
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

  /** Lints now; a result is shown only if no newer lint of the document started meanwhile. */
  async lintNow(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    const generation = (this.#generation.get(key) ?? 0) + 1;
    this.#generation.set(key, generation);
    const current = (): boolean => this.#generation.get(key) === generation && !doc.isClosed;
    try {
      if (doc.languageId !== 'markdown' || !readSettings(doc.uri).lintEnabled) {
        this.forget(doc.uri);
        return;
      }
      const analysis = await this.analyze(doc);
      if (!current() || analysis.version !== doc.version) return;
      this.#reportProblems(analysis);
      if (!analysis.snapshot.isSnapshot) {
        if (this.#states.has(key) || this.#collection.has(doc.uri)) this.#clear(doc.uri);
        return;
      }
      // What needs no waiting is shown now; diagrams new to the parser follow when it answers.
      this.#publish(doc.uri, analysis, analysis.findings);
      if (analysis.pending) {
        const all = await analysis.allFindings();
        if (current() && analysis.version === doc.version) this.#publish(doc.uri, analysis, all);
      }
    } catch (e) {
      // A malformed document, schema or template must never take the extension host down.
      this.log.error(`Linting ${key} failed:`, e instanceof Error ? e : String(e));
    }
  }

  #publish(uri: vscode.Uri, analysis: Analysis, findings: readonly Finding[]): void {
    this.#states.set(uri.toString(), { version: analysis.version, findings, analysis });
    this.#collection.set(uri, findings.map((f) => toDiagnostic(f, uri)));
    this.#changed.fire(uri);
  }

  /** Says once, with its file, when a config or schema could not be used; the defaults lint meanwhile. */
  #reportProblems(analysis: Analysis): void {
    const { config, schemaProblem } = analysis.context;
    const found = [
      ...(config.problem ? [{ kind: 'config', what: 'the default configuration', ...config.problem }] : []),
      ...(schemaProblem ? [{ kind: 'schema', what: 'the built-in schema', ...schemaProblem }] : []),
    ];
    for (const p of found) {
      const key = `${p.kind}\u0000${p.source}\u0000${p.message}`;
      if (this.#reported.has(key)) continue;
      this.#reported.add(key);
      const name = vscode.workspace.asRelativePath(vscode.Uri.parse(p.source));
      const message = `Design Snapshot: ${p.kind} ${name} is not usable: ${p.message}. Using ${p.what} until it is fixed.`;
      this.problems.push(message);
      void vscode.window.showErrorMessage(message);
    }
  }

  /** Forgets everything read from the workspace (a schema or config changed, settings changed, trust granted), then lints again. */
  reload(): void {
    this.engine.invalidate();
    this.#analyses.clear();
    this.#reported.clear();
    this.lintAllOpen();
  }

  #clear(uri: vscode.Uri): void {
    this.#states.delete(uri.toString());
    this.#collection.delete(uri);
    this.#changed.fire(uri);
  }

  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const pending = this.#timers.get(key);
    if (pending) clearTimeout(pending);
    this.#timers.delete(key);
    this.#generation.set(key, (this.#generation.get(key) ?? 0) + 1);
    this.#analyses.delete(key);
    this.#verdicts.delete(key);
    this.engine.forget(key);
    this.#clear(uri);
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
