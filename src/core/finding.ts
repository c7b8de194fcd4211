import type { Range } from './position.js';

/** How much a finding matters; hosts map these 1:1 (SARIF: error, warning, note). */
export type Severity = 'error' | 'warning' | 'info';

/** Replace `range` with `newText`; an empty range inserts. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** A fix the author can apply with one action; never applied without asking. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** One problem in a snapshot: what every host (editor, CLI, tests) consumes. */
export interface Finding {
  /** Stable kebab-case id, also the name of its page under docs/rules/. */
  ruleId: string;
  severity: Severity;
  /** Says what was found and what was expected. */
  message: string;
  range: Range;
  /** Canonical id of the section the finding concerns, when there is one. */
  section?: string;
  fix?: Fix;
  /** More for experts, shown beside the message where there is room (mermaid's own error for mermaid-syntax). */
  detail?: string;
  /** URL of the rule's documentation page. */
  docs: string;
}

/** Compares findings by position, then rule id, for stable output. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
