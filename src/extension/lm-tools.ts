// Runs in the VS Code extension host (desktop and web): the engine as language-model tools (contributes.languageModelTools
// in package.json), so Copilot's agent mode and other VS Code agents lint, check estimates, list templates and review a
// snapshot through the same analysis as the editor's diagnostics. The answers are the CLI's JSON shapes (src/core/agent.ts).
import * as vscode from 'vscode';
import { estimateReport, lintResult, scorecard, scorecardResult, templateInfo, type EstimateEntry, type LintResult, type ScorecardResult, type TemplateInfo } from '../core/index.js';
import { listTemplates, type NewSnapshotDeps } from './commands/new-snapshot.js';
import type { DiagnosticsController } from './diagnostics.js';
import type { ExtensionLog } from './log.js';
import { exists } from './names.js';

/** The tools' names, as package.json declares them. */
export const TOOL_NAMES = {
  lint: 'designSnapshot_lint',
  checkEstimates: 'designSnapshot_checkEstimates',
  listTemplates: 'designSnapshot_listTemplates',
  review: 'designSnapshot_review',
} as const;

/** Which document a tool reads: a path relative to a workspace folder, or a URI; the active editor's when absent. */
export interface DocumentInput {
  path?: string;
}

/** What the tools answer, callable without a language model (the integration tests compare it with the diagnostics). */
export interface SnapshotTools {
  lint(input: DocumentInput): Promise<LintResult>;
  checkEstimates(input: DocumentInput): Promise<{ path: string; estimates: EstimateEntry[] }>;
  listTemplates(): Promise<{ templates: TemplateInfo[] }>;
  review(input: DocumentInput): Promise<ScorecardResult>;
}

/** Thrown for input a tool cannot use; its message names the argument and says what was expected. */
export class ToolInputError extends Error {}

function isUri(path: string): boolean {
  return /^[a-z][\w+.-]*:/i.test(path) && !/^[a-z]:[\\/]/i.test(path);
}

/**
 * The document a tool reads, as the editor has it (unsaved edits included). Only documents open in the editor or
 * inside a workspace folder: an agent cannot make the extension read anything else.
 */
async function documentFor(input: unknown): Promise<vscode.TextDocument> {
  const path = (input as DocumentInput | undefined)?.path;
  if (path === undefined || path === '') {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc) throw new ToolInputError('path: no document is open in the editor; give the path of a snapshot relative to the workspace folder');
    return doc;
  }
  if (typeof path !== 'string') throw new ToolInputError(`path: expected a string (a path relative to the workspace folder, or a URI), got ${typeof path}`);
  let uri: vscode.Uri | undefined;
  if (isUri(path)) uri = vscode.Uri.parse(path);
  else {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const relative = path.replace(/\\/g, '/');
    const candidates = relative.startsWith('/')
      ? folders.filter((f) => f.uri.scheme === 'file').map(() => vscode.Uri.file(relative))
      : folders.map((f) => vscode.Uri.joinPath(f.uri, relative));
    for (const c of candidates) if (await exists(c)) uri = c;
    uri ??= candidates[0];
    if (!uri) throw new ToolInputError(`path: ${path} is not inside a workspace folder (no folder is open); open the snapshot in the editor and call the tool without a path`);
  }
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open;
  if (!vscode.workspace.getWorkspaceFolder(uri)) throw new ToolInputError(`path: ${path} is outside the workspace folders; only snapshots in the workspace or open in the editor are read`);
  if (!/\.(?:md|markdown)$/i.test(uri.path)) throw new ToolInputError(`path: ${path} is not a Markdown file; a snapshot is a .md file`);
  try {
    return await vscode.workspace.openTextDocument(uri);
  } catch {
    throw new ToolInputError(`path: ${path} does not exist or cannot be read`);
  }
}

function result(value: unknown): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(JSON.stringify(value))]);
}

/** Registers the tools (where this VS Code has the language-model API) and returns what they answer. */
export function registerLanguageModelTools(context: vscode.ExtensionContext, deps: { controller: DiagnosticsController; deps: NewSnapshotDeps; log: ExtensionLog }): SnapshotTools {
  const { controller, log } = deps;
  const name = (doc: vscode.TextDocument): string => (doc.isUntitled ? doc.uri.toString() : vscode.workspace.asRelativePath(doc.uri, false));
  const tools: SnapshotTools = {
    async lint(input) {
      const doc = await documentFor(input);
      const analysis = await controller.analyze(doc);
      return lintResult(name(doc), analysis, await analysis.allFindings());
    },
    async checkEstimates(input) {
      const doc = await documentFor(input);
      return { path: name(doc), estimates: estimateReport(await controller.analyze(doc)) };
    },
    async listTemplates() {
      return { templates: (await listTemplates(deps.deps)).map(templateInfo) };
    },
    async review(input) {
      const doc = await documentFor(input);
      const analysis = await controller.analyze(doc);
      return scorecardResult(name(doc), scorecard(analysis, await analysis.allFindings()));
    },
  };
  // VS Code without the language-model API (older, or a host that lacks it) still gets every other feature.
  if (typeof vscode.lm?.registerTool !== 'function') {
    log.info('This VS Code has no language-model tools API; the Design Snapshot tools are not registered.');
    return tools;
  }
  const describe = (input: unknown): string => {
    const path = (input as DocumentInput | undefined)?.path;
    return typeof path === 'string' && path ? path : vscode.l10n.t('the active snapshot');
  };
  const tool = <T>(toolName: string, invoking: (input: T) => string, run: (input: T) => Promise<unknown>): vscode.Disposable =>
    vscode.lm.registerTool<T>(toolName, {
      prepareInvocation: (options) => ({ invocationMessage: invoking(options.input) }),
      invoke: async (options) => {
        try {
          return result(await run(options.input));
        } catch (e) {
          log.warn(`Tool ${toolName} refused its input: ${e instanceof Error ? e.message : String(e)}`);
          throw e;
        }
      },
    });
  context.subscriptions.push(
    tool<DocumentInput>(TOOL_NAMES.lint, (i) => vscode.l10n.t('Linting {0} with Design Snapshot', describe(i)), (i) => tools.lint(i)),
    tool<DocumentInput>(TOOL_NAMES.checkEstimates, (i) => vscode.l10n.t('Checking the estimates of {0}', describe(i)), (i) => tools.checkEstimates(i)),
    tool<Record<string, never>>(TOOL_NAMES.listTemplates, () => vscode.l10n.t('Listing design snapshot templates'), () => tools.listTemplates()),
    tool<DocumentInput>(TOOL_NAMES.review, (i) => vscode.l10n.t('Reviewing {0} (scorecard)', describe(i)), (i) => tools.review(i)),
  );
  return tools;
}
