// Runs in the VS Code extension host: activate() wires the engine to VS Code. Nothing heavy happens until a Markdown file opens.
import * as vscode from 'vscode';
import { createEngine, frontmatterOf, RULES, type Template } from '../core/index.js';
import { insertAllEdit, SnapshotCodeActions } from './code-actions.js';
import { listTemplates, newSnapshot, type NewSnapshotDeps } from './commands/new-snapshot.js';
import { DiagnosticsController } from './diagnostics.js';
import { workspaceHost } from './host.js';
import { SnapshotHover } from './hover.js';
import { EstimateInlayHints } from './inlay-hints.js';
import { mermaidInWorker } from './mermaid-client.js';
import { DiagramPreview, PREVIEW_VIEW_TYPE } from './preview/panel.js';
import { readSettings } from './settings.js';
import { SnapshotStatusBar } from './status-bar.js';

/** What the extension exports, for its integration tests. */
export interface DesignSnapshotApi {
  controller: DiagnosticsController;
  newSnapshotDeps: NewSnapshotDeps;
  status: SnapshotStatusBar;
  preview: DiagramPreview;
}

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

export function activate(context: vscode.ExtensionContext): DesignSnapshotApi {
  const log = vscode.window.createOutputChannel('Design Snapshot');
  const isTrusted = (): boolean => vscode.workspace.isTrusted;
  const engine = createEngine(workspaceHost(isTrusted, context.extensionUri));
  const docsBase = `${vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules').toString()}/`;
  // Mermaid runs in a worker thread started on the first diagram: activation stays light, and its DOM globals stay out of the shared host.
  const mermaid = mermaidInWorker(context.extensionUri);
  context.subscriptions.push({ dispose: mermaid.dispose });
  // Created before the diagnostics controller: its debounce timer is then set first on each edit and fires first,
  // so the diagrams go to the webview before the lint of the same edit takes the extension host's thread.
  const preview = new DiagramPreview({
    extensionUri: context.extensionUri,
    isSnapshot: (doc) => controller.isSnapshotDocument(doc),
    debounceMs: () => readSettings().debounceMs,
    showSaveDialog: (options) => vscode.window.showSaveDialog(options),
    log,
  });
  const controller = new DiagnosticsController(engine, docsBase, isTrusted, log, async () => mermaid.parse);
  const deps: NewSnapshotDeps = { engine, builtInTemplates: vscode.Uri.joinPath(context.extensionUri, 'templates'), isTrusted };

  const templateFor = async (doc: vscode.TextDocument): Promise<Template | undefined> => {
    const pattern = frontmatterOf(doc.getText()).pattern;
    if (typeof pattern !== 'string' || !pattern) return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    const { templates } = await engine.listTemplates(deps.builtInTemplates.toString(), isTrusted() && folder ? folder.uri.toString() : undefined);
    return templates.find((t) => t.id === pattern);
  };

  // The editor title button shows on snapshots only.
  // Called after every lint (a frontmatter edit can make a document a snapshot): tell the workbench only on a change.
  let snapshotContext: boolean | undefined;
  const setSnapshotContext = (editor = vscode.window.activeTextEditor): void => {
    const value = !!editor && controller.isSnapshotDocument(editor.document);
    if (value === snapshotContext) return;
    snapshotContext = value;
    void vscode.commands.executeCommand('setContext', 'designSnapshot.isSnapshot', value);
  };
  setSnapshotContext();

  const status = new SnapshotStatusBar(controller);
  const watcher = vscode.workspace.createFileSystemWatcher('**/.design-snapshot/**');
  const reload = (): void => controller.reload();
  context.subscriptions.push(
    log,
    controller,
    watcher,
    watcher.onDidChange(reload),
    watcher.onDidCreate(reload),
    watcher.onDidDelete(reload),
    vscode.workspace.onDidGrantWorkspaceTrust(reload),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('designSnapshot')) return;
      controller.clearAll();
      controller.reload();
    }),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new SnapshotCodeActions(controller, engine, templateFor), {
      providedCodeActionKinds: SnapshotCodeActions.kinds,
    }),
    vscode.languages.registerHoverProvider(MARKDOWN, new SnapshotHover(controller)),
    vscode.languages.registerInlayHintsProvider(MARKDOWN, new EstimateInlayHints(controller)),
    status,
    preview,
    vscode.window.onDidChangeActiveTextEditor((e) => setSnapshotContext(e)),
    controller.onDidLint(() => setSnapshotContext()),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, { deserializeWebviewPanel: (panel, state) => preview.restore(panel, state) }),
    vscode.commands.registerCommand('designSnapshot.openDiagramPreview', (uri?: vscode.Uri) => {
      const doc = uri instanceof vscode.Uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : undefined;
      preview.open(doc);
    }),
    vscode.commands.registerCommand('designSnapshot.exportHtml', () => {
      if (preview.exportHtml()) return true;
      void vscode.window.showInformationMessage('Design Snapshot: open the Diagram Preview of a snapshot first; the export uses its rendered diagrams.');
      return false;
    }),
    vscode.commands.registerCommand('designSnapshot.newSnapshot', () => newSnapshot(deps)),
    vscode.commands.registerCommand('designSnapshot.listTemplates', () => listTemplates(deps)),
    vscode.commands.registerCommand('designSnapshot.insertMissingSections', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return false;
      await controller.lintNow(editor.document);
      const state = controller.state(editor.document.uri);
      const edit = state ? await insertAllEdit(editor.document, state.findings, await templateFor(editor.document)) : undefined;
      if (!edit) {
        void vscode.window.showInformationMessage('Design Snapshot: no required section is missing.');
        return false;
      }
      return vscode.workspace.applyEdit(edit);
    }),
    vscode.commands.registerCommand('designSnapshot.showRuleDocumentation', async (ruleId?: string) => {
      const id =
        ruleId ??
        (await vscode.window.showQuickPick(
          RULES.map((r) => ({ label: r.id, detail: r.description })),
          { title: 'Design Snapshot rules', placeHolder: 'Pick a rule to read about' },
        ))?.label;
      if (!id) return;
      await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${id}.md`));
    }),
    vscode.commands.registerCommand('designSnapshot.toggleLinting', async () => {
      const config = vscode.workspace.getConfiguration('designSnapshot');
      const next = !config.get<boolean>('lint.enabled', true);
      await config.update('lint.enabled', next, vscode.ConfigurationTarget.Global);
      void vscode.window.setStatusBarMessage(`Design Snapshot linting ${next ? 'on' : 'off'}`, 3000);
      return next;
    }),
  );
  controller.lintAllOpen();
  return { controller, newSnapshotDeps: deps, status, preview };
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
