import * as l10n from '@vscode/l10n';
import type { ParsedSnapshot, SectionHeading } from '../model.js';
import type { Range } from '../position.js';
import { closeness } from '../headings.js';
import type { Rule, RuleContext } from '../rule.js';
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

/** The first few other names a section is known by (the schema's aliases: data); the full list is in docs/sections.md and the hover. */
function accepted(spec: SectionSpec): string {
  const shown = spec.aliases.slice(0, 4);
  const more = spec.aliases.length - shown.length;
  if (!shown.length) return '';
  return more > 0 ? l10n.t(' (also accepted: {0} and {1} more)', shown.join(', '), more) : l10n.t(' (also accepted: {0})', shown.join(', '));
}

/**
 * The heading that comes closest to naming a missing section without naming any section: "Things that may
 * break" for failure-modes. Undefined when none shares enough of a name the section is known by.
 */
function nearMiss(ctx: RuleContext, spec: SectionSpec): { text: string; line: number } | undefined {
  const names = [spec.title, spec.id, ...spec.aliases];
  let best: { text: string; line: number; score: number } | undefined;
  for (const h of ctx.parsed.outline) {
    if (ctx.catalog.match(h.text).length) continue;
    const score = closeness(h.text, names);
    if (score >= 0.5 && (!best || score > best.score)) best = { text: h.text, line: h.line, score };
  }
  return best;
}

export const sectionMissing: Rule = {
  id: 'section-missing',
  description: 'Every section the schema requires is present, each reported where it belongs.',
  severity: 'stage',
  check(ctx) {
    const { parsed, catalog } = ctx;
    for (const e of ctx.errors) {
      if (e.keyword !== 'required' || e.instancePath !== '/sections') continue;
      const id = (e.params as { missingProperty: string }).missingProperty;
      const spec = catalog.get(id) ?? { id, title: id, aliases: [] };
      // A document that declares itself a snapshot is held to the snapshot's sections. Any other design doc (an
      // RFC, an ADR, a KEP linted by path) that covers the section at length under other headings is not told it
      // is missing: a reviewer would not say so.
      if (!ctx.declared && coveredWithoutHeading(parsed, spec.evidence)) continue;
      const { offset, anchor } = insertionPoint(parsed, (s) => catalog.order(s), id);
      const why = schemaMessage(e);
      const at = parsed.lines.positionAt(offset);
      const newText = offset === 0 ? `${sectionMarkdown(spec)}\n\n` : `\n\n${sectionMarkdown(spec)}`;
      const near = nearMiss(ctx, spec);
      const hint = near ? l10n.t(' Found "{0}" at line {1}: if it is this section, add it to aliases for {2} in .design-snapshot/config.json.', near.text, near.line + 1, id) : '';
      ctx.report({
        range: anchor,
        section: id,
        // The section's title and aliases and the schema's x-message (`why`) are data; the sentence around them is ours.
        message:
          (why
            ? l10n.t('Missing section "{0}", {1}; expected a "## {0}" heading{2}.', spec.title, why, accepted(spec))
            : l10n.t('Missing section "{0}"; expected a "## {0}" heading{1}.', spec.title, accepted(spec))) + hint,
        fix: { title: l10n.t('Insert section "{0}"', spec.title), edits: [{ range: { start: at, end: at }, newText }] },
        ...(near ? { data: { alias: { section: id, heading: near.text } } } : {}),
      });
    }
  },
};
