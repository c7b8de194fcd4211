import { all, create, type MathJsInstance, type Unit } from 'mathjs';
import { Lru } from '../lru.js';

/** The value of one line of an ```estimate block, or why it has none. */
export interface BlockLine {
  /** 0-based line within the block's content. */
  line: number;
  /** Start and end of the line's text within the block's content line. */
  start: number;
  end: number;
  name?: string;
  /** The value as shown in the editor ("115.7 req/s"). */
  display?: string;
  /** The expression as written, for hover. */
  expression: string;
  error?: { kind: 'unit' | 'parse'; message: string };
  /** Set when the line depends on a name whose line failed: not reported again. */
  dependsOnFailed?: string;
}

/** Cancels units that appear above and below ("tokens/s ÷ tokens/s/GPU" → GPU). */
function simplify(u: Unit): Unit {
  const s = (u as Unit & { simplify?: () => Unit }).simplify;
  return typeof s === 'function' ? s.call(u) : u;
}

/** mathjs with the units design estimates use; created on the first estimate block, not at start-up. */
function createMath(): MathJsInstance {
  if (!all) throw new Error('mathjs did not provide its function set');
  const m = create(all, { number: 'number' });
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
    .replace(/(\d(?:\.\d+)?)(bn|[kKMBT])(?![\p{L}\d_])/gu, (_, n: string, s: string) => `${n}${{ k: 'e3', K: 'e3', M: 'e6', B: 'e9', bn: 'e9', T: 'e12' }[s] ?? ''}`)
    // A rate unit after a number or "to", never a variable that happens to be called qps.
    .replace(/(\d\s*|\bto\s+)(?:QPS|RPS|TPS)\b/g, '$1req/s')
    .replace(/\bKB\b/g, 'kB')
    .replace(/\bKiB\b/g, 'KiB');
}

function display(m: MathJsInstance, v: unknown): string {
  if (typeof v === 'number') return m.format(v, { precision: 4, lowerExp: -4, upperExp: 9 });
  if (m.isUnit(v)) return m.format(simplify(v as Unit), { precision: 4, lowerExp: -4, upperExp: 9 }).replace(/\s*\/\s*/g, '/').replace(/\s*\*\s*/g, '·');
  return m.format(v, { precision: 4 });
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
  // Compiled expressions by text: editing one line of a block recompiles that line only.
  readonly #compiled = new Lru<string, Compiled>(2048);

  #compile(m: MathJsInstance, text: string): Compiled {
    let c = this.#compiled.get(text);
    if (!c) {
      c = m.compile(text) as Compiled;
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
    const hit = this.#blocks.get(content);
    if (hit) return hit;
    const m = (this.#math ??= createMath());
    const scope = new Map<string, unknown>();
    const failed = new Set<string>();
    const out: BlockLine[] = [];
    content.split(/\r?\n/).forEach((raw, line) => {
      const text = raw.replace(/\s*(?:#|\/\/).*$/, '');
      const trimmed = text.trim();
      if (!trimmed) return;
      const start = raw.indexOf(trimmed);
      const assign = /^([A-Za-z_][\w]*)\s*=(?!=)\s*(.*)$/.exec(trimmed);
      const name = assign?.[1];
      const expression = assign ? (assign[2] ?? '') : trimmed;
      const result: BlockLine = { line, start, end: start + trimmed.length, expression, ...(name ? { name } : {}) };
      try {
        const v: unknown = this.#compile(m, normalize(expression)).evaluate(scope);
        if (name) scope.set(name, v);
        result.display = display(m, v);
      } catch (e) {
        const message = (e as Error).message;
        const missing = /Undefined symbol (\w+)/.exec(message)?.[1];
        if (name) failed.add(name);
        if (missing && failed.has(missing)) result.dependsOnFailed = missing;
        else result.error = { kind: /unit|Units do not match|dimension/i.test(message) && !missing ? 'unit' : 'parse', message };
      }
      out.push(result);
    });
    this.#blocks.set(content, out);
    return out;
  }
}
