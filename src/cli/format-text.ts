import * as l10n from '@vscode/l10n';
import type { LintReport, Summary } from './report.js';

/** "3 files linted: 1 error, 2 warnings, 0 infos", in the CLI's language. */
function summaryLine(s: Summary): string {
  const files = s.files === 1 ? l10n.t('1 file') : l10n.t('{0} files', s.files);
  const errors = s.errors === 1 ? l10n.t('1 error') : l10n.t('{0} errors', s.errors);
  const warnings = s.warnings === 1 ? l10n.t('1 warning') : l10n.t('{0} warnings', s.warnings);
  const infos = s.infos === 1 ? l10n.t('1 info') : l10n.t('{0} infos', s.infos);
  return l10n.t('{0} linted: {1}, {2}, {3}', files, errors, warnings, infos);
}

/**
 * `path:line:col severity message [ruleId]`, one finding a line, then a summary line. The severity and rule id stay
 * as they are in every language: editors' problem matchers and scripts read them.
 */
export function formatText(report: LintReport): string {
  const out: string[] = [];
  for (const f of report.files) {
    for (const d of f.findings) {
      out.push(`${f.path}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.message} [${d.ruleId}]`);
    }
  }
  out.push(summaryLine(report.summary));
  return `${out.join('\n')}\n`;
}
