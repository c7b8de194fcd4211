import * as l10n from '@vscode/l10n';
import { formatQuantity } from './estimates/display.js';
import { formatLike } from './estimates/format.js';
import { unitWord } from './estimates/inline.js';
import type { EstimateBlock, InlineEstimate } from './estimates/scan.js';
import type { ParsedSnapshot } from './model.js';
import type { LineIndex, Range } from './position.js';
import { defaultSchema, type CompiledSchema } from './schema.js';
import { pruneErrors } from './schema-errors.js';

/**
 * The Markdown of one section of a parsed template (heading through its last line),
 * for a quick fix that inserts a missing section with the template's guidance;
 * undefined when the template has no such section.
 */
export function sectionFromTemplate(template: ParsedSnapshot, sectionId: string): string | undefined {
  const h = template.headings.find((x) => x.id === sectionId && !x.duplicateOf);
  if (!h) return undefined;
  return template.text.slice(h.start, h.contentEnd).replace(/\{\{\s*\w+\s*\}\}/g, '').trimEnd();
}

/**
 * The sections the schema requires for a document with this frontmatter. Which ones
 * depends on the frontmatter (if/then), so the schema is asked with no sections at all.
 */
export function requiredSections(frontmatter: Record<string, unknown>, schema: CompiledSchema = defaultSchema()): string[] {
  schema.validate({ frontmatter, sections: {} });
  const required: string[] = [];
  for (const e of pruneErrors(schema.validate.errors ?? [])) {
    if (e.keyword === 'required' && e.instancePath === '/sections') required.push((e.params as { missingProperty: string }).missingProperty);
  }
  return required;
}

/** The value of one line of an estimate block, or of one calculation written inline, placed where it ends. */
export interface EstimateAnnotation {
  /** 0-based document line and the character where the line's text (or the stated result) ends. */
  line: number;
  character: number;
  /** "≈ 115.7 req/s"; for an inline calculation "✓" when it holds, else what the arithmetic gives ("≈ 116 QPS"). */
  label: string;
  /** "qps = users * per_user to req/s ≈ 115.7 req/s" */
  detail: string;
  /** The block line, or the inline calculation from its arithmetic to its stated result. */
  range: Range;
  /** Whether it annotates an inline calculation, and whether that one holds. */
  inline?: { holds: boolean };
}

/**
 * A block line's value as shown: the way snapshots write numbers when its number is known, else as evaluated. The
 * editor (inlay hints, hovers, CodeLens, the HTML export) and the agents' estimate report (agent.ts) all show this.
 */
export function shownValue(l: EstimateBlock['lines'][number]): string | undefined {
  if (!l.display) return undefined;
  const q = l.quantity?.();
  return q ? formatQuantity(q.value, q.unit) : l.display;
}

/**
 * The headline of an ```estimate block, for a CodeLens above it: its last `max` named values, which are the results
 * an estimate builds up to ("qps ≈ 115.7 req/s · gpus ≈ 453 GPU"); undefined when no named line has a value.
 */
export function estimateHeadline(block: EstimateBlock, max = 3): string | undefined {
  const named = block.lines.filter((l) => l.name && !l.error && l.display);
  if (named.length === 0) return undefined;
  return named
    .slice(-max)
    .map((l) => `${l.name ?? ''} ≈ ${shownValue(l) ?? ''}`)
    .join(' · ');
}

/** Values of every line of the given ```estimate blocks, for inlay hints, hovers and the HTML export. */
export function estimateAnnotations(blocks: readonly EstimateBlock[], lines: LineIndex, text: string): EstimateAnnotation[] {
  const out: EstimateAnnotation[] = [];
  for (const block of blocks) {
    for (const l of block.lines) {
      const shown = shownValue(l);
      if (!shown) continue;
      const line = block.contentLine + l.line;
      const end = Math.min(lines.lineStart(line) + l.end, lines.lineEnd(line, text));
      const start = Math.min(lines.lineStart(line) + l.start, end);
      out.push({
        line,
        character: end - lines.lineStart(line),
        label: `≈ ${shown}`,
        detail: `${l.name ? `${l.name} = ` : ''}${l.expression} ≈ ${shown}`,
        range: lines.range(start, end),
      });
    }
  }
  return out;
}

/**
 * One annotation per calculation written inline ("1M users × 10 req/day ÷ 86,400 s ≈ 115 QPS"), after its stated
 * result: "✓" when the arithmetic gives it within `tolerance`, else what the arithmetic gives, written the way the
 * author wrote the stated number ("≈ 116 QPS"); the detail shows the computation.
 */
export function inlineEstimateAnnotations(estimates: readonly InlineEstimate[], lines: LineIndex, tolerance: number): EstimateAnnotation[] {
  return estimates.map(({ check, lineStart, lineText }) => {
    const { stated } = check;
    const unit = unitWord(lineText, stated.to);
    const written = lineText.slice(stated.from, stated.to).replace(/\s+/g, ' ').trim();
    const expr = lineText.slice(check.exprStart, check.exprEnd).replace(/\s+/g, ' ').trim();
    // The computed value in the stated quantity's own form ("$262k"); a step stated as arithmetic gets a plain number.
    const single = !!check.replacement || check.holds;
    const number = check.replacement || formatLike(check.computed, single ? stated.raw : '1.23');
    const gives = single ? lineText.slice(stated.from, stated.start) + number + lineText.slice(stated.end, stated.to) : number;
    const end = lineStart + stated.to + unit.length;
    const line = lines.positionAt(lineStart).line;
    const percent = Math.round(tolerance * 100);
    return {
      line,
      character: end - lines.lineStart(line),
      label: check.holds ? '✓' : `≈ ${gives}${unit}`,
      // The expression and the quantities are the author's (data); the words around them are translated.
      detail: check.holds
        ? l10n.t('{0} ≈ {1}: the stated {2} holds (within {3} %).', expr, `${gives}${unit}`, `${written}${unit}`, percent)
        : l10n.t('{0} ≈ {1}, not the stated {2} (more than {3} % apart).', expr, `${gives}${unit}`, `${written}${unit}`, percent),
      range: lines.range(lineStart + Math.min(check.exprStart, stated.from), end),
      inline: { holds: check.holds },
    };
  });
}
