// Runs in Node under node:test: shared helpers for the unit tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createEngine, InMemoryHost, lintText, type Analysis, type AnalyzeInput, type Engine, type EngineOptions, type Finding, type LintTextOptions, type SchemaProblem } from '../../src/core/index.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = `${ROOT}test/fixtures/`;

export function fixture(path: string): string {
  return readFileSync(`${FIXTURES}${path}`, 'utf8');
}

/** A finding as the tests compare it: "line:col severity" with 1-based positions. */
export function at(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity}`;
}

/** Findings of one rule for a fixture file. */
export function lintFixture(path: string, ruleId: string, options: LintTextOptions = {}): Finding[] {
  return lintText(fixture(path), options).filter((f) => f.ruleId === ruleId);
}

/** Applies a finding's fix to the text (edits applied from the end so offsets hold). */
export function applyFix(text: string, f: Finding): string {
  const lines = text.split(/(?<=\n)/);
  const offset = (p: { line: number; character: number }): number =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length, 0) + p.character;
  const edits = [...(f.fix?.edits ?? [])].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of edits) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** An engine over an in-memory workspace (path → text), with mermaid's Node parser when `mermaid` is set. */
export function memoryEngine(files: Record<string, string> = {}, options: Omit<EngineOptions, 'host'> = {}): Engine {
  return createEngine({ host: new InMemoryHost(files), ...options });
}

/** Every finding of one document analyzed by `engine` (asynchronous rules included), and what could not be used. */
export async function analyzeFile(engine: Engine, path: string, text: string, extra: Partial<AnalyzeInput> = {}): Promise<{ findings: readonly Finding[]; schemaProblem?: SchemaProblem; analysis: Analysis }> {
  const analysis = await engine.analyze({ uri: path, version: 0, text, ...extra });
  const findings = await analysis.allFindings();
  return { findings, analysis, ...(analysis.context.schemaProblem ? { schemaProblem: analysis.context.schemaProblem } : {}) };
}
