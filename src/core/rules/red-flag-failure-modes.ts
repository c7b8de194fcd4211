import * as l10n from '@vscode/l10n';
import type { Block, Reading } from '../review/reader.js';
import { readSnapshot } from '../review/reader.js';
import { affirmed, type Concept } from '../review/concepts.js';
import { anchorFor, excerpt, headingOf, judgeable } from '../review/context.js';
import { DETECTION, FAILURE, MITIGATION } from '../review/vocabulary.js';
import type { Rule, RuleContext } from '../rule.js';

/**
 * Column headers (lower case) that hold how a failure is detected and what is done about it. The built-in schema's
 * failure-modes table check uses the same two patterns (a unit test keeps them equal), so a table the rule reads as
 * complete is never "without a Detection column" there.
 */
export const DETECT_COLUMN = /detect|signal|alert|monitor|symptom|how (?:we|you) (?:know|notice|see|spot|tell)|how it shows|shows up|noticed|observ|indicator|alarm/;
export const MITIGATE_COLUMN = /mitigat|response|fallback|fall back|recover|degrad|action|handling|handle|remediat|what happens|what (?:the )?[a-z]+ (?:gets?|sees?|does)|what we do|fix|plan|contingency|resolution|(?:system|fallback|degraded|failure) behaviou?r|^behaviou?r$/;
const FAILURE_COLUMN = /fail|risk|scenario|mode|issue|problem|event|what breaks|cause/;
const IMPACT_COLUMN = /impact|effect|user|consequence|severity|likelihood|probability/;
// A cell that says nothing: "-", "n/a", "TBD", "?".
const EMPTY = /^[\s\-–—?.]*$|^\s*(?:n\/?a|none|tbd|todo|unknown|tbc|to do|to be decided)\s*\.?\s*$/i;
/** A cell that says there is nothing: "no signal today", "nothing planned yet", "nothing yet, we would hear it from…". */
const NOTHING = /^\s*(?:nothing|no (?:signal|alert|alarm|detection|fallback|plan|mitigation)s?|not (?:yet|planned|detected|monitored)|none yet)\b/i;

interface Entry {
  block: Block;
  /** What the entry calls the failure, for messages (computed when one is written). */
  name: () => string;
  /** The entry names something that breaks (not a drawback, a question or a diagnosis step). */
  failure: boolean;
  detect: boolean;
  mitigate: boolean;
  /** True when a dedicated column is present but its cell is empty: a clear gap. */
  clear: boolean;
}

/**
 * Putting it off: "we'll monitor these after launch", "keep an eye on", "TBD", "re-embed later" say neither how nor what
 * ("keyed later" says when a paper form is typed in: "later" after such a participle puts nothing off).
 */
const PUT_OFF = /\b(?:after (?:the )?launch|once (?:it is |it's )?live|keep an eye on|we(?:'ll|’ll| will) (?:monitor|watch|look|see|handle|figure)|to be (?:decided|defined|determined)|tbd|(?<!\b(?:keyed|entered|typed|uploaded|synced|processed|sent|written|replayed|reconciled|posted|filed) )later)\b/;

/** True when the concept is written, and not negated ("no fallback") or put off, between document offsets [from, to) of the block. */
function said(reading: Reading, block: Block, from: number, to: number, concept: Concept): boolean {
  // Put off in its own clause: "…, batch scoring later, on-call gets paged" still says how the failure is noticed.
  return block.sentences.some((s) => s.end > from && s.start < to && concept.mentionsIn(reading, s).some((m) => m.start >= from && m.end <= to && m.polarity !== 'negated' && !PUT_OFF.test(m.clause.lower)));
}

/** A heading that announces failure modes in other words than the schema's ("What could go wrong", "Known issues"). */
const FAILURE_HEADING = /\bwhat (?:could|can|might|may|will) (?:go wrong|break|fail)|\bfailures?\b|\bfailure modes?\b|\bknown issues\b|\brisks?\b|\bwhat breaks\b|\bincidents?\b/;

/** What a table's columns hold when their headers do not say ("we see by", "then"): read from most of its rows. */
interface Roles {
  detect: Set<string>;
  mitigate: Set<string>;
}

/**
 * The columns of a failure table whose cells say how a failure is detected (or what then happens) in most rows, at
 * least two: the column's role, so a row whose cell there uses other words ("language ID") is read by it too.
 */
function inferRoles(reading: Reading, rows: readonly Block[]): Roles {
  const roles: Roles = { detect: new Set(), mitigate: new Set() };
  const columns = rows[0]?.columns?.slice(1) ?? [];
  for (const column of columns) {
    if (DETECT_COLUMN.test(column) || MITIGATE_COLUMN.test(column) || FAILURE_COLUMN.test(column) || IMPACT_COLUMN.test(column)) continue;
    for (const [role, concept] of [['detect', DETECTION], ['mitigate', MITIGATION]] as const) {
      const saying = rows.filter((b) => b.cells?.some((c) => c.column === column && said(reading, b, c.start, c.end, concept))).length;
      if (saying >= 2 && saying * 2 >= rows.length) roles[role].add(column);
    }
  }
  // A column that reads as both is left to each row's own words.
  for (const c of roles.detect) if (roles.mitigate.delete(c)) roles.detect.delete(c);
  return roles;
}

/** The entries of one table, each row read with the roles its columns have across the table. */
function readTable(reading: Reading, rows: readonly Block[]): Entry[] {
  const roles = inferRoles(reading, rows);
  return rows.map((b) => readRow(reading, b, roles));
}

function readRow(reading: Reading, b: Block, roles: Roles): Entry {
  const cells = b.cells ?? [];
  const name = (): string => excerpt(cells[0]?.text ?? b.text, 60);
  // Columns named for a role (their headers say so), and columns whose role is read from the table's rows.
  const namedDetect = cells.filter((c) => DETECT_COLUMN.test(c.column));
  const namedMitigate = cells.filter((c) => MITIGATE_COLUMN.test(c.column) && !DETECT_COLUMN.test(c.column));
  const detectCells = cells.filter((c) => namedDetect.includes(c) || (roles.detect.has(c.column) && !namedMitigate.includes(c)));
  const mitigateCells = cells.filter((c) => namedMitigate.includes(c) || (roles.mitigate.has(c.column) && !namedDetect.includes(c) && !detectCells.includes(c)));
  const other = cells.filter((c, i) => i > 0 && !FAILURE_COLUMN.test(c.column) && !IMPACT_COLUMN.test(c.column));
  let clear = false;
  // A cell of the role's own column counts when it says anything but "nothing"; the other columns (an inferred column
  // of the other role included: a "Runbook" column holds the alert and the fallback) count when they say it.
  const judge = (own: typeof cells, named: typeof cells, otherNamed: typeof cells, concept: Concept): boolean => {
    // ("Nothing immediately" under "What staff see" is an answer; under a column read from the rows it is not one.)
    if (own.some((c) => !EMPTY.test(c.text) && (named.includes(c) || !NOTHING.test(c.text)))) return true;
    if (own.length && own.every((c) => named.includes(c))) {
      clear = true;
      return false;
    }
    if (other.some((c) => !own.includes(c) && !otherNamed.includes(c) && said(reading, b, c.start, c.end, concept))) return true;
    // A column read from the rows, left empty or saying "nothing yet", is a gap as plain as an empty named one.
    if (own.length) clear = true;
    return false;
  };
  const detect = judge(detectCells, namedDetect, namedMitigate, DETECTION);
  const mitigate = judge(mitigateCells, namedMitigate, namedDetect, MITIGATION);
  // A table under a failure heading lists failures by construction.
  return { block: b, name, failure: true, detect, mitigate, clear };
}

function readItem(reading: Reading, b: Block): Entry {
  const t = b.text;
  // "Vector DB down: serve keyword search" — the failure, then what is done about it.
  const first = b.sentences[0];
  // A sentence of prose that lists failures ("The main risks are an outage, a surge of spam and a backlog.") names them,
  // and what follows it must say the rest.
  const listing = b.kind === 'paragraph' && !!first && (first.text.match(/,/g)?.length ?? 0) >= 2;
  const sep = listing ? null : /:\s|\s[—–-]\s|\s?(?:->|→|=>)\s?/.exec(t);
  let from = b.start + (sep ? sep.index + sep[0].length : 0);
  let nameEnd = sep ? b.start + sep.index : b.end;
  if (listing && first) {
    from = first.end;
    nameEnd = first.end;
  } else if (!sep && first && b.sentences.length === 1 && first.clauses.length <= 1 && first.text.split(/\s+/).length <= 12) {
    // A bare name ("Third-party data feed delays") says nothing about itself.
    from = b.end;
  }
  const name = (): string => excerpt((sep ? t.slice(0, sep.index) : t.slice(0, nameEnd - b.start)).trim().replace(/[.;:,]+$/, ''), 60);
  const failure = !b.sentences.every((s) => s.question) && b.sentences.some((s) => FAILURE.mentionsIn(reading, s).some((m) => m.start < nameEnd || !sep));
  // The signal is often written in an aside of the failure's name ("PPMS API not reachable (health check every minute):
  // …"); the name's own words ("latency spike", "timeout") are the failure, not how it is noticed.
  const asides = [...t.slice(0, Math.max(0, nameEnd - b.start)).matchAll(/\(([^()]*)\)/g)].map((m) => [b.start + (m.index ?? 0), b.start + (m.index ?? 0) + m[0].length] as const);
  const detect = said(reading, b, from, b.end, DETECTION) || asides.some(([s, e]) => said(reading, b, s, e, DETECTION));
  return { block: b, name, failure, detect, mitigate: said(reading, b, from, b.end, MITIGATION) || (!!sep && /[>→]/.test(sep[0]) && responds(reading, b, from)), clear: false };
}

/** Words after an arrow that say there is no answer: "→ nothing", "→ no fallback yet", "→ not handled" (not "→ no artifact is produced" or "→ nothing is published", which is what the system does; "→ no alert is sent" is a gap). */
const NO_ANSWER = /^\s*(?:nothing(?!\s+(?:is|are|gets?|will be)\s+(?:produced|published|pushed|written|released|deployed|promoted|shipped|created|generated|committed|applied|changed|touched|overwritten|uploaded|charged|built|exported|activated)\b)|no\b(?!(?:\s+[\w-]+){1,2}\s+(?:is|are|gets?|will be)\s+(?:produced|published|pushed|written|released|deployed|promoted|shipped|created|generated|committed|applied|changed|touched|overwritten|uploaded|charged|built|exported|activated)\b)|none|not (?:handled|covered|detected|planned|monitored|yet)|n\/a|tbd|\?)/i;

/**
 * What follows an arrow after a failure's name is what the system then does ("ranker down → series/author rules",
 * "provider timeout → after 8 s return the top passages"), unless it says there is nothing, puts it off, or only
 * says what goes wrong next ("→ users see errors").
 */
function responds(reading: Reading, b: Block, from: number): boolean {
  // A chain's later step can be the answer after a step that names no failure ("search finds nothing → no decision →
  // clerk queue"); after a step that names one, the rest is more of what goes wrong ("→ stale features → users get
  // irrelevant picks"). Real chains are short: a few steps are read.
  let at = from;
  for (let step = 0; step < MAX_STEPS; step++) {
    if (respondsAt(reading, b, at)) return true;
    const next = /\s?(?:->|→|=>)\s?/.exec(b.text.slice(at - b.start));
    if (!next || next.index === 0 || failureBetween(reading, b, at, at + next.index)) return false;
    at += next.index + next[0].length;
  }
  return false;
}

/** The steps of an arrow chain read for an answer. */
const MAX_STEPS = 8;

/** True when a failure is named, not negated, between two offsets of a block. */
function failureBetween(reading: Reading, b: Block, from: number, to: number): boolean {
  return b.sentences.some((s) => s.end > from && s.start < to && FAILURE.mentionsIn(reading, s).some((m) => m.start >= from && m.start < to && m.polarity !== 'negated'));
}

/** Whether the text from `from` (up to its first clause's end) answers the failure. */
function respondsAt(reading: Reading, b: Block, from: number): boolean {
  const rest = b.text.slice(from - b.start);
  // Put off as the answer itself ("→ handle later"); a later step after the answer ("…, only logged; batch scoring later") is part of it.
  if (!/[\p{L}]/u.test(rest) || NO_ANSWER.test(rest) || PUT_OFF.test(rest.split(/[;,]/)[0]?.toLowerCase() ?? '')) return false;
  // Only the answer's first clause: what it leads to after ", so" is its outcome ("→ cache keys include the model
  // version, so stale entries just miss").
  const head = b.sentences.flatMap((x) => x.clauses).find((c) => c.end > from);
  return !failureBetween(reading, b, from, head ? head.end : b.end);
}

/**
 * A list line that only says how things are watched ("fallback rate dashboard, alert > 2%"): no failure word, no name
 * before a colon or an arrow, nothing done; it names no failure of its own.
 */
function watchOnly(reading: Reading, e: Entry): boolean {
  const b = e.block;
  return !e.mitigate && !/:\s|\s?(?:->|→|=>)\s?|\s[—–-]\s/.test(b.text) && said(reading, b, b.start, b.end, DETECTION);
}

/** True when the block says how things are watched in words that name no failure ("alerts on", not "timeouts"). */
function watches(reading: Reading, b: Block): boolean {
  return b.sentences.some((s) => {
    const failures = FAILURE.mentionsIn(reading, s);
    return DETECTION.mentionsIn(reading, s).some((m) => m.polarity !== 'negated' && !failures.some((f) => f.start < m.end && m.start < f.end));
  });
}

export const redFlagFailureModes: Rule = {
  id: 'red-flag-failure-modes',
  description: 'Each failure mode says how it is detected and how the system degrades gracefully.',
  severity: 'review',
  check(ctx) {
    const { parsed } = ctx;
    if (!judgeable(ctx)) return;
    const reading = readSnapshot(parsed);
    // The failure-modes section, or a section that announces failures under another heading ("What could go wrong").
    const heading = headingOf(parsed, 'failure-modes') ?? parsed.headings.find((h) => !h.id && !h.duplicateOf && FAILURE_HEADING.test(h.text.toLowerCase()));
    if (!heading) {
      // No failure-modes section: the flag is raised only when nothing anywhere says what breaks and what then happens.
      if (affirmed(FAILURE.mentions(reading)) && affirmed(MITIGATION.mentions(reading))) return;
      report(ctx, { ...anchorFor(parsed, ['architecture']) }, l10n.t('Nothing in the design says what breaks'));
      return;
    }
    const blocks = reading.blocks.filter((b) => (heading.id ? b.section === 'failure-modes' : b.heading === heading));
    const rows = blocks.filter((b) => b.kind === 'row');
    const items = blocks.filter((b) => b.kind === 'item');
    const entries =
      rows.length || items.length
        ? [...items.map((b) => readItem(reading, b)), ...tables(rows).flatMap((t) => readTable(reading, t))].sort((a, b) => a.block.start - b.block.start)
        : blocks.filter((b) => b.kind === 'paragraph').map((b) => readItem(reading, b));
    // Under a failure heading, every list entry is a failure mode (it need not say "fails"); prose is read for failure words.
    // A line that only says how the system is watched ("alerts on error rate > 1 % and empty-shelf rate") is how the
    // failures around it that say what is then done are detected, even when it names what it watches for. A bare
    // failure beside it still says nothing about itself.
    const watching = entries.filter((e) => e.block.kind === 'item' && watchOnly(reading, e) && watches(reading, e.block));
    const failures = entries
      .filter((e) => !watching.includes(e) && (e.failure || (e.block.kind === 'item' && !e.block.sentences.every((x) => x.question))))
      .map((e) => (watching.length && e.mitigate && !e.clear ? { ...e, detect: true } : e));
    if (!failures.length) return;
    const reported = new Set<Entry>();
    const bare = failures.filter((e) => !e.detect && !e.mitigate);
    if (bare.length > 3) {
      // Many bare entries are one finding: the section lists failures without saying anything about them.
      for (const e of bare) reported.add(e);
      const names = bare.slice(0, 3).map((e) => `"${e.name()}"`).join(', ');
      report(ctx, { range: heading.range, section: 'failure-modes' }, l10n.t('{0} of the {1} failure modes ({2}…) say neither how they are detected nor how the system degrades', bare.length, failures.length, names));
    }
    for (const e of failures) {
      if (reported.has(e)) continue;
      const missing = (e.detect ? 0 : 1) + (e.mitigate ? 0 : 1);
      if (missing === 2 || (missing === 1 && e.clear)) {
        reported.add(e);
        const range = parsed.lines.range(e.block.start, e.block.end);
        const says =
          missing === 2
            ? l10n.t('Failure mode "{0}" does not say how it is detected or how the system degrades', e.name())
            : e.detect
              ? l10n.t('Failure mode "{0}" does not say how the system degrades', e.name())
              : l10n.t('Failure mode "{0}" does not say how it is detected', e.name());
        report(ctx, { range, section: 'failure-modes' }, says);
      }
    }
    for (const key of ['detect', 'mitigate'] as const) {
      const lacking = failures.filter((e) => !e[key] && !reported.has(e));
      if (failures.length >= 2 && lacking.length && lacking.length + [...reported].filter((e) => !e[key]).length === failures.length) {
        const says =
          key === 'detect'
            ? l10n.t('None of the {0} failure modes says how it is detected', failures.length)
            : l10n.t('None of the {0} failure modes says how the system degrades', failures.length);
        report(ctx, { range: heading.range, section: 'failure-modes' }, says);
      }
    }
  },
};

/** Table rows grouped by table: the reader gives every row of one table the same `columns` array. */
function tables(rows: readonly Block[]): Block[][] {
  const out: Block[][] = [];
  let columns: string[] | undefined;
  for (const b of rows) {
    if (b.columns !== columns || !out.length) out.push([]);
    out[out.length - 1]?.push(b);
    columns = b.columns;
  }
  return out;
}

/** Reports `what` (a translated sentence naming what is missing) with why reviewers ask and what is expected. */
function report(ctx: RuleContext, at: { range: import('../position.js').Range; section?: string }, what: string): void {
  ctx.report({
    ...at,
    message: l10n.t(
      '{0}; reviewers ask of every failure what signals it and what users get meanwhile, because a failure nobody detects lasts until users complain and one with no fallback becomes an outage; expected, per failure, a signal with a threshold ("TTFT p95 > 3 s for 5 min", "health check fails for 30 s") and the graceful degradation (fall back to a smaller model or keyword search, serve cached results, shed load).',
      what,
    ),
  });
}
