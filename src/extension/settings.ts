// Runs in the VS Code extension host: typed access to the designSnapshot.* settings.
import * as vscode from 'vscode';
import type { LintOptions, Severity } from '../core/index.js';

export interface Settings {
  folder: string;
  include: string[];
  lintEnabled: boolean;
  debounceMs: number;
  lengthBudget: number;
  severity: Record<string, Severity | 'off'>;
  schema: string;
  tolerance: number;
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration('designSnapshot', scope);
  return {
    folder: c.get<string>('folder', 'docs/design'),
    include: c.get<string[]>('include', ['**/docs/design/**/*.md']),
    lintEnabled: c.get<boolean>('lint.enabled', true),
    debounceMs: Math.max(0, c.get<number>('lint.debounceMs', 150)),
    lengthBudget: c.get<number>('lint.lengthBudget', 1500),
    severity: c.get<Record<string, Severity | 'off'>>('lint.severity', {}),
    schema: c.get<string>('schema', ''),
    tolerance: c.get<number>('estimates.tolerance', 0.1),
  };
}

export function lintOptions(s: Settings, docsBase: string): LintOptions {
  return { lengthBudget: s.lengthBudget, severity: s.severity, docsBase, tolerance: s.tolerance };
}
