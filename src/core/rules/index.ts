import type { Rule } from '../rule.js';
import { diagramText } from './diagram-text.js';
import { estimateMismatch } from './estimate-mismatch.js';
import { estimateParse } from './estimate-parse.js';
import { estimateUnit } from './estimate-unit.js';
import { frontmatterField } from './frontmatter-field.js';
import { frontmatterInvalid } from './frontmatter-invalid.js';
import { lengthBudget } from './length-budget.js';
import { mermaidSyntax } from './mermaid-syntax.js';
import { numberConsistency } from './number-consistency.js';
import { placeholderLeft } from './placeholder-left.js';
import { redFlagCostLatency } from './red-flag-cost-latency.js';
import { redFlagEvalPlan } from './red-flag-eval-plan.js';
import { redFlagFailureModes } from './red-flag-failure-modes.js';
import { redFlagFineTuneFirst } from './red-flag-fine-tune-first.js';
import { redFlagGrounding } from './red-flag-grounding.js';
import { redFlagSafety } from './red-flag-safety.js';
import { sectionContent } from './section-content.js';
import { sectionDuplicate } from './section-duplicate.js';
import { sectionEmpty } from './section-empty.js';
import { sectionMissing } from './section-missing.js';
import { sectionOrder } from './section-order.js';
import { topicMissing } from './topic-missing.js';

/**
 * Every rule, in the order their findings are produced. Severities, the
 * settings' and config schema's rule lists, the SARIF rule list and the
 * README's rule table all come from here.
 */
export const RULES: readonly Rule[] = [
  frontmatterInvalid,
  frontmatterField,
  sectionMissing,
  sectionEmpty,
  sectionContent,
  sectionOrder,
  sectionDuplicate,
  placeholderLeft,
  lengthBudget,
  estimateMismatch,
  estimateUnit,
  estimateParse,
  mermaidSyntax,
  redFlagGrounding,
  redFlagEvalPlan,
  redFlagFineTuneFirst,
  redFlagSafety,
  redFlagCostLatency,
  redFlagFailureModes,
  topicMissing,
  numberConsistency,
  diagramText,
];
