// Runs in Node: `design-snapshot review FILE…` — the scorecard of each snapshot, as text or JSON.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as l10n from '@vscode/l10n';
import { scorecard, scorecardResult, type Scorecard } from '../core/index.js';
import { displayPath, expandArgs, UsageError } from './files.js';
import { cliEngine } from './lint-files.js';
import { statusName } from '../shared/review-words.js';

/** What the review command writes to; the CLI's io fits it. */
export interface ReviewIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

const MARK: Record<string, string> = { covered: '✓', thin: '~', missing: '✗', 'not-applicable': '·' };

/**
 * The JSON shape (stable, additive only): {"files":[{"path","title","pattern"?,"stage"?,"dimensions":[{"id","title",
 * "status","reason","findings":[…lint's diagnostic shape…]}],"summary":{"covered","thin","missing"}}]}
 */
export function formatReviewJson(cards: Array<{ path: string; card: Scorecard }>): string {
  const files = cards.map(({ path, card }) => scorecardResult(path, card));
  return `${JSON.stringify({ files })}\n`;
}

export function formatReviewText(cards: Array<{ path: string; card: Scorecard }>): string {
  const out: string[] = [];
  for (const { path, card } of cards) {
    const about = [card.pattern, card.stage].filter(Boolean).join(', ');
    out.push(`${path}${card.title ? ` — ${card.title}` : ''}${about ? ` (${about})` : ''}`);
    const width = Math.max(...card.dimensions.map((d) => d.title.length));
    for (const d of card.dimensions) {
      out.push(`  ${MARK[d.status] ?? ' '} ${d.title.padEnd(width)}  ${statusName(d.status).padEnd(16)}${d.reason}`);
      for (const f of d.findings) out.push(`      ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.message} [${f.ruleId}${f.topic ? `: ${f.topic}` : ''}]`);
    }
    const { covered, thin, missing } = card.summary;
    out.push(`  ${l10n.t('{0} covered, {1} thin, {2} missing', covered, thin, missing)}`, '');
  }
  return `${out.join('\n')}`;
}

/** Runs `review`; returns the exit code (0, or 2 for a usage or I/O error). */
export async function review(args: string[], io: ReviewIo, docsBase: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'text' }, schema: { type: 'string' }, config: { type: 'string' } },
  });
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(l10n.t('--format must be text or json, not "{0}"', values.format ?? ''));
  if (!positionals.length) throw new UsageError(l10n.t('usage: {0}', 'design-snapshot review FILE... [--format text|json]'));
  const files = await expandArgs(positionals, io.cwd);
  const engine = cliEngine(docsBase);
  const cards: Array<{ path: string; card: Scorecard }> = [];
  for (const file of files) {
    const text = await readFile(file.path, 'utf8').catch((e: NodeJS.ErrnoException) => {
      throw new Error(l10n.t('{0}: cannot read ({1})', displayPath(file.path, io.cwd), e.code ?? e.message));
    });
    const analysis = await engine.analyze({
      uri: file.path,
      version: 0,
      text,
      root: io.cwd,
      ...(values.schema ? { schemaPath: resolve(io.cwd, values.schema) } : {}),
      ...(values.config ? { configPath: resolve(io.cwd, values.config) } : {}),
    });
    cards.push({ path: displayPath(file.path, io.cwd), card: scorecard(analysis, await analysis.allFindings()) });
  }
  io.stdout(values.format === 'json' ? formatReviewJson(cards) : formatReviewText(cards));
  return 0;
}
