import { estimateBlocks } from './estimates/scan.js';
import { parseSnapshot } from './model.js';
import type { Range } from './position.js';
import { defaultSchema, type CompiledSchema } from './schema.js';
import { pruneErrors } from './schema-errors.js';
import { parseDocument } from 'yaml';

/**
 * The Markdown of one section of a template (heading through its last line),
 * for a quick fix that inserts a missing section with the template's guidance;
 * undefined when the template has no such section.
 */
export function sectionFromTemplate(templateText: string, sectionId: string, schema: CompiledSchema = defaultSchema()): string | undefined {
  const parsed = parseSnapshot(templateText, schema.catalog, { estimates: false });
  const h = parsed.headings.find((x) => x.id === sectionId && !x.duplicateOf);
  if (!h) return undefined;
  return templateText.slice(h.start, h.contentEnd).replace(/\{\{\s*\w+\s*\}\}/g, '').trimEnd();
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

/** A document's frontmatter fields, or {} when it has none or it does not parse; cheap (no Markdown parse). */
export function frontmatterOf(text: string): Record<string, unknown> {
  const m = /^(?:\uFEFF)?---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text);
  if (!m) return {};
  const doc = parseDocument(m[1] ?? '');
  const data: unknown = doc.errors.length ? undefined : doc.toJS();
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
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

/** Values of every line of every ```estimate block, for inlay hints and hovers. */
export function estimateAnnotations(text: string): EstimateAnnotation[] {
  const parsed = parseSnapshot(text, defaultSchema().catalog, { estimates: false });
  const out: EstimateAnnotation[] = [];
  for (const block of estimateBlocks(parsed.tree, parsed.lines, parsed.shift)) {
    for (const l of block.lines) {
      if (!l.display) continue;
      const line = block.contentLine + l.line;
      const end = Math.min(parsed.lines.lineStart(line) + l.end, parsed.lines.lineEnd(line, text));
      const start = Math.min(parsed.lines.lineStart(line) + l.start, end);
      out.push({
        line,
        character: end - parsed.lines.lineStart(line),
        label: `≈ ${l.display}`,
        detail: `${l.name ? `${l.name} = ` : ''}${l.expression} ≈ ${l.display}`,
        range: parsed.lines.range(start, end),
      });
    }
  }
  return out;
}
