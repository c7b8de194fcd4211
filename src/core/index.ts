/**
 * The Design Snapshot engine: pure TypeScript shared by the CLI, the VS Code
 * extension and the tests. Host capabilities come in through createEngine's
 * options; every feature reads one Analysis per document version.
 */
import { Analysis, type EngineStats } from './analysis.js';
import { layerConfig } from './config.js';
import { EstimateEvaluator } from './estimates/block.js';
import { clearInlineChecks } from './estimates/scan.js';
import type { Finding } from './finding.js';
import type { LintOptions } from './rule.js';
import { RULES } from './rules/index.js';
import { defaultSchema, type CompiledSchema } from './schema.js';

export {
  countFindings,
  estimateReport,
  jsonFinding,
  lintResult,
  scorecardResult,
  templateInfo,
  type EstimateEntry,
  type FindingCounts,
  type JsonFinding,
  type LintResult,
  type ScorecardResult,
  type TemplateInfo,
} from './agent.js';
export { Analysis, type AnalysisContext, type DocumentVersion, type EngineStats } from './analysis.js';
export {
  DEFAULT_CONFIG,
  DEFAULT_EXCLUDE,
  DEFAULT_INCLUDE,
  DEFAULT_LENGTH_BUDGET,
  DEFAULT_TOLERANCE,
  STAGES,
  isConfigProblem,
  layerConfig,
  parseConfig,
  snapshotVerdict,
  stageOf,
  type ConfigFile,
  type ConfigOverrides,
  type ConfigProblem,
  type ResolvedConfig,
  type SnapshotVerdict,
  type Stage,
} from './config.js';
export { CONFIG_DIR, CONFIG_FILE, SCHEMA_FILE, costlyToParse, createEngine, relativePath, type AnalyzeInput, type Engine, type EngineOptions, type Logger, type ResolvedSchema } from './engine.js';
export type { Finding, FindingData, Fix, Severity, TextEdit } from './finding.js';
export { compareFindings } from './finding.js';
export { diagramBlocks, type DiagramBlock } from './diagrams.js';
export { findFrontmatter, readFrontmatter, type Frontmatter, type FrontmatterInfo } from './frontmatter.js';
export { EXPORT_CSP, snapshotHtml, type HtmlExportOptions } from './html.js';
export { MermaidChecker, type MermaidError, type MermaidParse } from './mermaid.js';
export { explainMermaidError, mermaidErrorDetails, OVER_BUDGET, WORKER_FAILURE, type DiagramEdit, type ExplainedError, type MermaidErrorDetails } from './mermaid-errors.js';
export type { EngineHost } from './host.js';
export { InMemoryHost } from './host.js';
export type { ParsedSnapshot, SnapshotModel, SectionModel } from './model.js';
export { parseSnapshot } from './model.js';
export { markdownTree } from './parse.js';
export { LineIndex, type Position, type Range } from './position.js';
export { severityOf, type LintOptions, type Rule, type RuleContext } from './rule.js';
export { RULES } from './rules/index.js';
export { guidanceRemovalEdits, removeAllGuidanceTitle, templateLeftovers, type Leftover, type LeftoverKind } from './rules/placeholder-left.js';
export { clearReviewCaches } from './review/caches.js';
export { scorecard, type Coverage, type Dimension, type DimensionId, type Scorecard } from './review/scorecard.js';
export type { Topic } from './review/topics.js';
export { compileSchema, defaultSchema, DEFAULT_SCHEMA_ID, isSchemaProblem, type CompiledSchema, type SchemaProblem, type SectionSpec } from './schema.js';
export { estimateAnnotations, estimateHeadline, inlineEstimateAnnotations, requiredSections, sectionFromTemplate, type EstimateAnnotation } from './editor-support.js';
export { formatNumber, formatQuantity } from './estimates/display.js';
export { useTranslations } from './wording.js';
export { renderTemplate, type Template, type TemplateProblem, type TemplateVariables } from './templates.js';

/** Lint options plus the schema to use (the built-in one when absent). */
export interface LintTextOptions extends LintOptions {
  schema?: CompiledSchema;
}

let shared: { evaluator: EstimateEvaluator; stats: EngineStats } | undefined;

/**
 * Lints one text with the built-in rules, synchronously and without any file
 * lookups: the tests' and benchmarks' way in. Hosts use createEngine, whose
 * analyses also find the workspace's config and schema and check diagrams.
 * Never throws (a rule that fails reports an `internal-error` finding instead).
 */
export function lintText(text: string, options: LintTextOptions = {}): Finding[] {
  shared ??= { evaluator: new EstimateEvaluator(), stats: { markdownParses: 0, yamlParses: 0, analyses: 0 } };
  const schema = options.schema ?? defaultSchema();
  const config = layerConfig(
    undefined,
    {
      ...(options.severity ? { rules: options.severity } : {}),
      ...(options.lengthBudget !== undefined ? { lengthBudget: options.lengthBudget } : {}),
      ...(options.tolerance !== undefined ? { tolerance: options.tolerance } : {}),
      ...(options.topics ? { topics: { ...options.topics } } : {}),
    },
    {},
  );
  const analysis = new Analysis(
    { uri: '', version: 0, text },
    { schema, config, catalog: schema.catalog, rules: RULES, evaluator: shared.evaluator, docsBase: options.docsBase ?? 'docs/rules/', estimates: options.estimates ?? true, stats: shared.stats },
  );
  return [...analysis.findings];
}

/** Forgets the estimate values `lintText` evaluated (benchmarks use it to measure a block evaluated from scratch). */
export function clearLintTextCaches(): void {
  shared?.evaluator.clear();
  clearInlineChecks();
}
