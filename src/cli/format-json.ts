import { jsonFinding } from '../core/index.js';
import type { LintReport } from './report.js';

/**
 * The stable JSON format others build on. Key order and names are part of the
 * contract: {"files":[{"path","diagnostics":[{ruleId,severity,message,line,column,endLine,endColumn,section?,topic?}]}],"summary":{files,errors,warnings,infos}}
 */
export function formatJson(report: LintReport): string {
  const files = report.files.map((f) => ({
    path: f.path,
    diagnostics: f.findings.map(jsonFinding),
  }));
  const { files: n, errors, warnings, infos } = report.summary;
  return `${JSON.stringify({ files, summary: { files: n, errors, warnings, infos } })}\n`;
}
