import type { Finding, Fix, Severity } from './finding.js';
import type { ParsedSnapshot } from './model.js';
import type { Range } from './position.js';
import type { CompiledSchema, SchemaError } from './schema.js';

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
}

/** What a rule reports; the engine adds the rule id, severity and docs URL. */
export interface Report {
  range: Range;
  message: string;
  section?: string;
  fix?: Fix;
}

/** What a rule sees: the parsed snapshot, the schema and its validation errors. */
export interface RuleContext {
  readonly parsed: ParsedSnapshot;
  readonly schema: CompiledSchema;
  /** ajv's errors for this document, each consumed by the rule that owns it. */
  readonly errors: readonly SchemaError[];
  readonly options: Readonly<Required<Omit<LintOptions, 'severity'>>>;
  /** True when the frontmatter status is review or approved. */
  readonly strict: boolean;
  report(report: Report): void;
}

/** One rule: a stable id, a one-line description, a default severity and a check. */
export interface Rule {
  id: string;
  description: string;
  /** "stage" means error once status is review or approved, warning before. */
  severity: Severity | 'stage';
  check(ctx: RuleContext): void;
}

/** Builds the finding a report becomes. */
export function toFinding(rule: Rule, report: Report, severity: Severity, docsBase: string): Finding {
  return {
    ruleId: rule.id,
    severity,
    message: report.message,
    range: report.range,
    ...(report.section ? { section: report.section } : {}),
    ...(report.fix ? { fix: report.fix } : {}),
    docs: `${docsBase}${rule.id}.md`,
  };
}
