import type { EstimateBlock } from './estimates/scan.js';
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

/** The value of one line of an estimate block, placed at the end of that line. */
export interface EstimateAnnotation {
  /** 0-based document line and the character where the line's text ends. */
  line: number;
  character: number;
  /** "≈ 115.7 req/s" */
  label: string;
  /** "qps = users * per_user to req/s ≈ 115.7 req/s" */
  detail: string;
  range: Range;
}

/** Values of every line of the given ```estimate blocks, for inlay hints, hovers and the HTML export. */
export function estimateAnnotations(blocks: readonly EstimateBlock[], lines: LineIndex, text: string): EstimateAnnotation[] {
  const out: EstimateAnnotation[] = [];
  for (const block of blocks) {
    for (const l of block.lines) {
      if (!l.display) continue;
      const line = block.contentLine + l.line;
      const end = Math.min(lines.lineStart(line) + l.end, lines.lineEnd(line, text));
      const start = Math.min(lines.lineStart(line) + l.start, end);
      out.push({
        line,
        character: end - lines.lineStart(line),
        label: `≈ ${l.display}`,
        detail: `${l.name ? `${l.name} = ` : ''}${l.expression} ≈ ${l.display}`,
        range: lines.range(start, end),
      });
    }
  }
  return out;
}
