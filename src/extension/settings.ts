// Runs in the VS Code extension host: typed access to the designSnapshot.* settings, and the ones the user set
// explicitly, which layer over the workspace's .design-snapshot/config.json (a default never does).
import * as vscode from 'vscode';
import type { ConfigOverrides, Severity } from '../core/index.js';
import type { PreviewOptions } from '../shared/messages.js';

/** The settings that belong to the editor alone (the rest live in the shared config file as well). */
export interface Settings {
  folder: string;
  lintEnabled: boolean;
  debounceMs: number;
  schema: string;
  /** Inlay hints after estimate lines and inline calculations (designSnapshot.estimates.inlayHints). */
  inlayHints: boolean;
  /** Hovers with the computation of an estimate (designSnapshot.estimates.hover). */
  estimateHover: boolean;
  /** CodeLens on the title, mermaid blocks and estimate blocks (designSnapshot.codeLens.enabled). */
  codeLens: boolean;
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration('designSnapshot', scope);
  return {
    folder: c.get<string>('folder', 'docs/design'),
    lintEnabled: c.get<boolean>('lint.enabled', true),
    debounceMs: Math.max(0, c.get<number>('lint.debounceMs', 150)),
    schema: c.get<string>('schema', ''),
    inlayHints: c.get<boolean>('estimates.inlayHints', true),
    estimateHover: c.get<boolean>('estimates.hover', true),
    codeLens: c.get<boolean>('codeLens.enabled', true),
  };
}

/** The value the user (or the workspace, or the folder) set, or undefined when only the default applies. */
function explicit<T>(c: vscode.WorkspaceConfiguration, key: string): T | undefined {
  const i = c.inspect<T>(key);
  return i?.workspaceFolderLanguageValue ?? i?.workspaceFolderValue ?? i?.workspaceLanguageValue ?? i?.workspaceValue ?? i?.globalLanguageValue ?? i?.globalValue;
}

/** The settings the user set for a document, as overrides of its config file. */
export function settingsOverrides(scope?: vscode.ConfigurationScope): ConfigOverrides {
  const c = vscode.workspace.getConfiguration('designSnapshot', scope);
  // Object settings merge across levels in VS Code (user, workspace, folder): do the same for the explicit ones.
  const levels = c.inspect<Record<string, Severity | 'off'>>('lint.severity');
  const set = [levels?.globalValue, levels?.workspaceValue, levels?.workspaceFolderValue].filter((v): v is Record<string, Severity | 'off'> => !!v && typeof v === 'object');
  const rules = set.length ? Object.assign({}, ...set) as Record<string, Severity | 'off'> : undefined;
  const lengthBudget = explicit<number>(c, 'lint.lengthBudget');
  const tolerance = explicit<number>(c, 'estimates.tolerance');
  const include = explicit<string[]>(c, 'include');
  const exclude = explicit<string[]>(c, 'exclude');
  return {
    ...(rules && typeof rules === 'object' ? { rules } : {}),
    ...(typeof lengthBudget === 'number' ? { lengthBudget } : {}),
    ...(typeof tolerance === 'number' ? { tolerance } : {}),
    ...(Array.isArray(include) ? { include } : {}),
    ...(Array.isArray(exclude) ? { exclude } : {}),
  };
}

/** designSnapshot.preview.*: how the Diagram Preview exports (light unless set to match the editor; PNG scale 1–4). */
export function readPreviewOptions(scope?: vscode.ConfigurationScope): PreviewOptions {
  const c = vscode.workspace.getConfiguration('designSnapshot.preview', scope);
  const scale = c.get<number>('pngScale', 2);
  return {
    exportTheme: c.get<string>('exportTheme', 'light') === 'match' ? 'match' : 'light',
    pngScale: Number.isFinite(scale) ? Math.min(4, Math.max(1, scale)) : 2,
  };
}
