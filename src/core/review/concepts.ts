import type { Clause, Reading, Sentence } from './reader.js';
import { BoundedMap, cacheGeneration, reviewCache } from './caches.js';
import { PhraseMatcher } from './words.js';

/**
 * Concepts and what a document commits to about them. A concept is a set of
 * phrasings ("ways people write it"), matched case-insensitively on word
 * boundaries. Each match is a mention with a polarity read from its clause:
 * affirmed ("every answer cites retrieved passages"), negated ("the model
 * never answers from memory", "fine-tuning is out of scope", "instead of
 * fine-tuning") or only considered ("we considered fine-tuning", "V2: …",
 * "could", a question).
 *
 * Phrasing syntax: alternatives separated by "|"; a word ending in "*" matches
 * any ending ("retriev*"); a space or hyphen matches a space, hyphen or none
 * ("fine-tune" matches "fine tune" and "finetune"); a phrasing starting with
 * "re:" is a regular expression over lower-cased text (no "|" splitting), and
 * "re[word|other*]:" one tried only in sentences that hold one of those words. Parts joined by " & " must all appear in
 * the same sentence ("chargeback*|analyst decision* & retrain*|training").
 */

export type Polarity = 'affirmed' | 'negated' | 'considered';

/** One place a concept is written, and what the document commits to there (read on first use). */
export class Mention {
  readonly clause: Clause;
  /** Offsets of the matched words in the document. */
  readonly start: number;
  readonly end: number;
  #polarity: Polarity | undefined;
  #reasoned: boolean | undefined;

  constructor(clause: Clause, start: number, end: number) {
    this.clause = clause;
    this.start = start;
    this.end = end;
  }

  get polarity(): Polarity {
    return (this.#polarity ??= cachedPolarity(this.clause, this.start - this.clause.start, this.end - this.clause.start));
  }

  /** Canonical section id, if any. */
  get section(): string | undefined {
    return this.clause.sentence.block.section;
  }

  /** The sentence gives a reason ("because", "since", "so"), so a negation is a decision rather than a gap. */
  get reasoned(): boolean {
    // A colon gives a reason only after the mention ("Drift: not a concern, the model is hosted"); one before it labels
    // something else ("Frozen test set: … never used for training, … adjudicated").
    const s = this.clause.sentence;
    return (this.#reasoned ??= REASON.test(s.lower) || /:\s/.test(s.lower.slice(this.start - s.start)));
  }
}

const WORD = '[\\p{L}\\p{N}]';

function compileAlternative(alt: string): string {
  const a = alt.trim().toLowerCase();
  const tokens = a.split(/([\s-]+)/);
  let out = '';
  tokens.forEach((tok, i) => {
    if (i % 2 === 1) {
      out += tok.includes('-') && !/\s/.test(tok) ? '[\\s\\-]?' : '[\\s\\-]+';
      return;
    }
    const stem = tok.endsWith('*');
    const word = stem ? tok.slice(0, -1) : tok;
    out += word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    if (stem) out += `${WORD}*`;
    else if (i === tokens.length - 1 && /^[a-z]{3,}$/.test(word)) out = word.endsWith('y') ? `${out.slice(0, -1)}(?:y|ies)` : `${out}(?:s|es)?`;
  });
  const last = tokens[tokens.length - 1] ?? '';
  const lead = /^[\p{L}\p{N}]/u.test(a) ? `(?<!${WORD})` : '';
  const tail = last.endsWith('*') || !/[\p{L}\p{N}]$/u.test(a) ? '' : `(?!${WORD})`;
  return `${lead}(?:${out})${tail}`;
}

/** A named set of phrasings; its mentions in a reading are computed once. */
export class Concept {
  readonly id: string;
  readonly phrasings: readonly string[];
  readonly #single: PhraseMatcher | undefined;
  readonly #combos: PhraseMatcher[][];
  readonly #cache = new WeakMap<Reading, { all: Mention[]; bySentence: Map<Sentence, Mention[]> }>();
  readonly #scoped = new WeakMap<Reading, Map<string, { all: Mention[]; bySentence: Map<Sentence, Mention[]> }>>();

  constructor(id: string, phrasings: readonly string[]) {
    this.id = id;
    this.phrasings = phrasings;
    const single: string[] = [];
    this.#combos = [];
    for (const p of phrasings) {
      if (p.includes(' & ')) this.#combos.push(p.split(' & ').map((part) => sharedMatcher(part)));
      else single.push(p);
    }
    this.#single = single.length ? new PhraseMatcher(single, compileAlternative) : undefined;
  }

  /** Every mention of the concept in the document, in order. */
  mentions(reading: Reading): Mention[] {
    return this.#read(reading).all;
  }

  /**
   * True when some mention satisfies `test`, searching the phrasings part by part and stopping at the first that
   * does (a rule that asks "is it covered anywhere?" pays for the rest only when it is not).
   */
  some(reading: Reading, test: (m: Mention) => boolean): boolean {
    const full = this.#cache.get(reading);
    if (full) return full.all.some(test);
    const partial = (found: Map<number, Array<[number, number]>>): boolean => this.#mentionsOf(reading, found).all.some(test);
    if (this.#single) {
      const found = new Map<number, Array<[number, number]>>();
      for (const [si, from, to] of this.#single.find(reading)) {
        let list = found.get(si);
        if (!list) found.set(si, (list = []));
        list.push([from, to]);
      }
      if (partial(found)) return true;
    }
    for (const parts of this.#combos) {
      const found = new Map<number, Array<[number, number]>>();
      for (const [si, span] of comboMatches(reading, parts)) found.set(si, [span]);
      if (found.size && partial(found)) return true;
    }
    return false;
  }

  /** The mentions inside one canonical section (searched alone: the rest of the document is not read). */
  mentionsInSection(reading: Reading, section: string): Mention[] {
    return this.#section(reading, section).all;
  }

  /** The mentions inside one sentence of the reading (rules that read entry by entry); its section alone is searched. */
  mentionsIn(reading: Reading, s: Sentence): Mention[] {
    const section = s.block.section;
    return (section ? this.#section(reading, section) : this.#read(reading)).bySentence.get(s) ?? [];
  }

  #section(reading: Reading, section: string): { all: Mention[]; bySentence: Map<Sentence, Mention[]> } {
    let bySection = this.#scoped.get(reading);
    if (!bySection) this.#scoped.set(reading, (bySection = new Map()));
    let hit = bySection.get(section);
    if (!hit) {
      const full = this.#cache.get(reading);
      if (full) {
        // The whole document was read already: its mentions in the section are the answer.
        const all = full.all.filter((m) => m.section === section);
        hit = { all, bySentence: full.bySentence };
      } else {
        const only: number[] = [];
        reading.sentences.forEach((s, si) => {
          if (s.block.section === section) only.push(si);
        });
        hit = this.#compute(reading, only);
      }
      bySection.set(section, hit);
    }
    return hit;
  }

  #read(reading: Reading): { all: Mention[]; bySentence: Map<Sentence, Mention[]> } {
    let hit = this.#cache.get(reading);
    if (!hit) {
      hit = this.#compute(reading);
      this.#cache.set(reading, hit);
    }
    return hit;
  }

  /** Each sentence's spans (in order, overlaps dropped) by its text: a sentence read in an earlier version is not searched again. */
  readonly #spans = new BoundedMap<string, ReadonlyArray<readonly [number, number]>>(4096);
  #generation = cacheGeneration();

  #compute(reading: Reading, only?: readonly number[]): { all: Mention[]; bySentence: Map<Sentence, Mention[]> } {
    if (this.#generation !== cacheGeneration()) {
      this.#spans.clear();
      this.#generation = cacheGeneration();
    }
    const { sentences } = reading;
    const count = only ? only.length : sentences.length;
    const spansOf: Array<ReadonlyArray<readonly [number, number]> | undefined> = new Array(count);
    const misses: number[] = [];
    for (let k = 0; k < count; k++) {
      const si = only ? (only[k] as number) : k;
      const seen = this.#spans.get((sentences[si] as Sentence).lower);
      if (seen) spansOf[k] = seen;
      else misses.push(k);
    }
    if (misses.length) {
      const found = new Map<number, Array<[number, number]>>();
      const add = (si: number, from: number, to: number): void => {
        let list = found.get(si);
        if (!list) found.set(si, (list = []));
        list.push([from, to]);
      };
      // Every sentence new (a document opened): one pass over the word index; else the new sentences alone.
      const where = !only && misses.length === sentences.length ? undefined : misses.map((k) => (only ? (only[k] as number) : k));
      for (const [si, from, to] of this.#single?.find(reading, where) ?? []) add(si, from, to);
      for (const parts of this.#combos) for (const [si, [from, to]] of comboMatches(reading, parts, where)) add(si, from, to);
      for (const k of misses) {
        const si = only ? (only[k] as number) : k;
        const spans = ordered(found.get(si));
        spansOf[k] = spans;
        this.#spans.set((sentences[si] as Sentence).lower, spans);
      }
    }
    const hit: { all: Mention[]; bySentence: Map<Sentence, Mention[]> } = { all: [], bySentence: new Map() };
    for (let k = 0; k < count; k++) {
      const spans = spansOf[k] as ReadonlyArray<readonly [number, number]>;
      if (!spans.length) continue;
      const s = sentences[only ? (only[k] as number) : k] as Sentence;
      const list = mentionsAt(s, spans);
      hit.bySentence.set(s, list);
      for (const m of list) hit.all.push(m);
    }
    return hit;
  }

  #mentionsOf(reading: Reading, found: Map<number, Array<[number, number]>>): { all: Mention[]; bySentence: Map<Sentence, Mention[]> } {
    const hit: { all: Mention[]; bySentence: Map<Sentence, Mention[]> } = { all: [], bySentence: new Map() };
    for (const si of [...found.keys()].sort((x, y) => x - y)) {
      const s = reading.sentences[si] as Sentence;
      const list = mentionsAt(s, ordered(found.get(si)));
      hit.bySentence.set(s, list);
      hit.all.push(...list);
    }
    return hit;
  }
}

const NO_SPANS: ReadonlyArray<readonly [number, number]> = Object.freeze([]);

/** A sentence's matched spans in order, longest first where two start together, overlaps dropped. */
function ordered(spans: Array<[number, number]> | undefined): ReadonlyArray<readonly [number, number]> {
  if (!spans?.length) return NO_SPANS;
  spans.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  const out: Array<readonly [number, number]> = [];
  let lastEnd = -1;
  for (const span of spans) {
    if (span[0] < lastEnd) continue;
    lastEnd = span[1];
    out.push(span);
  }
  return out;
}

/** The mentions at a sentence's spans, each in the clause it starts in. */
function mentionsAt(s: Sentence, spans: ReadonlyArray<readonly [number, number]>): Mention[] {
  const list: Mention[] = [];
  for (const [from, to] of spans) {
    const start = s.start + from;
    const clause = s.clauses.find((c) => c.start <= start && start < c.end) ?? s.clauses[s.clauses.length - 1];
    if (clause) list.push(new Mention(clause, start, s.start + to));
  }
  return list;
}

/**
 * One matcher per distinct part of a combination: parts repeated across phrasings and concepts ("weekly|daily|…")
 * are searched once per sentence, their matches kept by sentence text like every matcher's.
 */
const partMatchers = new Map<string, PhraseMatcher>();
function sharedMatcher(part: string): PhraseMatcher {
  let m = partMatchers.get(part);
  if (!m) {
    m = new PhraseMatcher([part], compileAlternative);
    // Bounded: a schema's phrasings are few, but a long-running host may compile many schemas.
    if (partMatchers.size < 2048) partMatchers.set(part, m);
  }
  return m;
}

/** Sentences where every part of a combination is written, with where its first part is. */
function comboMatches(reading: Reading, parts: readonly PhraseMatcher[], only?: readonly number[]): Map<number, [number, number]> {
  // Every part must be written in the same sentence; the mention is where the first part is.
  let firsts: Map<number, [number, number]> | undefined;
  for (const part of parts) {
    const here = new Map<number, [number, number]>();
    // After the first part, only the sentences that hold every part so far are searched.
    for (const [si, from, to] of part.find(reading, firsts ? [...firsts.keys()] : only)) {
      const prev = here.get(si);
      if (!prev || from < prev[0]) here.set(si, [from, to]);
    }
    if (!firsts) firsts = here;
    else for (const si of [...firsts.keys()]) if (!here.has(si)) firsts.delete(si);
    if (!firsts.size) break;
  }
  return firsts ?? new Map();
}

/** The words a mention matched, as its clause writes them in lower case. */
export function mentionText(m: Mention): string {
  return m.clause.lower.slice(m.start - m.clause.start, m.end - m.clause.start);
}

/** True when some mention is affirmed. */
export function affirmed(ms: readonly Mention[]): Mention | undefined {
  return ms.find((m) => m.polarity === 'affirmed');
}

// Words that negate what follows them in the same clause.
const NEGATION =
  /(?<![\p{L}\p{N}])(?:no|not|never|without|none of|nor|neither|cannot|can't|can’t|won't|won’t|don't|don’t|doesn't|doesn’t|didn't|isn't|aren't|haven't|haven’t|hasn't|hasn’t|hadn't|have not|has not|had not|shouldn't|mustn't|do not|does not|did not|will not|is not|are not|must not|should not|avoid|avoids|avoiding|avoided|skip|skips|skipping|instead of|rather than|unlike|as opposed to|no longer|free of|zero|rejected|reject|rejects|excluding|excludes|exclude|ruled out|rule out|drop|drops|dropped|ditch|ditched|forgo|forgoes)(?![\p{L}\p{N}])/gu;
// Negation words that are something else: bounds and emphasis.
const NOT_NEGATION = /^(?:no|not) (?:more|less|later|earlier|longer|only|just|matter|exceed|fewer|slower|faster|higher|lower|worse|better|above|below|over|under)\b|^no-(?:op|code)\b|^(?:skip|skips|drop|drops)[- ](?:rate|rates|off|offs)\b|^zero[- ](?:shot|downtime|copy|trust|day)\b|^(?:dropped|skipped|rejected|excluded)\s*(?:or|and|\/)\s*(?:[a-z]+ed\b|$)|^dropped\s+(?:frames?|packets?|rows?|records?|events?|messages?|requests?|calls?|connections?|readings?)\b/;
// Cues whose scope is the short phrase after them, not the rest of the clause.
const SHORT_SCOPE = /^(?:instead of|rather than|unlike|as opposed to|avoid|avoids|avoiding|avoided|skip|skips|skipping|zero|free of|drop|drops|dropped|ditch|ditched|reject|rejects|rejected|exclude|excludes|excluding)$/;
// Where a negation's scope ends before the mention: a turn to another commitment.
// A colon or an arrow starts what follows a name ("model picks an action not in the runbook → logged").
const SCOPE_END =
  /:\s|\s(?:->|→|=>)\s|,\s*(?:and|then|so|instead|but|the|we|it|they|our|this|these|those|each|every|its|their)\b|\b(?:and|then)\s+(?:we|it|they|instead|use|uses|rely|relies|call|calls|retrieve|retrieves|cite|cites|ground|grounds|answer|answers|start|starts|route|routes|send|sends|serve|serves|keep|keeps|log|logs|run|runs|store|stores|fall|falls|return|returns|show|shows|ask|asks|check|checks|is|are|has|have)\b/u;
// After the mention: "X is out of scope", "X: none", "X is not needed".
const POST_NEGATION =
  /^[^;]{0,60}?(?:\b(?:is|are|was|were|will be|stays?|remains?|be|seems?)\s+(?:not|never)|\b(?:isn['’]t|aren['’]t|wasn['’]t|weren['’]t|won['’]t be)(?:\s+(?:really|actually|much|very|strictly|currently))?)\s*(?:a concern|an issue|a problem|a risk|applicable|relevant|needed|necessary|required|important|a priority)?\b|^[^;]{0,60}?\b(?:is|are|was|were|will be|stays?|remains?|be|seems?)\s+(?:out of scope|unnecessary|not necessary|a non-goal|deferred|postponed|dropped|rejected|ruled out|excluded|overkill|not needed)\b|^\s*[:=–—-]?\s*(?:none|n\/a|no|not planned|not needed|not yet)\b(?![\p{L}\p{N}])|^[^;]{0,60}?\b(?:has|have|had)(?:n['’]t|\s+not|\s+never)\s+been\s+(?:needed|necessary|required|a concern|an issue|a problem|a priority)\b|^[^;]{0,60}?\b(?:out of scope|non-goals?|not in scope|was rejected|were rejected|is rejected|are rejected|rejected|ruled out|not (?:planned|needed|required|used|supported|pursued))\b/u;
/** Where a subordinate clause (a condition, a relative clause on an object) begins after a mention. */
const SUBORDINATE = /\b(?:whose|where|when|whenever|if|unless|until)\b/;

/**
 * What follows a mention, as far as it speaks of the mention: an aside right after it is skipped ("Rollback, if a
 * release goes bad, is out of scope"), and a condition or relative clause that comes after the mention's own words
 * ends it ("a post-check rejects answers whose sections are not in the retrieved set"); one that starts at the mention
 * qualifies it ("Rollback when a release misbehaves is not planned").
 */
function ownPredicate(suffix: string): string {
  // "Input checks (blank pages, duplicates, unreadable scans) are not in v1": the list in brackets is the mention's own.
  const rest = suffix.replace(/^\s*,[^,;]*,/, ' ').replace(/^\s*\([^()]*\)/, ' ');
  const at = SUBORDINATE.exec(rest);
  if (!at || at[0] !== 'whose' && rest.slice(0, at.index).trim().split(/\s+/).filter(Boolean).length < 2) return rest;
  return rest.slice(0, at.index);
}
/** Where what follows a mention turns to another subject (", and a supplier…", ", but the model…", "; …"). */
const SUFFIX_TURN = /[,;]\s*(?:and|but|while|whereas)\s+(?:an?|the|each|every|any|some|its|their)\s|;\s/;
/** A sentence that measured or compared what it then set aside ("reached similar precision but cost 40× more"). */
const WEIGHED = /\b(?:reached|scored|compared|tried|tested|benchmarked|prototyped|spike|similar|better|worse|cheaper|costlier|slower|faster|more|less|than)\b/;
/** Later in the sentence, the choice of something else: "…, so we chose the classifier", "…; we went with BM25". */
const SET_ASIDE = /[,;]\s*(?:but\s+|so\s+|and\s+so\s+|therefore\s+|hence\s+)?(?:we|the team|i)\s+(?:chose|picked|went with|selected|settled on|opted for|stayed with|stuck with)\s+(?!(?:it|this|that|them|these|those|one)\b)/;
// Cues that a clause only weighs, defers or asks.
const CONSIDERED =
  /(?<![\p{L}\p{N}])(?:consider|considers|considered|considering|could|might|may|would|option|options|optional|optionally|alternative|alternatives|alternatively|evaluated|explored|explore|exploring|we looked at|we looked into|we investigated|weigh|weighed|weighing|parked|shelved|on the shelf|on hold|on the table|if needed|if necessary|only try|if required|if budget allows|whether|perhaps|possibly|maybe|potentially|later|eventually|future(?![\s-]+(?:timestamps?|dates?|dated|times?|values?|events?|demand|prices?|bookings?|sales|rows?|records?|pings?|readings?|transactions?|orders?))|(?<!(?:point|revert|back|switch|pin|roll|mov)[\p{L}-]*\s+(?:[\p{L}-]+\s+){0,2}?to\s+)(?:v2|v3)|phase 2|next phase|next version|next iteration|next quarter|roadmap|follow-up|revisit|tbd|tbc|to be decided|to be determined|to be defined|to be confirmed|open question|experiment with|prototype|figure out|can wait (?:until|till|for) (?:v2|v3|later|phase \w+|the next (?:phase|version|release|quarter)|we (?:have|run|see|need|get|scale|know))|figure it out|work out later|decide later|we['’]ll think about|we will think about|come back to it|not yet decided|(?<!\b(?:that|which|who) )will be (?:defined|decided|agreed|worked out|designed|specified|clarified|figured out)|once (?:the |it |this |that |we |things )?(?:[\p{L}-]+ )?(?:is|are|has|have|gets?) (?:stable|settled|mature|ready|in place|running smoothly|bedded in)|once we (?:pick|choose|select|have picked|have chosen))(?![\p{L}\p{N}])/u;
/** A sentence that opens with a label ruling out (group 1) or putting off (group 2) what follows its colon. */
const LABEL_BEFORE =
  /^\W*(?:(not (?:in|for|part of|planned|doing|now|included|covered)\b[^:;.]{0,30}|no plans? (?:for|to)\b[^:;.]{0,30}|out of scope|not in scope|non-goals?|excluded|won['’]t do|will not do|we won['’]t|we will not)|(later|v2|v3|phase (?:2|two)|future|next (?:phase|version|quarter)|tbd|to be decided|deferred|parked|open questions?))\s*:\s*$/;
/** A first sentence that is only "TBD." (or "To be decided.", "Not yet decided."). */
const UNDECIDED_OPENING = /^\W*(?:tbd|tbc|todo|to do|to be (?:decided|determined|defined|confirmed|agreed)|not (?:yet )?decided|undecided|pending)\W*$/;
/** Someone else's question reported, up to its comma ("when an employee asks whether something is reimbursable, the agent answers…"): no hedge of what follows. */
const ASKS_WHETHER = /\b(?:asks?|asked|asking|wonders?|enquires?|inquires?)\s+(?:us\s+|the \w+\s+)?(?:whether|if)\b[^,;]*,/g;
/** A counterfactual inside a relative clause, before the clause's own verb: "payments the model would decline are approved at random". */
const COUNTERFACTUAL_OBJECT = /\b(?:would|could|might)\s+[\p{L}-]+\s+(?:is|are|was|were)\b/gu;
// What follows a label when its entry is not decided: "Rollback: TBD", "Versioning: later", "Drift: n/a".
// An entry that opens by putting the decision off says so whatever follows: "Rollback: TBD with IT ops", "rollback: will
// figure out with the platform team before week 3".
const LABEL_UNDECIDED =
  /^\s*[:=–—-]\s*(?:(?:tbd|tbc|todo|to do|to be (?:decided|determined|defined|confirmed)|later|not yet|pending|unknown|open|n\/a|none|\?+)\s*(?:[.;!]|$)|(?:tbd|tbc|todo|to be (?:decided|determined|defined|confirmed|agreed|worked out)|not yet (?:decided|defined|agreed|designed|planned)|(?:we )?will (?:figure|work|sort) (?:it |this |that )?out|(?:we['’]ll|we will) (?:decide|define|agree)|(?:we['’]ll|we will) (?:think about|come back to|revisit)|(?:we['’]ll|we will) see(?=\s*(?:[.;,]|$)|\s+(?:how|whether|if|what|later))|will be (?:clearer|clear|known|decided|estimated|measured) (?:after|once|when|later)|undecided|open question)\b)/;
/** A label's short entry that ends by putting it off: ": to be handled in phase 2", ": later", ": next quarter". */
const LABEL_DEFERRED = /^\s*:\s*(?:[\p{L}-]+\s+){0,6}?(?:phase (?:2|two)|v2|v3|a later (?:phase|release|version|stage)|later|next (?:phase|version|quarter|year|release|iteration)|the future|future)\s*[.;!]?\s*$/u;
/** "We don't plan to track", "we won't monitor": the author saying the thing is not done (a regex source, shared with topic-missing). */
export const WE_DO_NOT = String.raw`we (?:don['’]t|do not|won['’]t|will not) (?:plan to |intend to |need to )?(?:track|monitor|measure|watch|do|add|build|run|keep|check|validate)(?![\p{L}\p{N}])`;
/** A label's entry that opens by ruling it out: ": not needed", ": none", ": out of scope", ": we don't plan to track …" (not a later "is not possible", nor ": no manual steps, …"). */
const LABEL_NEGATED = new RegExp(String.raw`^\s*:\s*(?:none|n\/a|not (?:needed|planned|required|necessary|a concern|an issue|a priority|applicable|relevant|in scope|doing)|out of scope|unnecessary|overkill|skipped|dropped|${WE_DO_NOT})(?![\p{L}\p{N}])`, 'u');
/** What limits a "not needed" to now: "not needed for v1", "not yet", "for the pilot". */
const FOR_NOW = /\b(?:for|in) (?:v1|the mvp|mvp|the pilot|now|the first (?:version|release|phase))\b|\byet\b/;
// Sub-headings and lead-ins that set the polarity of everything under them.
const NEGATED_CONTEXT = /out of scope|not in scope|will not|won't|excluded|rejected|not doing|descoped/;
/** A heading over what the document rules out ("Non-goals", "Out of scope"), not one that mixes goals and non-goals. */
const NEGATED_HEADING = /^[^\p{L}]*(?:non-?goals?|out of scope|not in scope|what we will not do|descoped|explicitly not in scope)\b[^\p{L}]*(?:\([^)]*\))?[^\p{L}]*$/u;
const CONSIDERED_CONTEXT = /alternatives?|options? considered|considered options|rejected options|future|later|v2|next steps|open questions?|risks|questions/;
const DEFERRING_SECTIONS = new Set(['evolution', 'open-questions']);
/** A heading of the evolution section that describes the launch itself ("Rollout and rollback", "Release plan"), not the future. */
const LAUNCH_HEADING = /\b(?:roll-?outs?|rollbacks?|roll-?backs?|launch(?:es|ing)?|releases?|releasing|deploy(?:s|ment|ments|ing)?|shipping|versioning|versions?|implementation|milestones?|timeline|go(?:ing|es)?[- ]live|cut-?over|migration|pilots?)\b/;
const FUTURE_HEADING = /\b(?:future|roadmap|next|later|v2|v3|evolution|possibilit|improvements?|enhancements?|scal(?:e|ing)|iterations?)\b/;

/** True when a block sits where the document puts off what it says (open questions, the roadmap), not in its launch plan. */
function deferring(block: Clause['sentence']['block']): boolean {
  if (!block.section || !DEFERRING_SECTIONS.has(block.section)) return false;
  if (block.section !== 'evolution') return true;
  const heading = block.heading?.text.toLowerCase() ?? '';
  return !(LAUNCH_HEADING.test(heading) && !FUTURE_HEADING.test(heading));
}
const V1 = /(?<![\p{L}\p{N}])(?:v1|v1\.0|mvp|launch|day one|initial(?:ly)?|first version|today|now)(?![\p{L}\p{N}])/u;
const REASON = /(?<![\p{L}\p{N}])(?:because|since|given|due to|so that|so|which means|as long as)(?![\p{L}\p{N}])/u;

/** Polarities by clause text (and what sets its context): a clause read in the last version is not read again. */
const polarities = reviewCache<string, Map<number, Polarity>>(4096);

function cachedPolarity(clause: Clause, from: number, to: number): Polarity {
  const b = clause.sentence.block;
  // The rest of the sentence matters too ("Rollback: TBD" and "Rollback: the previous model stays warm" share the
  // clause "rollback"; a choice later in the sentence sets an earlier mention aside; in the deferring sections "V1: …"
  // anywhere in it), so a clause short of its sentence is keyed by the sentence and where the clause starts in it.
  const own = clause.lower.length === clause.sentence.lower.length ? clause.lower : `${clause.start - clause.sentence.start}\u0000${clause.sentence.lower}`;
  // …and whether its paragraph opens with "TBD.".
  const text = UNDECIDED_OPENING.test(b.sentences[0]?.lower ?? '') ? `tbd\u0000${own}` : own;
  const key = b.subheading || b.leadIn || b.heading ? `${text}\u0000${b.section ?? ''}\u0000${b.subheading}\u0000${b.leadIn}\u0000${b.heading?.text ?? ''}\u0000${clause.sentence.question}` : `${text}\u0000${b.section ?? ''}\u0000${clause.sentence.question}`;
  let byOffset = polarities.get(key);
  if (!byOffset) polarities.set(key, (byOffset = new Map()));
  const at = from * 65536 + to;
  let p = byOffset.get(at);
  if (!p) {
    p = polarityOf(clause, from, to);
    byOffset.set(at, p);
  }
  return p;
}

/** What the clause commits to about the words at [from, to) (offsets within the clause). */
export function polarityOf(clause: Clause, from: number, to: number): Polarity {
  const lower = clause.lower;
  const prefix = lower.slice(0, from);
  const suffix = lower.slice(to);
  const block = clause.sentence.block;
  if (negatedBefore(prefix)) return 'negated';
  // A negation inside a condition or a relative clause after the mention is that clause's ("a post-check rejects
  // answers whose sections are not in the retrieved set"; "alerts when the feed is not fresh").
  if (POST_NEGATION.test(ownPredicate(suffix))) return 'negated';
  if (/\bover$/.test(prefix.trimEnd()) && /\b(?:chose|choose|chosen|prefer|preferred|picked|pick|favou?r|favou?red|go with|went with)\b/.test(prefix)) return 'negated';
  // "A prompted LLM reached similar precision but cost 40× more, so we chose the fine-tuned classifier": the mention
  // is the alternative the sentence weighed and set aside.
  if (SET_ASIDE.test(clause.sentence.lower.slice(clause.start - clause.sentence.start + to)) && WEIGHED.test(clause.sentence.lower)) return 'considered';
  // A label earlier in the sentence that rules out or puts off what follows it: "Not in v1: rollback and drift
  // monitoring", "Out of scope: fine-tuning", "Later: a second region".
  const label = clause.start > clause.sentence.start ? LABEL_BEFORE.exec(clause.sentence.lower.slice(0, clause.start - clause.sentence.start)) : null;
  if (label) return label[1] ? 'negated' : 'considered';
  // A lead-in's last sentence introduces the list ("… Mitigations:"); words earlier in its paragraph ("reports fraud
  // later") are about something else.
  const context = `${block.subheading} ${block.leadIn.slice(block.leadIn.search(/[^.!?]*$/))}`;
  if (NEGATED_CONTEXT.test(context) || NEGATED_HEADING.test(block.subheading) || (block.heading && NEGATED_HEADING.test(block.heading.text.toLowerCase()))) return 'negated';
  if (clause.sentence.question) return 'considered';
  // "Rollback: TBD.": a label whose entry says nothing is decided yet.
  const entry = clause.sentence.lower.slice(clause.end - clause.sentence.start);
  if (LABEL_UNDECIDED.test(entry)) return 'considered';
  // "Cold start: to be handled in phase 2." puts it off; "Rollback: not needed for v1" puts it off too, and
  // "Drift: not needed, the model is hosted" rules it out.
  if (/^\s*:/.test(entry)) {
    if (LABEL_DEFERRED.test(entry)) return 'considered';
    if (LABEL_NEGATED.test(entry)) return FOR_NOW.test(entry) ? 'considered' : 'negated';
  }
  // After the mention, a cue counts up to a turn to another subject ("invoice text is untrusted, and a supplier could
  // embed instructions in it": the supplier could, the text is untrusted all the same).
  if (CONSIDERED.test(prefix.replace(COUNTERFACTUAL_OBJECT, ' ').replace(ASKS_WHETHER, ' ')) || CONSIDERED.test(suffix.split(SUFFIX_TURN, 1)[0] ?? suffix)) return 'considered';
  if (CONSIDERED_CONTEXT.test(context)) return 'considered';
  // A paragraph that opens with "TBD." puts off everything in it ("TBD. We'll add checks on the export once the
  // pipeline is stable.").
  if (UNDECIDED_OPENING.test(block.sentences[0]?.lower ?? '')) return 'considered';
  if (deferring(block) && !V1.test(clause.sentence.lower)) return 'considered';
  return 'affirmed';
}

/** Negations that head a noun phrase rather than negate a predicate. */
const DETERMINER = /^(?:no|without|none of|zero|free of|nor|neither)$/;

/** Quoted text blanked, offsets kept: a negation inside a quotation ("Fits / Doesn't fit") is the quotation's. */
function unquoted(text: string): string {
  return text.includes('"') || text.includes('“') ? text.replace(/"[^"\n]*"|“[^”\n]*”/g, (q) => ' '.repeat(q.length)) : text;
}

function negatedBefore(raw: string): boolean {
  const prefix = unquoted(raw);
  NEGATION.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  let m: RegExpExecArray | null;
  while ((m = NEGATION.exec(prefix))) {
    if (NOT_NEGATION.test(prefix.slice(m.index))) continue;
    last = m;
  }
  if (!last) return false;
  const between = prefix.slice(last.index + last[0].length);
  // An aside "(…)" closed before the mention ends the scope too, and so does one holding the mention after a negated
  // predicate ("PPMS API not reachable (health check every minute)": the check is not negated). Tested with indexOf:
  // a pattern for it rescanned the rest of the text from every "(".
  if (SCOPE_END.test(between)) return false;
  const paren = between.indexOf('(');
  // A determiner's noun phrase goes on into an aside ("no monitoring of input distributions (feature drift, …)"), and so
  // does a negated verb's object ("we do not track the inputs over time (drift in prices)"); a short negated predicate
  // does not ("not reachable (health check every minute)").
  if (paren !== -1 && (between.lastIndexOf(')') > paren || (!DETERMINER.test(last[0]) && between.slice(0, paren).trim().split(/\s+/).length <= 2))) return false;
  const words = between.split(/\s+/).filter(Boolean).length;
  if (SHORT_SCOPE.test(last[0])) return !between.includes(',') && words <= 6;
  return words <= 12;
}
