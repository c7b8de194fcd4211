import type { LintReport } from './report.js';

/**
 * The stable JSON format others build on. Key order and names are part of the
 * contract: {"files":[{"path","diagnostics":[{ruleId,severity,message,line,column,endLine,endColumn,section?,topic?}]}],"summary":{files,errors,warnings,infos}}
 */
export function formatJson(report: LintReport): string {
  const files = report.files.map((f) => ({
    path: f.path,
    diagnostics: f.findings.map((d) => ({
      ruleId: d.ruleId,
      severity: d.severity,
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      ...(d.section ? { section: d.section } : {}),
      ...(d.topic ? { topic: d.topic } : {}),
    })),
  }));
  const { files: n, errors, warnings, infos } = report.summary;
  return `${JSON.stringify({ files, summary: { files: n, errors, warnings, infos } })}\n`;
}
