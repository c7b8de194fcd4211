import { diagramBlocks } from './diagrams.js';
import { compareFindings, type Finding, type Severity } from './finding.js';
import { parseSnapshot } from './model.js';
import { defaultSchema } from './schema.js';

/** Parses one diagram; rejects with mermaid's own error when the diagram is invalid. */
export type MermaidParse = (diagram: string) => Promise<unknown>;

/** The mermaid-syntax rule's metadata; its check is asynchronous, so it runs beside the synchronous rules. */
export const MERMAID_RULE = {
  id: 'mermaid-syntax',
  description: 'Every ```mermaid block parses with the pinned Mermaid version; errors are placed on the diagram line at fault.',
  severity: 'stage' as const,
};

/** The line (1-based, within the text mermaid parsed) that an error names, if it names one. */
export function errorLine(error: unknown): number | undefined {
  const e = error as { hash?: { loc?: { first_line?: number; last_line?: number } }; message?: string };
  const fromMessage = /\bline (\d+)\b/i.exec(e?.message ?? '')?.[1];
  if (fromMessage) return Number(fromMessage);
  return e?.hash?.loc?.last_line;
}

/** Lines taken by a diagram's own YAML frontmatter, which mermaid strips before it parses. */
function frontmatterLines(diagram: string): number {
  const m = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(diagram);
  return m ? m[0].split(/\r?\n/).length - 1 : 0;
}

const verdicts = new Map<string, string | null>();

/**
 * Checks every ```mermaid block of a document with `parse` and reports each
 * invalid diagram at the Markdown line of its error. Results are cached by
 * diagram text, so an edit elsewhere re-parses nothing.
 */
export async function checkMermaid(text: string, parse: MermaidParse, options: { docsBase?: string; severity?: Record<string, Severity | 'off'> } = {}): Promise<Finding[]> {
  const override = options.severity?.[MERMAID_RULE.id];
  if (override === 'off' || !/(?:`{3,}|~{3,})\s*mermaid/i.test(text)) return [];
  const parsed = parseSnapshot(text, defaultSchema().catalog, { estimates: false });
  const status = parsed.model.frontmatter.status;
  const severity: Severity = override ?? (status === 'review' || status === 'approved' ? 'error' : 'warning');
  const out: Finding[] = [];
  const blocks = diagramBlocks(parsed).map((d) => ({ content: d.source, contentLine: d.contentLine, lastLine: Math.max(d.contentLine, d.endLine - 1) }));
  for (const b of blocks) {
    let verdict = verdicts.get(b.content);
    if (verdict === undefined) {
      try {
        await parse(b.content);
        verdict = null;
      } catch (e) {
        const line = errorLine(e);
        verdict = `${line ?? ''}\u0000${String((e as Error)?.message ?? e)}`;
      }
      if (verdicts.size > 512) verdicts.clear();
      verdicts.set(b.content, verdict);
    }
    if (verdict === null) continue;
    const [lineText = '', message = ''] = verdict.split('\u0000');
    const inDiagram = lineText ? Number(lineText) + frontmatterLines(b.content) : 1;
    const line = Math.min(Math.max(b.contentLine + inDiagram - 1, b.contentLine), b.lastLine);
    const summary = message.split('\n').find((l) => l.trim())?.trim() ?? 'invalid diagram';
    const detail = message.split('\n').filter((l) => /^Expecting|^Expected|got /.test(l.trim()))[0]?.trim();
    out.push({
      ruleId: MERMAID_RULE.id,
      severity,
      message: `Mermaid cannot parse this diagram: ${summary}${detail ? ` (${detail})` : ''}; expected valid Mermaid syntax.`,
      range: parsed.lines.lineRange(line, text),
      docs: `${options.docsBase ?? 'docs/rules/'}${MERMAID_RULE.id}.md`,
    });
  }
  return out.sort(compareFindings);
}
