import type { ParsedSnapshot, SectionHeading } from '../model.js';
import type { Range } from '../position.js';
import type { Rule } from '../rule.js';
import type { SectionSpec } from '../schema.js';
import { coveredWithoutHeading } from '../evidence.js';
import { schemaMessage } from '../schema-errors.js';

/** Where a missing section belongs: after the present section that precedes it in the canonical order. */
export function insertionPoint(parsed: ParsedSnapshot, order: (id: string) => number, id: string): { offset: number; anchor: Range; after?: SectionHeading } {
  const k = order(id);
  let after: SectionHeading | undefined;
  for (const h of parsed.headings) {
    if (!h.id || h.duplicateOf) continue;
    const o = order(h.id);
    if (o < k && (!after || o >= order(after.id ?? ''))) after = h;
  }
  const { lines, text } = parsed;
  if (after) {
    const line = lines.positionAt(after.contentEnd).line;
    return { offset: after.contentEnd, anchor: after.empty ? after.range : lines.lineRange(line, text), after };
  }
  if (parsed.title) return { offset: lines.offsetAt(parsed.title.range.end), anchor: parsed.title.range };
  if (parsed.frontmatter) return { offset: lines.offsetAt(parsed.frontmatter.range.end), anchor: parsed.frontmatter.range };
  return { offset: 0, anchor: lines.lineRange(0, text) };
}

/** The Markdown a quick fix inserts for a section: heading plus the schema's stub. */
export function sectionMarkdown(spec: SectionSpec): string {
  return `## ${spec.title}\n\n${spec.stub ?? '<!-- Guidance: write this section. -->'}`;
}

/** The first few other names a section is known by; the full list is in docs/sections.md and the hover. */
function accepted(spec: SectionSpec): string {
  const shown = spec.aliases.slice(0, 4);
  const more = spec.aliases.length - shown.length;
  return shown.length ? ` (also accepted: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''})` : '';
}

export const sectionMissing: Rule = {
  id: 'section-missing',
  description: 'Every section the schema requires is present, each reported where it belongs.',
  severity: 'stage',
  check(ctx) {
    const { parsed, schema } = ctx;
    for (const e of ctx.errors) {
      if (e.keyword !== 'required' || e.instancePath !== '/sections') continue;
      const id = (e.params as { missingProperty: string }).missingProperty;
      const spec = schema.catalog.get(id) ?? { id, title: id, aliases: [] };
      // Covered at length under other headings: a reviewer would not call it missing, so neither do we.
      if (coveredWithoutHeading(parsed, spec.evidence)) continue;
      const { offset, anchor } = insertionPoint(parsed, (s) => schema.catalog.order(s), id);
      const why = schemaMessage(e);
      const at = parsed.lines.positionAt(offset);
      const newText = offset === 0 ? `${sectionMarkdown(spec)}\n\n` : `\n\n${sectionMarkdown(spec)}`;
      ctx.report({
        range: anchor,
        section: id,
        message: `Missing section "${spec.title}"${why ? `, ${why}` : ''}; expected a "## ${spec.title}" heading${accepted(spec)}.`,
        fix: { title: `Insert section "${spec.title}"`, edits: [{ range: { start: at, end: at }, newText }] },
      });
    }
  },
};
