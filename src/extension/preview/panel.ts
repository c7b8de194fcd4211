// Runs in the VS Code extension host: the diagram preview panel. It follows the active snapshot, sends its
// diagrams to the webview after each debounced edit, and handles what the webview asks for (reveal, export).
import * as vscode from 'vscode';
import type { ExtensionLog } from '../log.js';
import { snapshotHtml, type Analysis } from '../../core/index.js';
import { parsePreviewState, parseWebviewMessage, type HostMessage, type ImageFormat, type PreviewOptions, type WebviewMessage } from '../../shared/messages.js';
import { mermaidSources, modulesFor } from '../../shared/chunk-modules.js';
import { freeName, slugify } from '../names.js';
import { previewHtml, readPreload, webviewRoot, type Preload } from './html.js';
import { exportTarget } from './save.js';

export const PREVIEW_VIEW_TYPE = 'designSnapshot.diagramPreview';

/** What the preview needs from the rest of the extension; tests replace the save dialog. */
export interface PreviewDeps {
  extensionUri: vscode.Uri;
  /** The shared analysis of a document's current version (nothing is parsed twice). */
  analyze: (doc: vscode.TextDocument) => Promise<Analysis>;
  debounceMs: () => number;
  /** designSnapshot.preview.*: the export theme and the PNG scale. */
  options: () => PreviewOptions;
  showSaveDialog: (options: vscode.SaveDialogOptions) => Thenable<vscode.Uri | undefined>;
  /** Where "Export all diagrams" writes: a folder the user picks. */
  showOpenDialog: (options: vscode.OpenDialogOptions) => Thenable<vscode.Uri[] | undefined>;
  /** The format "Export all diagrams" writes. */
  pickFormat: () => Thenable<ImageFormat | undefined>;
  log: ExtensionLog;
}

/** What the notification after an export offers, and what the preview says when it has no snapshot to show. */
const OPEN = (): string => vscode.l10n.t('Open');
const REVEAL = (): string => vscode.l10n.t('Reveal in Explorer');
const EMPTY = (): string =>
  vscode.l10n.t(
    'Open a design snapshot to see its diagrams here. A Markdown file is a snapshot when its frontmatter has a pattern: field (such as pattern: rag) or designSnapshot: true, or when its path matches the designSnapshot.include setting (by default, files under docs/design). Design Snapshot: New Design Snapshot creates one from a template.',
  );

export type RenderedEvent = Extract<WebviewMessage, { type: 'rendered' }>;

/** A message for the webview before it is numbered (document messages get their version when sent). */
type Unnumbered = Exclude<HostMessage, { type: 'document' }> | Omit<Extract<HostMessage, { type: 'document' }>, 'version'>;
/** A message made for the webview, and what it was made of. */
interface Sent {
  message: Unnumbered;
  key: string;
}

/** How long a new page waits for its snapshot's analysis before it is written without the snapshot (sent on 'ready'). */
const FIRST_MESSAGE_WAIT_MS = 150;

/** The bytes of an exported image: SVG text, or a PNG data URL's payload. */
function imageBytes(format: ImageFormat, data: string): Uint8Array {
  if (format === 'svg') return new TextEncoder().encode(data);
  // atob, not Buffer: the same code runs in the browser's extension host.
  const binary = atob(data.slice(data.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export class DiagramPreview implements vscode.Disposable {
  #panel: vscode.WebviewPanel | undefined;
  #uri: vscode.Uri | undefined;
  #version = 0;
  /** Grows with every send; a send whose analysis arrives after a newer send started is dropped. */
  #sends = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #ready = false;
  /** What the page was written with (snapshot, its version, the options), until its first 'ready': not sent again. */
  #written: string | undefined;
  /** What the page preloads (read once, by readPreload(); nothing until read). */
  #preload: Preload = { entry: [], core: [], modules: {} };
  #preloadRead: Promise<void> | undefined;
  /** The folder the pending "Export all diagrams" writes to. */
  #exportFolder: vscode.Uri | undefined;
  readonly #rendered = new vscode.EventEmitter<RenderedEvent>();
  readonly #exported = new vscode.EventEmitter<vscode.Uri>();
  readonly #copied = new vscode.EventEmitter<ImageFormat>();
  readonly #disposables: vscode.Disposable[];
  /** Fires when the webview has every diagram of a version on screen. */
  readonly onDidRender = this.#rendered.event;
  /** Fires after an export is written (once per file). */
  readonly onDidExport = this.#exported.event;
  /** Fires when a diagram was put on the clipboard. */
  readonly onDidCopy = this.#copied.event;

  constructor(readonly deps: PreviewDeps) {
    this.#disposables = [
      this.#rendered,
      this.#exported,
      this.#copied,
      // The export theme and the PNG scale apply at once: the webview gets them with the document.
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('designSnapshot.preview')) void this.#send();
      }),
      vscode.window.onDidChangeActiveTextEditor((e) => void this.#follow(e?.document)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.#panel && e.document.uri.toString() === this.#uri?.toString()) this.#sendSoon();
      }),
    ];
  }

  /** Reads what the page preloads, once (right after activation; a panel restored before then waits for it). */
  readPreload(): Promise<void> {
    this.#preloadRead ??= readPreload(this.deps.extensionUri).then((list) => {
      this.#preload = list;
    });
    return this.#preloadRead;
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
    const made = this.#panel ? undefined : vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, vscode.l10n.t('Diagram Preview'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, this.#options());
    if (made) this.#attach(made);
    else this.#panel?.reveal(undefined, true);
    const analysed = (async () => {
      if (doc && (await this.#isSnapshot(doc))) this.#uri = doc.uri;
    })();
    if (made) {
      // A new page is written with the snapshot in it: it starts rendering once mermaid has loaded, instead of saying
      // 'ready' and waiting for the snapshot to come back (100–250 ms through code-server's workbench, measured). The
      // analysis is usually the lint's, done already; one still running does not hold the page back for long.
      const message = analysed.then(() => this.#message(++this.#sends));
      const first = await Promise.race([message, new Promise<undefined>((r) => setTimeout(r, FIRST_MESSAGE_WAIT_MS, undefined))]);
      if (this.#panel !== made) return;
      this.#write(made, doc, first);
      if (first) return;
    }
    await analysed;
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
    // The new panel is taken over first and the old one disposed after: disposing it first was seen to leave the new
    // webview never starting in code-server (its listeners are its own, so the old one's going takes nothing along).
    await this.readPreload();
    const old = this.#panel;
    panel.webview.options = this.#options();
    this.#attach(panel);
    this.#write(panel, this.#uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.#uri?.toString()));
    if (old !== panel) old?.dispose();
  }

  /** Asks the webview for its renders and writes the whole snapshot as one HTML file. */
  exportHtml(): boolean {
    if (!this.#panel || !this.#uri) return false;
    this.#post({ type: 'requestHtmlExport' });
    return true;
  }

  /** Asks for a format and a folder, then writes every diagram there (one file each, none replaced). */
  async exportAll(): Promise<boolean> {
    if (!this.#panel || !this.#uri) return false;
    const format = await this.deps.pickFormat();
    if (!format) return false;
    const folder = await this.deps.showOpenDialog({
      defaultUri: vscode.Uri.joinPath(this.#uri, '..'),
      canSelectFiles: false,
      canSelectFolders: true,
      canSelectMany: false,
      openLabel: vscode.l10n.t('Export here'),
      title: vscode.l10n.t('Export every diagram as {0} to a folder', format.toUpperCase()),
    });
    if (!folder?.[0]) return false;
    this.#exportFolder = folder[0];
    this.#post({ type: 'requestExportAll', format });
    return true;
  }

  #options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [webviewRoot(this.deps.extensionUri)], retainContextWhenHidden: false };
  }

  /**
   * Writes the page of `panel`: it preloads what the diagrams of `doc` (the snapshot it will show first) need, and
   * shows `first` (that snapshot's document message) without waiting for the host.
   */
  #write(panel: vscode.WebviewPanel, doc?: vscode.TextDocument, first?: Sent): void {
    const sources = first?.message.type === 'document' ? first.message.diagrams.map((d) => d.source) : doc?.languageId === 'markdown' ? mermaidSources(doc.getText()) : [];
    const needed = [...new Set(sources.flatMap(modulesFor))];
    const message = first && this.#numbered(first.message);
    this.#written = first?.key;
    panel.webview.html = previewHtml(panel.webview, this.deps.extensionUri, this.#preload, needed, message);
  }

  /** Takes `panel` over (its page is written by #write). */
  #attach(panel: vscode.WebviewPanel): void {
    this.#panel = panel;
    this.#ready = false;
    // Each panel's listeners are its own: a panel disposed after another took over (restore() replaces one) must
    // take only its listeners with it, and a late message of an old panel must not count for the current one.
    const disposables: vscode.Disposable[] = [
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if (this.#panel === panel) void this.#receive(m);
      }),
      // A hidden webview is torn down (no retained context); it asks again with 'ready' when shown.
      panel.onDidChangeViewState((e) => {
        if (this.#panel === panel && !e.webviewPanel.visible) this.#ready = false;
      }),
    ];
    disposables.push(
      panel.onDidDispose(() => {
        for (const d of disposables) d.dispose();
        if (this.#panel === panel) this.#panel = undefined;
      }),
    );
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
    const written = this.#written;
    this.#written = undefined;
    const next = await this.#message(++this.#sends);
    // The page was written with this very snapshot: its 'ready' asks for nothing new.
    if (next && next.key !== written) this.#post(this.#numbered(next.message));
  }

  /** A document message as sent: numbered in the order of sending. */
  #numbered(m: Unnumbered): HostMessage {
    return m.type === 'document' ? { ...m, version: ++this.#version } : m;
  }

  /**
   * What the webview should show now (the current snapshot's diagrams, or why there are none), with a key saying
   * what it was made of; undefined when send number `send` was overtaken meanwhile or the snapshot cannot be read.
   */
  async #message(send: number): Promise<Sent | undefined> {
    const doc = this.#uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.#uri?.toString());
    if (!doc) return { message: { type: 'empty', reason: EMPTY() }, key: 'empty' };
    try {
      const { title, diagrams } = await this.deps.analyze(doc);
      // A newer send (another edit, another document) started while this one waited: it shows what is current.
      if (send !== this.#sends || !this.#panel) return undefined;
      const base = doc.uri.path.split('/').pop() ?? '';
      this.#panel.title = vscode.l10n.t('Diagrams: {0}', base);
      const options = this.deps.options();
      return {
        key: JSON.stringify([doc.uri.toString(), doc.version, options]),
        message: {
          type: 'document',
          uri: doc.uri.toString(),
          title: title || base,
          diagrams: diagrams.map((d) => ({ source: d.source, section: d.section, startLine: d.startLine, endLine: d.endLine })),
          options,
        },
      };
    } catch (e) {
      // A document the engine cannot read must not take the extension host down; say so in the log.
      this.deps.log.error(`Diagram preview: could not read ${doc.uri.toString()}`, e);
      return undefined;
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
        case 'exportAll':
          return await this.#exportAllFiles(m);
        case 'askExportAll':
          await this.exportAll();
          return;
        case 'copy':
          await vscode.env.clipboard.writeText(m.data);
          this.#copiedDiagram(m.format);
          return;
        case 'copied':
          this.#copiedDiagram(m.format);
          return;
        case 'error':
          void vscode.window.showErrorMessage(vscode.l10n.t('Design Snapshot: {0}', m.message));
          return;
      }
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Design Snapshot: {0}', e instanceof Error ? e.message : String(e)));
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
    const bytes = imageBytes(m.format, m.data);
    const filters: Record<string, string[]> = m.format === 'svg' ? { [vscode.l10n.t('SVG image')]: ['svg'] } : { [vscode.l10n.t('PNG image')]: ['png'] };
    await this.#save(this.#uri, `${m.section || `diagram-${m.index + 1}`}`, m.format, filters, bytes);
  }

  async #exportHtml(m: Extract<WebviewMessage, { type: 'exportHtml' }>): Promise<void> {
    if (m.uri !== this.#uri?.toString()) return;
    const doc = await vscode.workspace.openTextDocument(this.#uri);
    const html = snapshotHtml(await this.deps.analyze(doc), { svgs: m.svgs.map((s) => s ?? undefined), errors: m.errors.map((s) => s ?? undefined), colorScheme: m.colorScheme });
    await this.#save(this.#uri, '', 'html', { [vscode.l10n.t('HTML page')]: ['html'] }, new TextEncoder().encode(html));
  }

  /** Writes every diagram the webview sent into the folder picked for them, each under a name not yet taken. */
  async #exportAllFiles(m: Extract<WebviewMessage, { type: 'exportAll' }>): Promise<void> {
    const folder = this.#exportFolder;
    this.#exportFolder = undefined;
    if (!folder || !this.#uri) return;
    const base = (this.#uri.path.split('/').pop() ?? 'snapshot').replace(/\.[^.]*$/, '');
    const written: vscode.Uri[] = [];
    for (const f of m.files) {
      const target = await freeName(folder, `${base}-${slugify(f.section || `diagram-${f.index + 1}`)}`, m.format);
      await vscode.workspace.fs.writeFile(target, imageBytes(m.format, f.data));
      written.push(target);
      this.#exported.fire(target);
    }
    const skipped = !m.skipped ? '' : m.skipped === 1 ? vscode.l10n.t('1 with an error was skipped') : vscode.l10n.t('{0} with an error were skipped', m.skipped);
    if (!written.length) {
      void vscode.window.showWarningMessage(skipped ? vscode.l10n.t('Design Snapshot: no diagram was exported; {0}.', skipped) : vscode.l10n.t('Design Snapshot: no diagram was exported.'));
      return;
    }
    const format = m.format.toUpperCase();
    const to = vscode.workspace.asRelativePath(folder);
    const exported = written.length === 1 ? vscode.l10n.t('Design Snapshot: exported 1 diagram as {0} to {1}', format, to) : vscode.l10n.t('Design Snapshot: exported {0} diagrams as {1} to {2}', written.length, format, to);
    this.#notify(skipped ? vscode.l10n.t('{0}; {1}.', exported, skipped) : vscode.l10n.t('{0}.', exported), written[0] as vscode.Uri);
  }

  /** Writes only where the user chose in the save dialog, which itself asks before replacing a file. */
  async #save(source: vscode.Uri, label: string, ext: string, filters: Record<string, string[]>, bytes: Uint8Array): Promise<void> {
    const defaultUri = await exportTarget(source, label, ext);
    const target = await this.deps.showSaveDialog({ defaultUri, filters, saveLabel: vscode.l10n.t('Export'), title: vscode.l10n.t('Export {0}', ext.toUpperCase()) });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, bytes);
    this.#exported.fire(target);
    this.#notify(vscode.l10n.t('Design Snapshot: exported {0}.', vscode.workspace.asRelativePath(target)), target);
  }

  /** Says what was written, with a way to open it or find it in the Explorer (not awaited: the export is done). */
  #notify(message: string, target: vscode.Uri): void {
    const open = OPEN();
    const reveal = REVEAL();
    void vscode.window.showInformationMessage(message, open, reveal).then(async (choice) => {
      if (choice === open) await vscode.commands.executeCommand('vscode.open', target);
      else if (choice === reveal) await vscode.commands.executeCommand('revealInExplorer', target);
    });
  }

  #copiedDiagram(format: ImageFormat): void {
    this.#copied.fire(format);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Design Snapshot: copied the diagram as {0}', format.toUpperCase()), 5000);
  }

  dispose(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#panel?.dispose();
    for (const d of this.#disposables) d.dispose();
  }
}
