// Runs in the VS Code extension host, desktop (Node) and web (the browser's web worker) alike: activateWith() wires the
// engine to VS Code. What differs between the hosts comes in as a Platform (extension.ts, browser.ts). Nothing heavy
// happens until a Markdown file opens, and activate() itself only registers: the rest runs right after it returns.
import * as vscode from 'vscode';
import { createEngine, RULES, useTranslations } from '../core/index.js';
import { saveConfig } from './alias-fix.js';
import { guidanceEdit, insertAllEdit, SnapshotCodeActions, type TemplateLookup } from './code-actions.js';
import { SnapshotCodeLens } from './code-lens.js';
import { addCiWorkflow } from './commands/ci-workflow.js';
import { listTemplates, newSnapshot, type NewSnapshotDeps } from './commands/new-snapshot.js';
import { DiagnosticsController } from './diagnostics.js';
import { withBuiltInTemplates, workspaceHost } from './host.js';
import builtInTemplates from 'design-snapshot:built-in-templates';
import { SnapshotHover } from './hover.js';
import { EstimateInlayHints } from './inlay-hints.js';
import { ExtensionLog } from './log.js';
import { registerLanguageModelTools, type SnapshotTools } from './lm-tools.js';
import { markdownInWorker } from './markdown-client.js';
import { mermaidInWorker } from './mermaid-client.js';
import type { Platform } from './platform.js';
import { DiagramPreview, PREVIEW_VIEW_TYPE } from './preview/panel.js';
import { ScorecardView } from './scorecard-view.js';
import { plainText } from './plain-text.js';
import { showRulePage, SHOW_RULE_DOCUMENTATION } from './rule-docs.js';
import { readPreviewOptions, readSettings, settingsOverrides } from './settings.js';
import { SnapshotStatusBar } from './status-bar.js';
import { SnapshotLanguageStatus } from './language-status.js';

/** What the extension exports, for its integration tests. */
export interface DesignSnapshotApi {
  controller: DiagnosticsController;
  newSnapshotDeps: NewSnapshotDeps;
  status: SnapshotStatusBar;
  languageStatus: SnapshotLanguageStatus;
  preview: DiagramPreview;
  scorecard: ScorecardView;
  log: ExtensionLog;
  /** What the language-model tools answer (the same functions the tools call). */
  tools: SnapshotTools;
  /** Which host this is: the desktop's Node extension host or the browser's web worker. */
  platform: Platform['kind'];
  /** When activation started and ended (performance.now() of this extension host), for the benchmarks. */
  activation: { startMs: number; endMs: number };
}

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

const PREVIEW_FIRST = (): string => vscode.l10n.t('Design Snapshot: open the Diagram Preview of a snapshot first; the export uses its rendered diagrams.');

/** Activates the extension on one platform; returns its API (for the tests and benchmarks). */
export function activateWith(context: vscode.ExtensionContext, platform: Platform): DesignSnapshotApi {
  const startMs = performance.now();
  // Code shared with the CLI (src/shared) speaks through @vscode/l10n: it gets VS Code's bundle for the display language.
  useTranslations(vscode.l10n.bundle ?? {});
  const log = new ExtensionLog('Design Snapshot');
  const version = (context.extension.packageJSON as { version?: string }).version ?? 'unknown';
  log.info(`Design Snapshot ${version} activated in VS Code ${vscode.version} (${platform.kind === 'web' ? 'web extension host' : 'desktop extension host'}); workspace ${vscode.workspace.isTrusted ? 'trusted' : 'in Restricted Mode (workspace schema, config and templates are not loaded)'}.`);
  const isTrusted = (): boolean => vscode.workspace.isTrusted;
  // Mermaid runs in a worker thread started on the first diagram: activation stays light, and its DOM globals stay out of the shared host.
  const mermaid = mermaidInWorker(() => platform.startMermaidWorker(context.extensionUri), log);
  context.subscriptions.push({ dispose: mermaid.dispose });
  // Large or odd Markdown is parsed in a worker too, within a budget: no document can freeze the shared host.
  const startMarkdown = platform.startMarkdownWorker?.bind(platform);
  const markdown = startMarkdown ? markdownInWorker(() => startMarkdown(context.extensionUri), log) : undefined;
  if (markdown) context.subscriptions.push({ dispose: markdown.dispose });
  const engine = createEngine({
    // Built-in templates come with the bundle: a web host cannot list a folder of the extension.
    host: withBuiltInTemplates(workspaceHost(isTrusted, context.extensionUri), vscode.Uri.joinPath(context.extensionUri, 'templates'), builtInTemplates),
    mermaid: async () => mermaid.parse,
    ...(markdown ? { markdown: markdown.parse } : {}),
    logger: log,
    // Settings the user set win over the workspace's config file; defaults do not.
    config: (uri) => settingsOverrides(vscode.Uri.parse(uri)),
    docsBase: `${vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules').toString()}/`,
  });
  const controller = new DiagnosticsController(engine, isTrusted, log);
  const preview = new DiagramPreview({
    extensionUri: context.extensionUri,
    analyze: (doc) => controller.analyze(doc),
    debounceMs: () => readSettings().debounceMs,
    options: () => readPreviewOptions(),
    showSaveDialog: (options) => vscode.window.showSaveDialog(options),
    showOpenDialog: (options) => vscode.window.showOpenDialog(options),
    pickFormat: async () =>
      (
        await vscode.window.showQuickPick(
          [
            { label: 'SVG', description: vscode.l10n.t('vector, scales without blur'), format: 'svg' as const },
            { label: 'PNG', description: vscode.l10n.t('image, for slides and chat'), format: 'png' as const },
          ],
          { title: vscode.l10n.t('Export every diagram as'), placeHolder: vscode.l10n.t('Pick a format') },
        )
      )?.format,
    log,
  });
  const deps: NewSnapshotDeps = {
    engine,
    builtInTemplates: vscode.Uri.joinPath(context.extensionUri, 'templates'),
    isTrusted,
    log,
    author: platform.author,
    ...(platform.gitUserName ? { gitUserName: platform.gitUserName } : {}),
    analyze: (doc) => controller.analyze(doc),
  };

  const templateFor: TemplateLookup = async (doc) => {
    const analysis = await controller.analyze(doc);
    const pattern = analysis.frontmatter.data.pattern;
    if (typeof pattern !== 'string' || !pattern) return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    const { templates } = await engine.listTemplates(deps.builtInTemplates.toString(), isTrusted() && folder ? folder.uri.toString() : undefined);
    const template = templates.find((t) => t.id === pattern);
    return template ? engine.templateParse(template, analysis.context.catalog) : undefined;
  };

  // What is in force per workspace folder, said once at start and again whenever it may have changed.
  const logInForce = async (): Promise<void> => {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const probe = vscode.Uri.joinPath(folder.uri, '_.md').toString();
      const config = await engine.resolveConfig(probe, { root: folder.uri.toString() });
      const schema = await engine.resolveSchema(probe);
      const setting = readSettings(folder.uri).schema;
      log.info(
        `Folder ${folder.name}: config ${config.source ?? (config.problem ? `${config.problem.source} (not usable: ${config.problem.message})` : 'none (defaults)')}; ` +
          `schema ${setting && isTrusted() ? `${setting} (designSnapshot.schema)` : (schema.problem?.source ?? schema.schema.source ?? 'built-in')}; ` +
          `include ${config.include.join(', ')}; exclude ${config.exclude.join(', ')}.`,
      );
    }
  };

  // The editor title button shows on snapshots only; tell the workbench only when the answer changes.
  let snapshotContext: boolean | undefined;
  const setSnapshotContext = async (editor = vscode.window.activeTextEditor): Promise<void> => {
    const value = !!editor && (await controller.isSnapshot(editor.document).catch(() => false));
    if (editor !== vscode.window.activeTextEditor || value === snapshotContext) return;
    snapshotContext = value;
    await vscode.commands.executeCommand('setContext', 'designSnapshot.isSnapshot', value);
  };

  const inlayHints = new EstimateInlayHints(controller);
  const codeLens = new SnapshotCodeLens(controller);
  const status = new SnapshotStatusBar(controller);
  const languageStatus = new SnapshotLanguageStatus(controller);
  const scorecard = new ScorecardView(controller);
  // One reload for the events one change raises (the watcher and the save of the same file).
  let reloadTimer: ReturnType<typeof setTimeout> | undefined;
  const reload = (why: string): void => {
    log.info(`Reloading the configuration: ${why}.`);
    if (reloadTimer) clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => {
      reloadTimer = undefined;
      controller.reload();
      void logInForce();
    }, 50);
  };
  context.subscriptions.push(
    log,
    controller,
    // A config, schema or template open in an editor: saved there, or reloaded from disk while open (the file
    // watcher does not always report a file VS Code itself has open).
    vscode.workspace.onDidSaveTextDocument((d) => {
      if (/[\\/]\.design-snapshot[\\/]/.test(d.uri.path)) reload(`${vscode.workspace.asRelativePath(d.uri)} was saved`);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length && !e.document.isDirty && /[\\/]\.design-snapshot[\\/]/.test(e.document.uri.path)) reload(`${vscode.workspace.asRelativePath(e.document.uri)} changed on disk`);
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => reload('the workspace is now trusted')),
    vscode.workspace.onDidChangeWorkspaceFolders(() => reload('workspace folders changed')),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('designSnapshot')) return;
      if (e.affectsConfiguration('designSnapshot.estimates.inlayHints')) inlayHints.refresh();
      if (e.affectsConfiguration('designSnapshot.codeLens.enabled')) codeLens.refresh();
      controller.clearAll();
      reload('designSnapshot settings changed');
    }),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new SnapshotCodeActions(controller, templateFor), {
      providedCodeActionKinds: SnapshotCodeActions.kinds,
    }),
    vscode.languages.registerHoverProvider(MARKDOWN, new SnapshotHover(controller)),
    inlayHints,
    codeLens,
    vscode.languages.registerInlayHintsProvider(MARKDOWN, inlayHints),
    vscode.languages.registerCodeLensProvider(MARKDOWN, codeLens),
    status,
    languageStatus,
    scorecard,
    preview,
    vscode.window.onDidChangeActiveTextEditor((e) => void setSnapshotContext(e)),
    controller.onDidLint(() => void setSnapshotContext()),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, { deserializeWebviewPanel: (panel, state) => preview.restore(panel, state) }),
    vscode.commands.registerCommand('designSnapshot.openDiagramPreview', (uri?: vscode.Uri) => {
      const doc = uri instanceof vscode.Uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : undefined;
      return preview.open(doc);
    }),
    vscode.commands.registerCommand('designSnapshot.exportHtml', () => {
      if (preview.exportHtml()) return true;
      void vscode.window.showInformationMessage(PREVIEW_FIRST());
      return false;
    }),
    vscode.commands.registerCommand('designSnapshot.exportAllDiagrams', async () => {
      if (await preview.exportAll()) return true;
      if (!preview.panel || !preview.uri) void vscode.window.showInformationMessage(PREVIEW_FIRST());
      return false;
    }),
    vscode.commands.registerCommand('designSnapshot.newSnapshot', () => newSnapshot(deps)),
    vscode.commands.registerCommand('designSnapshot.addCiWorkflow', () => addCiWorkflow()),
    // Used by the quick fix that adds a heading to the config's aliases: it saves what the fix edited.
    vscode.commands.registerCommand('designSnapshot.saveConfig', (target: unknown) => (target instanceof vscode.Uri ? saveConfig(target) : false)),
    vscode.commands.registerCommand('designSnapshot.listTemplates', () => listTemplates(deps)),
    vscode.commands.registerCommand('designSnapshot.insertMissingSections', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return false;
      // The current version's analysis: its section-missing findings never wait for anything.
      const analysis = await controller.analyze(editor.document);
      const edit = analysis.snapshot.isSnapshot && analysis.version === editor.document.version ? insertAllEdit(editor.document, analysis.findings, await templateFor(editor.document)) : undefined;
      if (!edit) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Design Snapshot: no required section is missing.'));
        return false;
      }
      return vscode.workspace.applyEdit(edit);
    }),
    vscode.commands.registerCommand('designSnapshot.removeTemplateGuidance', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return false;
      const analysis = await controller.analyze(editor.document);
      const edit = analysis.snapshot.isSnapshot && analysis.version === editor.document.version ? guidanceEdit(editor.document, analysis) : undefined;
      if (!edit) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Design Snapshot: no template guidance is left in this document.'));
        return false;
      }
      return vscode.workspace.applyEdit(edit);
    }),
    vscode.commands.registerCommand(SHOW_RULE_DOCUMENTATION, async (ruleId?: unknown) => {
      const id =
        (typeof ruleId === 'string' ? ruleId : undefined) ??
        (await vscode.window.showQuickPick(
          RULES.map((r) => ({ label: r.id, detail: plainText(r.description) })),
          { title: vscode.l10n.t('Design Snapshot rules'), placeHolder: vscode.l10n.t('Pick a rule to read about') },
        ))?.label;
      if (id) await showRulePage(context.extensionUri, id);
    }),
    vscode.commands.registerCommand('designSnapshot.toggleLinting', async () => {
      const config = vscode.workspace.getConfiguration('designSnapshot');
      const next = !config.get<boolean>('lint.enabled', true);
      await config.update('lint.enabled', next, vscode.ConfigurationTarget.Global);
      void vscode.window.setStatusBarMessage(next ? vscode.l10n.t('Design Snapshot linting on') : vscode.l10n.t('Design Snapshot linting off'), 3000);
      return next;
    }),
  );
  const tools = registerLanguageModelTools(context, { controller, deps, log });
  const endMs = performance.now();
  log.info(`Activated in ${(endMs - startMs).toFixed(1)} ms.`);
  // What need not hold activation up runs in the next task, in this order: the config watcher (before any lint reads
  // a config), the log's channel (the lines above are written then), what is in force, the editor title's context, the
  // lint of the open documents, the preview's preload list. In the browser's extension host each of these costs
  // messages to the workbench or a first run of VS Code's own code, which activate() used to spend (measured in both
  // hosts by bench/activation.ts).
  const afterActivation = setTimeout(() => {
    const watcher = vscode.workspace.createFileSystemWatcher('**/.design-snapshot/**');
    context.subscriptions.push(
      watcher,
      watcher.onDidChange((u) => reload(`${vscode.workspace.asRelativePath(u)} changed`)),
      watcher.onDidCreate((u) => reload(`${vscode.workspace.asRelativePath(u)} was created`)),
      watcher.onDidDelete((u) => reload(`${vscode.workspace.asRelativePath(u)} was deleted`)),
    );
    log.open();
    void logInForce();
    void setSnapshotContext();
    controller.lintAllOpen();
    void preview.readPreload();
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(afterActivation) });
  return { controller, newSnapshotDeps: deps, status, languageStatus, preview, scorecard, log, tools, platform: platform.kind, activation: { startMs, endMs } };
}
