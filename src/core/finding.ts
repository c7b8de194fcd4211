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
  /** Id of the review topic the finding is about (topic-missing), when there is one. */
  topic?: string;
  fix?: Fix;
  /** More for experts, shown beside the message where there is room (mermaid's own error for mermaid-syntax). */
  detail?: string;
  /** URL of the rule's documentation page. */
  docs: string;
  /** What a host may offer beyond the fix: adding a near-miss heading to the config's aliases for a section. */
  data?: FindingData;
}

/** Machine-readable detail of a finding for hosts (the CLI's JSON output does not carry it). */
export interface FindingData {
  alias?: { section: string; heading: string };
}

/** Compares findings by position, then rule id, for stable output. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
