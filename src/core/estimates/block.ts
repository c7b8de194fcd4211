import * as l10n from '@vscode/l10n';
import {
  absDependencies, addDependencies, cbrtDependencies, ceilDependencies, create, createUnitDependencies, divideDependencies, dotDivideDependencies,
  dotMultiplyDependencies, dotPowDependencies, eDependencies, expDependencies, fixDependencies, floorDependencies, formatDependencies,
  log10Dependencies, log2Dependencies, logDependencies, maxDependencies, minDependencies, modDependencies, multiplyDependencies,
  parseDependencies, piDependencies, powDependencies, roundDependencies, sqrtDependencies, subtractDependencies, toDependencies,
  unaryMinusDependencies, unaryPlusDependencies, unitDependencies, type FactoryFunctionMap, type MathJsInstance, type Unit,
} from 'mathjs';
import { Lru } from '../lru.js';
import { languageMark } from '../wording.js';

/** The value of one line of an ```estimate block, or why it has none. */
export interface BlockLine {
  /** 0-based line within the block's content. */
  line: number;
  /** Start and end of the line's text within the block's content line. */
  start: number;
  end: number;
  name?: string;
  /** The value as mathjs writes it, to four significant digits ("115.7 req/s", "20000000 req/day"). */
  display?: string;
  /**
   * The value and its unit at full precision, for showing it the way snapshots write numbers (see display.ts).
   * Read when something is shown, not while the block is evaluated: it costs nothing against the block's budget.
   */
  quantity?: () => { value: number; unit: string } | undefined;
  /** The expression as written, for hover. */
  expression: string;
  /** Why the line has no value; `expected` says what to write instead when the line is refused (not allowed, too large). */
  error?: { kind: 'unit' | 'parse'; message: string; expected?: string };
  /** Set when the line depends on a name whose line failed: not reported again. */
  dependsOnFailed?: string;
  /**
   * Set when the line is written as a reviewer's note rather than `name = expression` ("avg QPS = 6,000 ÷ 28,800 s
   * ≈ 0.2", "pods at peak = 4,000 ÷ 500 = 8 → 12 with headroom"): not evaluated here and never an error; its
   * arithmetic is checked as a calculation in the text is (scan.ts).
   */
  prose?: boolean;
  /**
   * A named note whose arithmetic uses names above it ("peak = avg * 3 ≈ 900 req/s"): the result it states and what
   * its arithmetic gives in the stated unit, offsets within the line, for estimate-mismatch to judge.
   */
  stated?: { text: string; start: number; end: number; value: number; computed: number; arithmetic: string };
}

/** `name = …` with a name an expression can use. */
const ASSIGNMENT = /^\s*([A-Za-z_]\w*)\s*=(?!=)\s*(.*)$/;
/** What only a note uses: a result stated after the arithmetic ("≈ 0.2", "= 8 → 12", "= 20 ≈ 21"), or a bound. */
const CHAIN = /[≈~∼→⇒≤≥]|->|=>|(?<![<>=!])=(?!=)/;
/** Words, not arithmetic: "up to 600 available properties per search". */
const WORDS = /(?:^|\s)(?!to\b)[A-Za-z]{2,}(?: (?!to\b)[A-Za-z]{2,}){2,}(?=\s|$|[,.;:)])/;
/** "~200 ms", "≈ 3 × avg": about a number, not a relation after one. */
const ABOUT = /(^\s*|[(*/+\-×÷]\s*)[~≈∼]\s*(?=\d)/g;

/**
 * True for a block line written as a note: a relation after a label that is not a name ("avg QPS =", "ingest: … ≈"),
 * or after a bare expression ("20M req/day ≈ 230 req/s"), or `name = expression` that goes on to state its result.
 * A bare expression (`20M req/day`) and `name = expression` are the block's own syntax, evaluated and reported as
 * always.
 */
export function proseLine(line: string): boolean {
  const text = stripComment(line).trim();
  const assign = ASSIGNMENT.exec(text);
  if (assign) return CHAIN.test((assign[2] ?? '').replace(ABOUT, '$1')) || WORDS.test(assign[2] ?? '');
  // Not a function ("f(x) = …") or matrix syntax: those are the block's to refuse by name.
  return CHAIN.test(text.replace(ABOUT, '$1')) && !/^\s*[A-Za-z_]\w*\(\s*[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*\s*\)\s*=|[[\]{}]/.test(text);
}

/**
 * The first result a named note states after arithmetic that uses names ("≈ 900 req/s" of "peak = avg * 3 ≈ 900 req/s"),
 * with what the arithmetic gives in its unit; undefined when the arithmetic is plain numbers (the text's own checker
 * reads those) or the stated result is not one quantity of the same kind.
 */
function statedResult(m: MathJsInstance, evaluate: (text: string) => unknown, line: string, before: string, v: number | Unit, scope: Map<string, unknown>): { text: string; start: number; end: number; value: number; computed: number } | undefined {
  if (!(before.match(/[A-Za-z_]\w*/g) ?? []).some((w) => scope.has(w))) return undefined;
  // The arithmetic as written ("qps × ~3" is read as "qps × 3"): no offsets to give when it is not found as it is.
  const found = line.indexOf(before);
  if (found < 0) return undefined;
  const at = found + before.length;
  const rest = line.slice(at);
  const rel = CHAIN.exec(rest);
  if (!rel) return undefined;
  const after = rest.slice(rel.index + rel[0].length);
  const next = CHAIN.exec(after.replace(ABOUT, (s) => ' '.repeat(s.length)));
  const raw = (next ? after.slice(0, next.index) : after).replace(/\(.*$/, '');
  const text = raw.trim();
  if (!text || !/^[~≈∼]?\s*[\d$]/.test(text)) return undefined;
  try {
    const s: unknown = evaluate(text);
    const start = at + rel.index + rel[0].length + raw.indexOf(text);
    if (typeof s === 'number' && typeof v === 'number') return { text, start, end: start + text.length, value: s, computed: v };
    if (m.isUnit(s) && m.isUnit(v) && (s as Unit).equalBase(v as Unit)) {
      const unit = (s as Unit).formatUnits();
      return { text, start, end: start + text.length, value: (s as Unit).toNumber(unit), computed: (v as Unit).toNumber(unit) };
    }
  } catch {
    // Not one quantity: nothing to compare.
  }
  return undefined;
}

/** The arithmetic of a note before the result it states ("avg * 3" of "peak = avg * 3 ≈ 900 req/s"). */
function noteExpression(expression: string): string {
  const bare = expression.replace(ABOUT, '$1');
  const at = CHAIN.exec(bare);
  return (at ? bare.slice(0, at.index) : bare).trim();
}

/** Cancels units that appear above and below ("tokens/s ÷ tokens/s/GPU" → GPU). */
function simplify(u: Unit): Unit {
  const s = (u as Unit & { simplify?: () => Unit }).simplify;
  return typeof s === 'function' ? s.call(u) : u;
}

/**
 * What an estimate line may call. Everything else mathjs offers (matrices, ranges, sets, config, createUnit,
 * import, evaluate, parse, simplify, derivative, rationalize…) is refused before evaluation: documents come from
 * any repository, and one document's line must never change how another's is read.
 */
export const ESTIMATE_FUNCTIONS: readonly string[] = ['round', 'ceil', 'floor', 'fix', 'abs', 'min', 'max', 'sqrt', 'cbrt', 'exp', 'log', 'log2', 'log10', 'pow', 'mod'];
const FUNCTIONS = new Set(ESTIMATE_FUNCTIONS);
/** Operators as mathjs names them: arithmetic, powers and unit conversion ("to", "in"). */
const OPERATORS = new Set(['add', 'subtract', 'multiply', 'divide', 'unaryMinus', 'unaryPlus', 'pow', 'mod', 'to', 'dotMultiply', 'dotDivide', 'dotPow']);

/** Budgets of one line and one block: beyond them a line is a finding, never a hang. */
export const ESTIMATE_LIMITS = {
  /** Characters of one line, comments excluded. */
  lineLength: 500,
  /** Nested brackets in one line. */
  depth: 16,
  /** Terms, operators and calls in one line. */
  nodes: 200,
  /** Lines of one block that are evaluated. */
  lines: 400,
  /** Milliseconds of evaluation per block. */
  blockMs: 1000,
  /** Characters of a displayed value. */
  display: 48,
} as const;

/** Why a line is refused before mathjs reads it, if it is. */
function overLimits(text: string): string | undefined {
  if (text.length > ESTIMATE_LIMITS.lineLength) return l10n.t('too large to evaluate: {0} characters (at most {1})', text.length.toLocaleString('en-US'), ESTIMATE_LIMITS.lineLength);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) {
      if (++depth > ESTIMATE_LIMITS.depth) return l10n.t('too deeply nested to evaluate: more than {0} brackets inside each other', ESTIMATE_LIMITS.depth);
    } else if (c === 41 || c === 93 || c === 125) depth--;
  }
  return undefined;
}

interface MathNode {
  type: string;
  fn?: MathNode | string;
  name?: string;
  value?: unknown;
  args?: MathNode[];
  content?: MathNode;
}

/** Why a parsed line is not an estimate mathjs may evaluate, if it is not (an explicit stack: no recursion a line can drive). */
function refused(root: MathNode): string | undefined {
  const stack: MathNode[] = [root];
  let count = 0;
  while (stack.length) {
    const n = stack.pop() as MathNode;
    if (++count > ESTIMATE_LIMITS.nodes) return l10n.t('too large to evaluate: more than {0} terms and operators', ESTIMATE_LIMITS.nodes);
    switch (n.type) {
      case 'ConstantNode':
        if (typeof n.value !== 'number') return typeof n.value === 'string' ? l10n.t('text in quotes is not allowed in an estimate') : l10n.t('{0} is not allowed in an estimate', String(n.value));
        break;
      case 'SymbolNode':
        break;
      case 'ParenthesisNode':
        if (n.content) stack.push(n.content);
        break;
      case 'OperatorNode':
        if (typeof n.fn !== 'string' || !OPERATORS.has(n.fn)) return l10n.t('the operator {0} is not allowed in an estimate', JSON.stringify((n as { op?: string }).op ?? n.fn));
        stack.push(...(n.args ?? []));
        break;
      case 'FunctionNode': {
        const fn = typeof n.fn === 'object' && n.fn.type === 'SymbolNode' ? n.fn.name : undefined;
        if (!fn || !FUNCTIONS.has(fn)) return fn ? l10n.t('{0} is not allowed in an estimate', `${fn}()`) : l10n.t('this call is not allowed in an estimate');
        stack.push(...(n.args ?? []));
        break;
      }
      case 'ArrayNode':
      case 'RangeNode':
      case 'IndexNode':
      case 'AccessorNode':
        return 'matrices, ranges and indexing are not allowed in an estimate';
      case 'FunctionAssignmentNode':
        return l10n.t('defining functions is not allowed in an estimate');
      case 'AssignmentNode':
        return l10n.t('one assignment per line: "name = expression"');
      default:
        // mathjs's name for the node ("assignment", "range") is code, not translated.
        return l10n.t('{0} expressions are not allowed in an estimate', n.type.replace(/Node$/, '').toLowerCase());
    }
  }
  return undefined;
}

/** What a refused line should hold instead. */
const ALLOWED = (): string => l10n.t('numbers, units, names defined above, + - * / ^ "to", and {0}', ESTIMATE_FUNCTIONS.join(', '));

/**
 * mathjs with the units design estimates use and only the functions they need; created on the first estimate
 * block, not at start-up. Shared by documents: nothing a line can call changes it (see refused()).
 */
function createMath(): MathJsInstance {
  const needed = {
    addDependencies, subtractDependencies, multiplyDependencies, divideDependencies, unaryMinusDependencies, unaryPlusDependencies,
    powDependencies, modDependencies, absDependencies, sqrtDependencies, cbrtDependencies, expDependencies, logDependencies,
    log2Dependencies, log10Dependencies, roundDependencies, ceilDependencies, floorDependencies, fixDependencies, minDependencies,
    maxDependencies, dotMultiplyDependencies, dotDivideDependencies, dotPowDependencies, unitDependencies, createUnitDependencies,
    toDependencies, parseDependencies, formatDependencies, piDependencies, eDependencies,
  };
  const factories: FactoryFunctionMap = {};
  for (const [name, deps] of Object.entries(needed)) {
    if (!deps) throw new Error(`mathjs did not provide ${name}`);
    Object.assign(factories, deps);
  }
  const m = create(factories, { number: 'number' });
  m.createUnit('req', { aliases: ['reqs', 'request', 'requests', 'query', 'queries', 'call', 'calls', 'msg', 'message', 'messages', 'event', 'events', 'txn', 'txns', 'transaction', 'transactions'] });
  m.createUnit('token', { aliases: ['tokens', 'tok', 'toks'] });
  m.createUnit('GPU', { aliases: ['GPUs', 'gpu', 'gpus'] });
  m.createUnit('user', { aliases: ['users', 'DAU', 'MAU'] });
  m.createUnit('doc', { aliases: ['docs', 'document', 'documents', 'page', 'pages', 'item', 'items', 'chunk', 'chunks', 'vector', 'vectors'] });
  m.createUnit('USD', { aliases: ['usd', 'dollar', 'dollars'] });
  // Rounding a quantity with units rounds its value in those units: ceil(7.2 GPU) = 8 GPU.
  const round = (fn: (x: number) => number, name: 'ceil' | 'floor' | 'round') => {
    const original = m[name] as (x: unknown) => unknown;
    return (x: unknown): unknown => {
      if (m.isUnit(x)) {
        const u = simplify(x as Unit);
        const units = u.formatUnits();
        if (!units) return fn(u.toNumber());
        const v = u.toNumber(units);
        return m.unit(fn(Math.abs(v - Math.round(v)) < 1e-9 ? Math.round(v) : v), units);
      }
      return original(x);
    };
  };
  m.import({ ceil: round(Math.ceil, 'ceil'), floor: round(Math.floor, 'floor'), round: round(Math.round, 'round') }, { override: true });
  return m;
}

/** Rewrites what authors type into what mathjs reads: 1M, 2.5k, 1,000, $2/hr, KB. */
export function normalize(expr: string): string {
  return expr
    .replace(/(\d)_(?=\d)/g, '$1')
    .replace(/\b(\d{1,3}(?:,\d{3})+)(?!\d)/g, (s) => s.replace(/,/g, ''))
    .replace(/\$\s*(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g, '$1 USD ')
    .replace(/\$/g, 'USD')
    // "~200 ms": about 200 ms.
    .replace(ABOUT, '$1')
    // The signs people type: "2 × 3", "6 ÷ 2", "5 − 1".
    .replace(/×/g, '*')
    .replace(/÷/g, '/')
    .replace(/−/g, '-')
    .replace(/(\d(?:\.\d+)?)(bn|[kKMBT])(?![\p{L}\d_])/gu, (_, n: string, s: string) => `${n}${{ k: 'e3', K: 'e3', M: 'e6', B: 'e9', bn: 'e9', T: 'e12' }[s] ?? ''}`)
    // A rate unit after a number or "to", never a variable that happens to be called qps.
    .replace(/(\d\s*|\bto\s+)(?:QPS|RPS|TPS)\b/g, '$1req/s')
    .replace(/\bKB\b/g, 'kB')
    .replace(/\bKiB\b/g, 'KiB');
}

/** Strips a trailing "# comment" or "// comment" (one pass, whatever the line holds). */
function stripComment(raw: string): string {
  const hash = raw.indexOf('#');
  const slashes = raw.indexOf('//');
  const cut = hash < 0 ? slashes : slashes < 0 ? hash : Math.min(hash, slashes);
  return cut < 0 ? raw : raw.slice(0, cut);
}

/** Caps a displayed value: a hover or inlay hint never carries more than a short line. */
function capped(s: string): string {
  return s.length > ESTIMATE_LIMITS.display ? `${s.slice(0, ESTIMATE_LIMITS.display - 1)}…` : s;
}

function display(m: MathJsInstance, v: number | Unit): string {
  if (typeof v === 'number') return capped(m.format(v, { precision: 4, lowerExp: -4, upperExp: 9 }));
  return capped(m.format(simplify(v), { precision: 4, lowerExp: -4, upperExp: 9 }).replace(/\s*\/\s*/g, '/').replace(/\s*\*\s*/g, '·'));
}

/** The number and the unit of a value, read from mathjs' full-precision text (units stay as mathjs simplified them). */
function valueAndUnit(m: MathJsInstance, v: number | Unit): { value: number; unit: string } | undefined {
  if (typeof v === 'number') return { value: v, unit: '' };
  const parts = /^(-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)\s*(.*)$/i.exec(m.format(simplify(v), { precision: 14 }));
  const value = Number(parts?.[1]);
  return parts && Number.isFinite(value) ? { value, unit: capped(parts[2] ?? '') } : undefined;
}

/** A line that cannot be evaluated for a reason of ours (not allowed, over a budget): what it says and what to write instead. */
class Refused extends Error {
  constructor(
    message: string,
    readonly expected: string,
  ) {
    super(message);
  }
}

/** Why a value that is neither a number nor a quantity is refused, for a message. */
function kindOf(m: MathJsInstance, v: unknown): string {
  if (typeof v === 'function') return l10n.t('the value is a function');
  if (typeof v === 'string') return l10n.t('the value is text');
  if (typeof v === 'boolean') return l10n.t('the value is true or false');
  if (m.isMatrix(v) || Array.isArray(v)) return l10n.t('the value is a matrix');
  if (m.isComplex(v)) return l10n.t('the value is a complex number');
  return l10n.t('the value is not a number');
}

type Compiled = { evaluate(scope: Map<string, unknown>): unknown };

/**
 * Evaluates ```estimate blocks top to bottom: `name = expression`, units
 * converted with `to`. One per engine: its caches (evaluated blocks by text,
 * compiled lines by text) are bounded and belong to that engine alone.
 */
export class EstimateEvaluator {
  #math: MathJsInstance | undefined;
  readonly #blocks = new Lru<string, BlockLine[]>(256);
  /** The language the cached blocks' refusals are worded in (see languageMark). */
  #language = -1;
  // Compiled expressions by text: editing one line of a block recompiles that line only.
  readonly #compiled = new Lru<string, Compiled>(2048);

  /** The line compiled, once it is known to hold only what an estimate may use. */
  #compile(m: MathJsInstance, text: string): Compiled {
    let c = this.#compiled.get(text);
    if (!c) {
      const over = overLimits(text);
      if (over) throw new Refused(over, l10n.t('a shorter line: split the calculation into named steps'));
      const node = m.parse(text) as unknown as MathNode & Compiled & { compile(): Compiled };
      const why = refused(node);
      if (why) throw new Refused(why, ALLOWED());
      c = node.compile();
      this.#compiled.set(text, c);
    }
    return c;
  }

  /** Forgets evaluated blocks (benchmarks use it to measure a block evaluated from scratch). */
  clear(): void {
    this.#blocks.clear();
  }

  /**
   * The value of each line of a block. A line that fails (unit mismatch, unknown
   * name, syntax) gets an error and does not stop the lines that do not depend on
   * it. Results are cached by block text: typing elsewhere never re-evaluates a block.
   */
  evaluate(content: string): BlockLine[] {
    const language = languageMark();
    if (language !== this.#language) {
      this.#blocks.clear();
      this.#language = language;
    }
    const hit = this.#blocks.get(content);
    if (hit) return hit;
    const m = (this.#math ??= createMath());
    const scope = new Map<string, unknown>();
    const failed = new Set<string>();
    const out: BlockLine[] = [];
    // The clock starts after the first line: its compile pays mathjs' warm-up, which a busy machine stretches past
    // any budget (the static limits above bound each line; this one is the backstop).
    let started: number | undefined;
    let evaluated = 0;
    let line = -1;
    for (const raw of content.split(/\r\n|\r|\n/)) {
      line++;
      const trimmed = stripComment(raw).trim();
      if (!trimmed) continue;
      const start = raw.indexOf(trimmed);
      const result: BlockLine = { line, start, end: start + trimmed.length, expression: trimmed };
      out.push(result);
      // Past a budget, the rest of the block is one finding on the first line not evaluated.
      const spent = started === undefined ? 0 : Date.now() - started;
      if (++evaluated > ESTIMATE_LIMITS.lines || spent > ESTIMATE_LIMITS.blockMs) {
        const message =
          spent > ESTIMATE_LIMITS.blockMs
            ? l10n.t('too large to evaluate: the block took over {0} ms; this line and the ones below it are not evaluated', ESTIMATE_LIMITS.blockMs)
            : l10n.t('too large to evaluate: the block has over {0} lines; this line and the ones below it are not evaluated', ESTIMATE_LIMITS.lines);
        result.error = { kind: 'parse', message, expected: l10n.t('a shorter block: split it into blocks per part of the system') };
        break;
      }
      const assign = trimmed.length <= ESTIMATE_LIMITS.lineLength ? ASSIGNMENT.exec(trimmed) : null;
      const name = assign?.[1];
      if (name) result.name = name;
      if (assign) result.expression = assign[2] ?? '';
      if (proseLine(trimmed)) {
        // A note: its stated result is checked as a calculation in the text is (scan.ts). A named note whose arithmetic
        // the block can evaluate ("peak = avg * 3 ≈ 900 req/s") gives its name that value, shown beside it, so the
        // lines below use what it computes, not what it states; otherwise a line that uses it waits on it quietly.
        result.prose = true;
        if (name) {
          try {
            const before = noteExpression(result.expression);
            const v: unknown = before ? this.#compile(m, normalize(before)).evaluate(scope) : undefined;
            if (typeof v !== 'number' && !m.isUnit(v)) throw new Error('no value');
            const stated = statedResult(m, (text) => this.#compile(m, normalize(text)).evaluate(scope), trimmed, before, v as number | Unit, scope);
            if (stated) result.stated = { ...stated, start: start + stated.start, end: start + stated.end, arithmetic: before };
            scope.set(name, v);
            giveValue(result, m, v as number | Unit);
          } catch {
            failed.add(name);
            scope.delete(name);
          }
        }
        continue;
      }
      try {
        const v: unknown = this.#compile(m, normalize(result.expression)).evaluate(scope);
        started ??= Date.now();
        if (typeof v !== 'number' && !m.isUnit(v)) throw new Refused(kindOf(m, v), l10n.t('a number or a quantity with units'));
        if (name) scope.set(name, v);
        giveValue(result, m, v as number | Unit);
      } catch (e) {
        if (name) failed.add(name);
        if (e instanceof Refused) {
          result.error = { kind: 'parse', message: e.message, expected: e.expected };
          continue;
        }
        const message = e instanceof Error ? e.message : String(e);
        const missing = /Undefined symbol (\w+)/.exec(message)?.[1];
        if (missing && failed.has(missing)) result.dependsOnFailed = missing;
        else result.error = { kind: /unit|Units do not match|dimension/i.test(message) && !missing ? 'unit' : 'parse', message: cappedMessage(message) };
      }
    }
    this.#blocks.set(content, out);
    return out;
  }
}

/** A line's value: shown beside it, and as a quantity when something asks (computed once). */
function giveValue(result: BlockLine, m: MathJsInstance, v: number | Unit): void {
  result.display = display(m, v);
  let q: ReturnType<typeof valueAndUnit> | null = null;
  result.quantity = () => (q ??= valueAndUnit(m, v));
}

/** mathjs' own messages can quote the whole line: kept to a readable length. */
function cappedMessage(message: string): string {
  return message.length > 200 ? `${message.slice(0, 199)}…` : message;
}
