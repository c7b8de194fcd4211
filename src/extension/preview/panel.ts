// Runs in the VS Code extension host: the diagram preview panel. It follows the active snapshot, sends its
// diagrams to the webview after each debounced edit, and handles what the webview asks for (reveal, export).
import * as vscode from 'vscode';
import type { ExtensionLog } from '../log.js';
import { snapshotHtml, type Analysis } from '../../core/index.js';
import { parsePreviewState, parseWebviewMessage, type HostMessage, type WebviewMessage } from '../../shared/messages.js';
import { previewHtml, webviewRoot } from './html.js';
import { exportTarget } from './save.js';

export const PREVIEW_VIEW_TYPE = 'designSnapshot.diagramPreview';

/** What the preview needs from the rest of the extension; tests replace the save dialog. */
export interface PreviewDeps {
  extensionUri: vscode.Uri;
  /** The shared analysis of a document's current version (nothing is parsed twice). */
  analyze: (doc: vscode.TextDocument) => Promise<Analysis>;
  debounceMs: () => number;
  showSaveDialog: (options: vscode.SaveDialogOptions) => Thenable<vscode.Uri | undefined>;
  log: ExtensionLog;
}

export type RenderedEvent = Extract<WebviewMessage, { type: 'rendered' }>;

export class DiagramPreview implements vscode.Disposable {
  #panel: vscode.WebviewPanel | undefined;
  #panelDisposables: vscode.Disposable[] = [];
  #uri: vscode.Uri | undefined;
  #version = 0;
  /** Grows with every send; a send whose analysis arrives after a newer send started is dropped. */
  #sends = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #ready = false;
  readonly #rendered = new vscode.EventEmitter<RenderedEvent>();
  readonly #exported = new vscode.EventEmitter<vscode.Uri>();
  readonly #disposables: vscode.Disposable[];
  /** Fires when the webview has every diagram of a version on screen. */
  readonly onDidRender = this.#rendered.event;
  /** Fires after an export is written. */
  readonly onDidExport = this.#exported.event;

  constructor(readonly deps: PreviewDeps) {
    this.#disposables = [
      this.#rendered,
      this.#exported,
      vscode.window.onDidChangeActiveTextEditor((e) => void this.#follow(e?.document)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.#panel && e.document.uri.toString() === this.#uri?.toString()) this.#sendSoon();
      }),
    ];
  }

  /** The document the preview shows. */
  get uri(): vscode.Uri | undefined {
    return this.#uri;
  }

  get panel(): vscode.WebviewPanel | undefined {
    return this.#panel;
  }

  /** The version of the last document message sent to the webview. */
  get lastVersion(): number {
    return this.#version;
  }

  /** True while an edit waits out the debounce. */
  get pending(): boolean {
    return this.#timer !== undefined;
  }

  /** Opens the preview beside the editor (or reveals it) for `doc`, else for the active snapshot. */
  async open(doc: vscode.TextDocument | undefined = vscode.window.activeTextEditor?.document): Promise<void> {
    // The panel is made before any await, so two quick calls never make two panels.
    if (this.#panel) this.#panel.reveal(undefined, true);
    else this.#attach(vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Diagram Preview', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, this.#options()));
    if (doc && (await this.#isSnapshot(doc))) this.#uri = doc.uri;
    // Before the webview says 'ready' this does nothing; 'ready' sends then.
    await this.#send();
  }

  /** Takes over a panel VS Code restored after a window reload. */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = parsePreviewState(state);
    if (saved) {
      const uri = vscode.Uri.parse(saved.uri);
      try {
        const doc = await vscode.workspace.openTextDocument(uri);
        if (await this.#isSnapshot(doc)) this.#uri = uri;
      } catch {
        // The snapshot is gone; the preview follows the next one the user opens.
      }
    }
    this.#panel?.dispose();
    panel.webview.options = this.#options();
    this.#attach(panel);
  }

  /** Asks the webview for its renders and writes the whole snapshot as one HTML file. */
  exportHtml(): boolean {
    if (!this.#panel || !this.#uri) return false;
    this.#post({ type: 'requestHtmlExport' });
    return true;
  }

  #options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [webviewRoot(this.deps.extensionUri)], retainContextWhenHidden: false };
  }

  #attach(panel: vscode.WebviewPanel): void {
    this.#panel = panel;
    this.#ready = false;
    panel.webview.html = previewHtml(panel.webview, this.deps.extensionUri);
    this.#panelDisposables = [
      panel.webview.onDidReceiveMessage((m: unknown) => void this.#receive(m)),
      // A hidden webview is torn down (no retained context); it asks again with 'ready' when shown.
      panel.onDidChangeViewState((e) => {
        if (!e.webviewPanel.visible) this.#ready = false;
      }),
      panel.onDidDispose(() => {
        for (const d of this.#panelDisposables) d.dispose();
        this.#panelDisposables = [];
        if (this.#panel === panel) this.#panel = undefined;
      }),
    ];
  }

  async #isSnapshot(doc: vscode.TextDocument): Promise<boolean> {
    if (doc.languageId !== 'markdown') return false;
    try {
      return (await this.deps.analyze(doc)).snapshot.isSnapshot;
    } catch {
      return false;
    }
  }

  async #follow(doc: vscode.TextDocument | undefined): Promise<void> {
    if (!this.#panel || !doc || doc.uri.toString() === this.#uri?.toString() || !(await this.#isSnapshot(doc))) return;
    this.#uri = doc.uri;
    await this.#send();
  }

  #sendSoon(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#send(), this.deps.debounceMs());
  }

  async #send(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#panel || !this.#ready) return;
    const send = ++this.#sends;
    const doc = this.#uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.#uri?.toString());
    if (!doc) {
      this.#post({ type: 'empty', reason: 'Open a design snapshot to see its diagrams here.' });
      return;
    }
    try {
      const analysis = await this.deps.analyze(doc);
      const { title, diagrams } = analysis;
      // A newer send (another edit, another document) started while this one waited: it shows what is current.
      if (send !== this.#sends || !this.#panel) return;
      const base = doc.uri.path.split('/').pop() ?? '';
      this.#panel.title = `Diagrams: ${base}`;
      this.#post({
        type: 'document',
        version: ++this.#version,
        uri: doc.uri.toString(),
        title: title || base,
        diagrams: diagrams.map((d) => ({ source: d.source, section: d.section, startLine: d.startLine, endLine: d.endLine })),
      });
    } catch (e) {
      // A document the engine cannot read must not take the extension host down; say so in the log.
      this.deps.log.error(`Diagram preview: could not read ${doc.uri.toString()}`, e);
    }
  }

  #post(message: HostMessage): void {
    void this.#panel?.webview.postMessage(message);
  }

  async #receive(raw: unknown): Promise<void> {
    const m = parseWebviewMessage(raw);
    if (!m) {
      this.deps.log.warn('Diagram preview: dropped a malformed message from the webview.');
      return;
    }
    try {
      switch (m.type) {
        case 'ready':
          this.#ready = true;
          await this.#send();
          return;
        case 'rendered':
          this.#rendered.fire(m);
          return;
        case 'reveal':
          return await this.#reveal(m.uri, m.startLine, m.endLine);
        case 'exportDiagram':
          return await this.#exportDiagram(m);
        case 'exportHtml':
          return await this.#exportHtml(m);
        case 'error':
          void vscode.window.showErrorMessage(`Design Snapshot: ${m.message}`);
          return;
      }
    } catch (e) {
      void vscode.window.showErrorMessage(`Design Snapshot: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async #reveal(uriText: string, startLine: number, endLine: number): Promise<void> {
    const uri = vscode.Uri.parse(uriText);
    if (uri.toString() !== this.#uri?.toString()) return;
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const editor = await vscode.window.showTextDocument(uri, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    const last = Math.min(endLine, editor.document.lineCount - 1);
    const range = new vscode.Range(startLine, 0, last, editor.document.lineAt(last).text.length);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  async #exportDiagram(m: Extract<WebviewMessage, { type: 'exportDiagram' }>): Promise<void> {
    if (!this.#uri) return;
    const bytes = m.format === 'svg' ? new TextEncoder().encode(m.data) : Buffer.from(m.data.slice(m.data.indexOf(',') + 1), 'base64');
    const filters: Record<string, string[]> = m.format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] };
    await this.#save(this.#uri, `${m.section || `diagram-${m.index + 1}`}`, m.format, filters, bytes);
  }

  async #exportHtml(m: Extract<WebviewMessage, { type: 'exportHtml' }>): Promise<void> {
    if (m.uri !== this.#uri?.toString()) return;
    const doc = await vscode.workspace.openTextDocument(this.#uri);
    const html = snapshotHtml(await this.deps.analyze(doc), { svgs: m.svgs.map((s) => s ?? undefined), errors: m.errors.map((s) => s ?? undefined) });
    await this.#save(this.#uri, '', 'html', { 'HTML page': ['html'] }, new TextEncoder().encode(html));
  }

  /** Writes only where the user chose in the save dialog, which itself asks before replacing a file. */
  async #save(source: vscode.Uri, label: string, ext: string, filters: Record<string, string[]>, bytes: Uint8Array): Promise<void> {
    const defaultUri = await exportTarget(source, label, ext);
    const target = await this.deps.showSaveDialog({ defaultUri, filters, saveLabel: 'Export', title: `Export ${ext.toUpperCase()}` });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, bytes);
    this.#exported.fire(target);
    void vscode.window.setStatusBarMessage(`Design Snapshot: exported ${vscode.workspace.asRelativePath(target)}`, 5000);
  }

  dispose(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#panel?.dispose();
    for (const d of this.#disposables) d.dispose();
  }
}
