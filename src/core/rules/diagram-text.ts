import * as l10n from '@vscode/l10n';
import type { DiagramBlock } from '../diagrams.js';
import { headingOf, tooLong } from '../review/context.js';
import { flowchartOf, type FlowNode } from '../review/diagram.js';
import { readSnapshot, type Reading } from '../review/reader.js';
import { sentenceWords } from '../review/words.js';
import { COMPONENTS } from '../review/vocabulary.js';
import type { Rule } from '../rule.js';

/** Words too general to tell components apart ("Service", "Store"); used only when a label has nothing better. */
const GENERIC = new Set(
  'service services server servers system systems layer layers module modules component components api apis app application data store stores storage database db dbs job jobs pipeline pipelines engine engines platform tool tools node nodes the a an and or of for to from with in on by per via new main core internal external online offline user users client clients request requests response responses'.split(' '),
);
/** Boxes for who uses the system rather than what it is made of: never asked about. */
const ACTOR_WORDS = 'user users client clients app apps application browser web mobile frontend front end ui caller callers customer customers employee employees agent agents developer developers analyst analysts reviewer reviewers human humans person people admin operator operators team teams internet external workstation terminal portal console desktop laptop phone device website site kiosk';
const ACTORS = new Set(ACTOR_WORDS.split(' ').map((w) => stem(w)));
const STOP = new Set('the a an and or of for to from with in on by per via as at is are be its their this that these those'.split(' '));

/** A light stem: plurals and "-ing" off ("indexes", "queries", "alerting"), nothing more, so "checker" stays apart from "check". */
export function stem(word: string): string {
  const w = word.toLowerCase();
  if (w.length <= 3 || w.endsWith('ss')) return w;
  if (w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (/(?:xes|ches|shes|ses)$/.test(w)) return w.slice(0, -2);
  if (/ing$/.test(w) && w.length >= 7) return w.slice(0, -3);
  return w.endsWith('s') ? w.slice(0, -1) : w;
}

function words(text: string): string[] {
  const out: string[] = [];
  for (const token of text.split(/[^\p{L}\p{N}]+/u)) {
    if (!token) continue;
    // "MmEmbeddingCacheManager" is one name and four words.
    const parts = token.replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2').split(' ');
    for (const w of parts.length > 1 ? [token, ...parts] : parts) {
      const lower = w.toLowerCase();
      if (lower && !STOP.has(lower)) out.push(lower);
    }
  }
  return out;
}

/** Letters and digits only, lower-cased: "vLLM" is inside "vLlmWorker". */
function compact(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * A box is mentioned when any word of its label (up to a colon) is written anywhere in the document's prose,
 * or its label's acronym is ("KB" for "knowledge base"). Only a box none of whose words appear is reported.
 */
function mentioned(keys: string[], text: Set<string>): boolean {
  return keys.some((k) => text.has(k));
}

/** The words of a node label that identify it: its distinctive words, else all of them. */
function keyWords(n: FlowNode): string[] {
  const ws = words(n.label.replace(/:.*$/, '')).filter((w) => !/^\d/.test(w));
  const distinctive = ws.filter((w) => !GENERIC.has(w));
  return (distinctive.length ? distinctive : ws).map(stem);
}

/** The stems of every prose word, plus the acronyms of consecutive words ("knowledge base" gives "kb"). */
function proseStems(reading: Reading): Set<string> {
  const out = new Set<string>();
  for (const { w: ws } of sentenceWords(reading)) {
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i] ?? '';
      if (!STOP.has(w)) out.add(stem(w));
      const b = ws[i + 1];
      if (b === undefined) continue;
      out.add(`${w[0]}${b[0]}`);
      const c = ws[i + 2];
      if (c !== undefined) out.add(`${w[0]}${b[0]}${c[0]}`);
    }
  }
  return out;
}

/** Prose words of the architecture section needed before the rule compares: a diagram alone is not contradicted by silence. */
const MIN_WORDS = 25;

export const diagramText: Rule = {
  id: 'diagram-text',
  description: 'The architecture diagram and its text name the same components: nothing drawn is never mentioned, nothing named is not drawn.',
  severity: 'info',
  check(ctx) {
    const { parsed } = ctx;
    const heading = headingOf(parsed, 'architecture');
    if (!heading || tooLong(ctx)) return;
    const diagrams = ctx.diagrams().filter((d) => d.startLine >= heading.range.start.line && parsed.lines.offsetAt({ line: d.startLine, character: 0 }) <= heading.contentEnd);
    const charts = diagrams.map((d) => ({ d, chart: flowchartOf(d) })).filter((c) => c.chart.nodes.length >= 2);
    if (!charts.length) return;
    const reading = readSnapshot(parsed);
    const archWords = reading.blocks.filter((b) => b.section === 'architecture').reduce((n, b) => n + b.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length, 0);
    if (archWords < MIN_WORDS) return;
    const text = proseStems(reading);
    // Drawn, never written: a node whose identifying words appear nowhere in the prose. Only when the text does
    // describe the diagram (it names most boxes), so the one it leaves out stands out rather than a style.
    for (const { d, chart } of charts) {
      const boxes = chart.nodes.filter((n) => !(n.label === n.id && n.id.length <= 3)).map((n) => ({ n, keys: keyWords(n) })).filter((b) => b.keys.length && !words(b.n.label).some((w) => ACTORS.has(stem(w))));
      const missing = boxes.filter((b) => !mentioned(b.keys, text));
      if (!missing.length || missing.length * 2 > boxes.length) continue;
      for (const { n } of missing) reportNode(ctx, d, n);
    }
    // Written, never drawn: a component the architecture text commits to that no label carries.
    const drawn = new Set<string>();
    const compacts: string[] = [];
    for (const { chart } of charts) {
      for (const l of chart.labels) {
        for (const w of words(l.text)) drawn.add(stem(w));
        compacts.push(compact(l.text));
      }
      for (const n of chart.nodes) {
        for (const w of words(n.id)) drawn.add(stem(w));
        compacts.push(compact(n.id));
      }
    }
    const said = new Set<string>();
    for (const m of COMPONENTS.mentionsInSection(reading, 'architecture')) {
      if (m.polarity !== 'affirmed') continue;
      const name = parsed.text.slice(m.start, m.end);
      const ws = words(name).map(stem);
      const distinctive = ws.filter((w) => !GENERIC.has(w));
      const key = compact(name);
      if ((distinctive.length ? distinctive : ws).some((w) => drawn.has(w)) || compacts.some((c) => c.includes(key)) || said.has(key)) continue;
      said.add(key);
      ctx.report({
        range: parsed.lines.range(m.start, m.end),
        section: 'architecture',
        message: l10n.t('The architecture text names "{0}", but the diagram does not draw it; reviewers read the diagram as the system, so a component only the text knows is easy to miss in review; expected it drawn with its connections, or the sentence changed if it is not part of the design.', name),
      });
    }
  },
};

function reportNode(ctx: Parameters<Rule['check']>[0], d: DiagramBlock, n: FlowNode): void {
  const { parsed } = ctx;
  const start = parsed.lines.lineStart(d.contentLine + n.line) + n.start;
  ctx.report({
    range: parsed.lines.range(start, start + (n.end - n.start)),
    section: 'architecture',
    message: l10n.t('The diagram draws "{0}", but the text never mentions it; reviewers ask what each box does and what happens when it fails; expected a line on its role in the architecture text, or the box removed if it is not part of the design.', n.label),
  });
}
