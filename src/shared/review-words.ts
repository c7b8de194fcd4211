// Runs in every host (the extension's and the CLI's): words for the core's identifiers that people read, through
// @vscode/l10n (the extension configures it with VS Code's bundle, the CLI with the one --locale picks).
import * as l10n from '@vscode/l10n';
import type { Dimension } from '../core/index.js';

/** A review dimension's status as people read it (the core's value is an identifier, and JSON output keeps it). */
export function statusName(status: Dimension['status']): string {
  switch (status) {
    case 'covered':
      return l10n.t('covered');
    case 'thin':
      return l10n.t('thin');
    case 'missing':
      return l10n.t('missing');
    case 'not-applicable':
      return l10n.t('not applicable');
  }
}
