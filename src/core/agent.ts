/**
 * What the engine tells agents and scripts, as plain JSON: the CLI's `--format json` findings, the templates, each
 * estimate with its computed value and verdict, the scorecard. One shape for every host that answers an agent (the
 * MCP server, VS Code's language-model tools) and for the CLI, so an agent reads the same thing wherever it asks.
 */
import * as l10n from '@vscode/l10n';
import type { Analysis } from './analysis.js';
import { shownValue } from './editor-support.js';
import { formatLike } from './estimates/format.js';
import type { Finding, Severity } from './finding.js';
import type { Scorecard } from './review/scorecard.js';
import type { Template } from './templates.js';

/** One finding as `design-snapshot lint --format json` prints it: 1-based lines and columns. */
export interface JsonFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  section?: string;
  topic?: string;
}

/** A finding in the stable JSON shape (key order is part of the contract). */
export function jsonFinding(f: Finding): JsonFinding {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    ...(f.section ? { section: f.section } : {}),
    ...(f.topic ? { topic: f.topic } : {}),
  };
}

/** Counts of findings by severity. */
export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const c: FindingCounts = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') c.errors++;
    else if (f.severity === 'warning') c.warnings++;
    else c.infos++;
  }
  return c;
}

/** A lint result for one document: its findings in the CLI's JSON shape, whether it is a snapshot, and the counts. */
export interface LintResult {
  path: string;
  /** False when the document is not a snapshot by its frontmatter or the config's globs (it was linted all the same). */
  isSnapshot: boolean;
  diagnostics: JsonFinding[];
  summary: FindingCounts;
}

export function lintResult(path: string, analysis: Analysis, findings: readonly Finding[]): LintResult {
  return { path, isSnapshot: analysis.snapshot.isSnapshot, diagnostics: findings.map(jsonFinding), summary: countFindings(findings) };
}

/** One template, as `design-snapshot templates --format json` prints it. */
export interface TemplateInfo {
  id: string;
  name: string;
  description: string;
  tags: string[];
  /** "built-in", or the file a workspace template came from. */
  origin: string;
}

export function templateInfo(t: Template): TemplateInfo {
  return { id: t.id, name: t.name, description: t.description, tags: [...t.tags], origin: t.origin };
}

/** One checked estimate: an inline calculation ("1M × 10 ÷ 86,400 s ≈ 115 QPS") or a line of an ```estimate block. */
export type EstimateEntry =
  | {
      kind: 'inline';
      /** 1-based line and column of the stated result. */
      line: number;
      column: number;
      /** The arithmetic as written. */
      expression: string;
      /** The result as the author stated it. */
      stated: string;
      /** What the arithmetic gives, written like the stated number. */
      computed: string;
      verdict: 'ok' | 'mismatch';
      /** What to write instead, when the verdict is a mismatch and one number fixes it. */
      suggestion?: string;
    }
  | {
      kind: 'block';
      line: number;
      column: number;
      /** The name the line defines, if any. */
      name?: string;
      expression: string;
      /** The value with its unit ("115.7 req/s", "1M"), as the editor's inlay hint shows it, when the line evaluates. */
      value?: string;
      verdict: 'ok' | 'unit-error' | 'parse-error' | 'depends-on-failed';
      /** Why a line has no value. */
      message?: string;
    };

/** Every inline calculation and estimate-block line of a document with its computed value and verdict, in document order. */
export function estimateReport(analysis: Analysis): EstimateEntry[] {
  const { parsed, lines, text } = analysis;
  const out: EstimateEntry[] = [];
  for (const { check, lineStart, lineText } of parsed.inlineEstimates) {
    const at = lines.positionAt(lineStart + check.stated.start);
    out.push({
      kind: 'inline',
      line: at.line + 1,
      column: at.character + 1,
      expression: lineText.slice(check.exprStart, check.exprEnd).replace(/\s+/g, ' ').trim(),
      stated: lineText.slice(check.stated.from, check.stated.to).trim(),
      computed: check.replacement || formatLike(check.computed, check.stated.raw),
      verdict: check.holds ? 'ok' : 'mismatch',
      ...(!check.holds && check.replacement ? { suggestion: check.replacement } : {}),
    });
  }
  for (const block of analysis.estimateBlocks) {
    for (const l of block.lines) {
      const line = block.contentLine + l.line;
      const column = Math.min(l.start, Math.max(0, lines.lineEnd(line, text) - lines.lineStart(line))) + 1;
      const base = { kind: 'block' as const, line: line + 1, column, ...(l.name ? { name: l.name } : {}), expression: l.expression };
      if (l.dependsOnFailed) out.push({ ...base, verdict: 'depends-on-failed', message: l10n.t('depends on {0}, whose line has no value', l.dependsOnFailed) });
      else if (l.error) out.push({ ...base, verdict: l.error.kind === 'unit' ? 'unit-error' : 'parse-error', message: l.error.message });
      else if (l.display) out.push({ ...base, value: shownValue(l) ?? l.display, verdict: 'ok' });
    }
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The scorecard in the shape of `design-snapshot review --format json` (one file's entry). */
export interface ScorecardResult {
  path: string;
  title: string;
  pattern?: string;
  stage?: string;
  dimensions: Array<{ id: string; title: string; status: string; reason: string; findings: JsonFinding[] }>;
  summary: Scorecard['summary'];
}

export function scorecardResult(path: string, card: Scorecard): ScorecardResult {
  return {
    path,
    title: card.title,
    ...(card.pattern ? { pattern: card.pattern } : {}),
    ...(card.stage ? { stage: card.stage } : {}),
    dimensions: card.dimensions.map((d) => ({ id: d.id, title: d.title, status: d.status, reason: d.reason, findings: d.findings.map(jsonFinding) })),
    summary: card.summary,
  };
}
