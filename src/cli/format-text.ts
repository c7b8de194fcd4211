import type { LintReport } from './report.js';

/** `path:line:col severity message [ruleId]`, one finding a line, then a summary line. */
export function formatText(report: LintReport): string {
  const out: string[] = [];
  for (const f of report.files) {
    for (const d of f.findings) {
      out.push(`${f.path}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.message} [${d.ruleId}]`);
    }
  }
  const s = report.summary;
  const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;
  out.push(`${plural(s.files, 'file')} linted: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'info')}`);
  return `${out.join('\n')}\n`;
}
