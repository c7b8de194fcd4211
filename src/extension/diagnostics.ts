// Runs in the VS Code extension host: one analysis per document version for every feature, and the diagnostics
// from it, on open, edit (debounced) and save. Stale results are dropped.
import * as vscode from 'vscode';
import type { ExtensionLog } from './log.js';
import type { Analysis, Engine, Finding } from '../core/index.js';
import { readSettings } from './settings.js';
import { plainText } from './plain-text.js';
import { ruleDocsLink } from './rule-docs.js';

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toRange(r: Finding['range']): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/**
 * The diagnostic a finding becomes: code links to the rule's page (rendered, through a command), source is design-snapshot. A finding's detail
 * (mermaid's own message, for experts) is related information: shown under the message in the hover and the
 * Problems view, without making the message itself longer.
 */
export function toDiagnostic(f: Finding, uri?: vscode.Uri): vscode.Diagnostic {
  // The Problems view shows the message as it is: code is quoted rather than written in Markdown.
  const d = new vscode.Diagnostic(toRange(f.range), plainText(f.message), SEVERITY[f.severity]);
  d.source = 'design-snapshot';
  d.code = { value: f.ruleId, target: ruleDocsLink(f.ruleId) };
  if (f.detail && uri) d.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(f.range)), plainText(f.detail.replace(/\s*\n\s*/g, ' · ')))];
  return d;
}

/** What the last published lint of a document found, for code actions and the status bar. */
export interface LintState {
  version: number;
  findings: readonly Finding[];
  analysis: Analysis;
  /** False while an asynchronous rule (a diagram new to the parser) may still add findings to this version. */
  complete: boolean;
}

/** The documents shown in a tab: what users call open (VS Code disposes a closed document only later). */
function shownInTabs(): Set<string> {
  const shown = new Set<string>();
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (tab.input instanceof vscode.TabInputText) shown.add(tab.input.uri.toString());
      else if (tab.input instanceof vscode.TabInputTextDiff) shown.add(tab.input.modified.toString());
    }
  }
  return shown;
}

/** A document whose lint takes at most this long is linted at once on the first edit after a pause. */
const QUICK_LINT_MS = 50;

/** How often, at most, the config and schema files in force are compared with the disk (a missed file event). */
const IN_FORCE_CHECK_MS = 1000;
/** How often the files in force are compared with the disk while nothing else happens (a stat or two each time). */
const IN_FORCE_POLL_MS = 2000;

/** What a file in force looked like when it was read: its modification time and size, or that it is gone. */
async function fingerprint(uri: vscode.Uri): Promise<string> {
  try {
    const s = await vscode.workspace.fs.stat(uri);
    return `${s.mtime}:${s.size}`;
  } catch {
    return 'missing';
  }
}

export class DiagnosticsController implements vscode.Disposable {
  readonly #collection = vscode.languages.createDiagnosticCollection('design-snapshot');
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Bumped when a document is forgotten (closed, linting turned off): a lint that started before then shows nothing. */
  readonly #generation = new Map<string, number>();
  readonly #states = new Map<string, LintState>();
  /** The analysis of the newest version each open document was asked about. */
  readonly #analyses = new Map<string, { version: number; analysis: Promise<Analysis> }>();
  /** Whether each document was a snapshot at its last analysis, for the few callers that cannot wait. */
  readonly #verdicts = new Map<string, boolean>();
  readonly #reported = new Set<string>();
  /** When each document was last edited, and how long its last lint took: what the wait after an edit depends on. */
  readonly #lastEdit = new Map<string, number>();
  readonly #cost = new Map<string, number>();
  readonly #changed = new vscode.EventEmitter<vscode.Uri>();
  readonly #disposables: vscode.Disposable[] = [];
  readonly onDidLint = this.#changed.event;
  /** The config and schema problems shown to the user, in order (each once). */
  readonly problems: string[] = [];
  /**
   * The workspace's config and schema files in force, with their fingerprint when first seen in force. File watchers
   * miss events (network drives, some remote hosts, a burst of writes): a change they missed still reloads.
   */
  readonly #inForce = new Map<string, Promise<string>>();
  #inForceCheckedAt = 0;

  constructor(
    readonly engine: Engine,
    readonly isTrusted: () => boolean,
    readonly log: ExtensionLog,
  ) {
    this.#disposables.push(
      this.#collection,
      this.#changed,
      vscode.workspace.onDidOpenTextDocument((d) => this.lintSoon(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.lintSoon(e.document, this.#delayAfterEdit(e.document));
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.lintSoon(d, 0)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri, 'closed')),
      // Closing the last tab of a document is what users call closing it; VS Code disposes the document only later.
      vscode.window.tabGroups.onDidChangeTabs(() => this.#forgetUnshown()),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const e of editors) if (!this.#states.has(e.document.uri.toString())) this.lintSoon(e.document, 0);
      }),
    );
    // A change the watcher missed is found even when no document is edited (checked on each lint as well).
    const poll = setInterval(() => void this.#pollInForce(), IN_FORCE_POLL_MS);
    this.#disposables.push({ dispose: () => clearInterval(poll) });
  }

  async #pollInForce(): Promise<void> {
    try {
      if (this.#inForce.size > 0 && (await this.#inForceChanged())) this.reload();
    } catch (e) {
      this.log.error('Checking the configuration files in force failed', e);
    }
  }

  #forgetUnshown(): void {
    const shown = shownInTabs();
    for (const key of [...this.#states.keys()]) if (!shown.has(key)) this.forget(vscode.Uri.parse(key), 'its last tab closed');
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

  /** Lints the documents shown in tabs (VS Code keeps closed documents around for a while: those stay quiet). */
  lintAllOpen(): void {
    const shown = shownInTabs();
    for (const d of vscode.workspace.textDocuments) if (shown.has(d.uri.toString()) || vscode.window.visibleTextEditors.some((e) => e.document === d)) this.lintSoon(d, 0);
  }

  /**
   * How long to wait after an edit. While the author types, until they pause for the debounce. The first edit after
   * a pause, in a document that lints quickly, is linted at once: a lone change shows its result without waiting,
   * and the extra lint per burst of typing costs little (a slow document always waits).
   */
  #delayAfterEdit(doc: vscode.TextDocument): number {
    const key = doc.uri.toString();
    const now = Date.now();
    const last = this.#lastEdit.get(key);
    this.#lastEdit.set(key, now);
    const { debounceMs } = readSettings(doc.uri);
    const idle = last === undefined || now - last >= debounceMs;
    return idle && (this.#cost.get(key) ?? Number.POSITIVE_INFINITY) <= QUICK_LINT_MS ? 0 : debounceMs;
  }

  /** Schedules a lint; an edit within the debounce replaces the pending one. */
  lintSoon(doc: vscode.TextDocument, delay?: number): void {
    if (doc.languageId !== 'markdown') return;
    const key = doc.uri.toString();
    const pending = this.#timers.get(key);
    if (pending) clearTimeout(pending);
    const settings = readSettings(doc.uri);
    if (!settings.lintEnabled) {
      if (this.#states.has(key) || this.#collection.has(doc.uri)) this.forget(doc.uri, 'linting is off');
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

  /**
   * Lints now and returns once every finding of the document's current version is shown. A result is shown only
   * while it is the document's current version: results of one version are the same whichever lint computes them,
   * and an older version's never replace a newer one's.
   */
  async lintNow(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    const generation = this.#generation.get(key) ?? 0;
    const current = (): boolean => (this.#generation.get(key) ?? 0) === generation && !doc.isClosed;
    try {
      if (doc.languageId !== 'markdown' || !readSettings(doc.uri).lintEnabled) {
        this.forget(doc.uri, doc.languageId !== 'markdown' ? `its language is ${doc.languageId}` : 'linting is off');
        return;
      }
      if (await this.#inForceChanged()) this.reload();
      const analysis = await this.analyze(doc);
      this.#rememberInForce(analysis);
      if (!current() || analysis.version !== doc.version) {
        this.log.debug(`Dropped the lint of ${key} v${analysis.version}: ${current() ? `the document is at v${doc.version}` : 'it was closed or forgotten meanwhile'}.`);
        return;
      }
      this.#reportProblems(analysis);
      if (!analysis.snapshot.isSnapshot) {
        if (this.#states.has(key) || this.#collection.has(doc.uri)) this.#clear(doc.uri);
        return;
      }
      // What needs no waiting is shown now; diagrams new to the parser follow when it answers.
      const pending = analysis.pending;
      this.#publish(doc.uri, analysis, analysis.findings, !pending);
      this.#cost.set(key, analysis.elapsedMs);
      if (pending) {
        const all = await analysis.allFindings();
        if (current() && analysis.version === doc.version) this.#publish(doc.uri, analysis, all, true);
      }
    } catch (e) {
      // A malformed document, schema or template must never take the extension host down.
      this.log.error(`Linting ${key} failed`, e);
    }
  }

  #publish(uri: vscode.Uri, analysis: Analysis, findings: readonly Finding[], complete: boolean): void {
    const key = uri.toString();
    const shown = this.#states.get(key);
    // Two lints of one version: the complete result stays.
    if (shown && shown.version === analysis.version && shown.complete && !complete) return;
    this.#states.set(key, { version: analysis.version, findings, analysis, complete });
    this.log.debug(`${findings.length} findings shown for ${key} v${analysis.version}${complete ? '' : ' (diagrams still being parsed)'}.`);
    this.#collection.set(uri, findings.map((f) => toDiagnostic(f, uri)));
    this.#changed.fire(uri);
  }

  /** Says once, with its file, when a config or schema could not be used; the defaults lint meanwhile. */
  #reportProblems(analysis: Analysis): void {
    const { config, schemaProblem } = analysis.context;
    const found = [
      ...(config.problem ? [{ kind: 'config', ...config.problem }] : []),
      ...(schemaProblem ? [{ kind: 'schema', ...schemaProblem }] : []),
    ];
    for (const p of found) {
      const key = `${p.kind}\u0000${p.source}\u0000${p.message}`;
      if (this.#reported.has(key)) continue;
      this.#reported.add(key);
      const name = vscode.workspace.asRelativePath(vscode.Uri.parse(p.source));
      const message =
        p.kind === 'config'
          ? vscode.l10n.t('Design Snapshot: config {0} is not usable: {1}. Using the default configuration until it is fixed.', name, plainText(p.message))
          : vscode.l10n.t('Design Snapshot: schema {0} is not usable: {1}. Using the built-in schema until it is fixed.', name, plainText(p.message));
      this.problems.push(message);
      void vscode.window.showErrorMessage(message);
    }
  }

  /** Notes the workspace files a lint used (its config and custom schema), to compare them with the disk later. */
  #rememberInForce(analysis: Analysis): void {
    const { config, schema, schemaProblem } = analysis.context;
    for (const source of [config.source, config.problem?.source, schema.source, schemaProblem?.source]) {
      if (!source || !/^[a-z][\w+.-]*:/i.test(source) || this.#inForce.has(source)) continue;
      this.#inForce.set(source, fingerprint(vscode.Uri.parse(source)));
    }
  }

  /** True when a config or schema file in force changed on disk since it was read (checked at most once a second). */
  async #inForceChanged(): Promise<boolean> {
    const now = Date.now();
    if (now - this.#inForceCheckedAt < IN_FORCE_CHECK_MS || this.#inForce.size === 0) return false;
    this.#inForceCheckedAt = now;
    for (const [source, seen] of [...this.#inForce]) {
      const [before, after] = await Promise.all([seen, fingerprint(vscode.Uri.parse(source))]);
      if (before !== after) {
        this.log.info(`Reloading the configuration: ${vscode.workspace.asRelativePath(vscode.Uri.parse(source))} changed on disk (no file event arrived).`);
        return true;
      }
    }
    return false;
  }

  /** Forgets everything read from the workspace (a schema or config changed, settings changed, trust granted), then lints again. */
  reload(): void {
    this.#inForce.clear();
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

  forget(uri: vscode.Uri, why: string): void {
    const key = uri.toString();
    this.log.debug(`Forgot ${key}: ${why}.`);
    const pending = this.#timers.get(key);
    if (pending) clearTimeout(pending);
    this.#timers.delete(key);
    this.#generation.set(key, (this.#generation.get(key) ?? 0) + 1);
    this.#analyses.delete(key);
    this.#verdicts.delete(key);
    this.#lastEdit.delete(key);
    this.#cost.delete(key);
    this.engine.forget(key);
    this.#clear(uri);
  }

  clearAll(): void {
    for (const d of vscode.workspace.textDocuments) this.forget(d.uri, 'settings changed');
    this.#collection.clear();
  }

  dispose(): void {
    for (const t of this.#timers.values()) clearTimeout(t);
    for (const d of this.#disposables) d.dispose();
  }
}
