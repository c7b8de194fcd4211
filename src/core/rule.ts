import type { DiagramBlock } from './diagrams.js';
import type { EstimateBlock } from './estimates/scan.js';
import type { Finding, FindingData, Fix, Severity } from './finding.js';
import type { MermaidChecker } from './mermaid.js';
import type { ParsedSnapshot } from './model.js';
import type { Range } from './position.js';
import type { CompiledSchema, SchemaError, SectionCatalog } from './schema.js';
import type { Stage } from './config.js';

/** Options every host can pass to a lint. */
export interface LintOptions {
  /** Prose words allowed before `length-budget` reports (code and diagrams excluded). */
  lengthBudget?: number;
  /** Per-rule severity, or "off" to silence a rule. */
  severity?: Record<string, Severity | 'off'>;
  /** Base URL of the rule pages; a rule's page is `${docsBase}${ruleId}.md`. */
  docsBase?: string;
  /** Allowed relative error of a stated estimate result (0.1 = 10 %). */
  tolerance?: number;
  /** Set to false to skip checking estimates (inline calculations and estimate blocks). */
  estimates?: boolean;
  /** Topics switched off by id (`"off"`), on top of the schema's own `x-topics`. */
  topics?: Readonly<Record<string, 'on' | 'off'>>;
}

/** What a rule reports; the engine adds the rule id, severity and docs URL. */
export interface Report {
  range: Range;
  message: string;
  section?: string;
  /** The review topic the finding is about (topic-missing names one). */
  topic?: string;
  fix?: Fix;
  data?: FindingData;
  /** More for experts (see Finding.detail). */
  detail?: string;
  /** Something that could not be checked (too large, too slow): information, whatever the rule's severity. */
  unchecked?: boolean;
}

/** What a rule sees: the parsed snapshot, the schema and its validation errors, and the document's shared parts. */
export interface RuleContext {
  readonly parsed: ParsedSnapshot;
  readonly schema: CompiledSchema;
  /** The schema's sections with the config's aliases: what headings are read against. */
  readonly catalog: SectionCatalog;
  /** ajv's errors for this document, each consumed by the rule that owns it. */
  readonly errors: readonly SchemaError[];
  readonly options: Readonly<Required<Omit<LintOptions, 'severity'>>>;
  /** The stage the frontmatter status maps to, when it maps to one. */
  readonly stage: Stage | undefined;
  /** True when the stage is review or approved. */
  readonly strict: boolean;
  /** True when the frontmatter declares the document a snapshot (`pattern:` or `designSnapshot: true`), not only its path. */
  readonly declared: boolean;
  /** The team chose a length budget (or set the length-budget rule) in its config or settings. */
  readonly lengthBudgetChosen: boolean;
  /** The document's ```mermaid blocks (computed once per document version). */
  diagrams(): readonly DiagramBlock[];
  /** The document's ```estimate blocks with their values (computed once per document version). */
  estimateBlocks(): readonly EstimateBlock[];
  /** Mermaid's parser as the host provides it; undefined where there is none. */
  readonly mermaid: MermaidChecker | undefined;
  report(report: Report): void;
}

/**
 * One rule: a stable id, a one-line description, a default severity and a check.
 * A check may return a promise (mermaid-syntax waits for the parser): what it
 * reports before its first await is part of the synchronous findings, the rest
 * arrives with `Analysis.allFindings()`.
 */
export interface Rule {
  id: string;
  description: string;
  /**
   * "stage" means error once status is review or approved, warning before; "review" (the review rules,
   * which read prose) means warning once status is review or approved, information before; "scaffold" (template
   * leftovers, expected in a draft) means error once status is review or approved, information before.
   */
  severity: Severity | 'stage' | 'review' | 'scaffold';
  check(ctx: RuleContext): void | Promise<void>;
}

/** The severity a rule reports with: the configured one, else its default for the stage. */
export function severityOf(rule: Pick<Rule, 'id' | 'severity'>, strict: boolean, configured: Readonly<Record<string, Severity | 'off'>> | undefined): Severity | 'off' {
  const override = configured?.[rule.id];
  if (override) return override;
  if (rule.severity === 'stage') return strict ? 'error' : 'warning';
  if (rule.severity === 'review') return strict ? 'warning' : 'info';
  if (rule.severity === 'scaffold') return strict ? 'error' : 'info';
  return rule.severity;
}

/** Builds the finding a report becomes. */
export function toFinding(rule: Rule, report: Report, severity: Severity, docsBase: string): Finding {
  return {
    ruleId: rule.id,
    severity: report.unchecked ? 'info' : severity,
    message: report.message,
    range: report.range,
    ...(report.section ? { section: report.section } : {}),
    ...(report.topic ? { topic: report.topic } : {}),
    ...(report.fix ? { fix: report.fix } : {}),
    ...(report.detail ? { detail: report.detail } : {}),
    docs: `${docsBase}${rule.id}.md`,
    ...(report.data ? { data: report.data } : {}),
  };
}
