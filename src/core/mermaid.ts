import { Lru } from './lru.js';
import { mermaidErrorDetails, WORKER_FAILURE, type MermaidErrorDetails } from './mermaid-errors.js';

/** Parses one diagram; rejects with mermaid's own error (or its plain details) when the diagram is invalid. */
export type MermaidParse = (diagram: string) => Promise<unknown>;

/**
 * Why mermaid rejected a diagram: its message with what its parser reported (token, place, what it expected),
 * and the line (1-based, within the text mermaid parsed) the message names.
 */
export interface MermaidError extends MermaidErrorDetails {
  line?: number;
}

/** The line (1-based, within the text mermaid parsed) that an error names, if it names one. */
export function errorLine(error: unknown): number | undefined {
  const e = error as { hash?: { loc?: { first_line?: number; last_line?: number } }; message?: string };
  const fromMessage = /\bline (\d+)\b/i.exec(e?.message ?? '')?.[1];
  if (fromMessage) return Number(fromMessage);
  return e?.hash?.loc?.last_line;
}

/** Lines taken by a diagram's own YAML frontmatter, which mermaid strips before it parses. */
export function frontmatterLines(diagram: string): number {
  const m = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(diagram);
  return m ? m[0].split(/\r?\n/).length - 1 : 0;
}

/**
 * Mermaid's verdict on diagrams, cached by diagram text: an edit elsewhere in a
 * document re-parses nothing, and a diagram typed once is parsed once. The
 * parser is loaded on the first diagram; one checker per engine.
 */
export class MermaidChecker {
  readonly #load: () => Promise<MermaidParse>;
  #parser: Promise<MermaidParse> | undefined;
  readonly #verdicts = new Lru<string, MermaidError | null>(512);
  readonly #pending = new Map<string, Promise<MermaidError | null>>();

  constructor(load: () => Promise<MermaidParse>) {
    this.#load = load;
  }

  /** The verdict when this diagram was checked before: null when valid; undefined when not known yet. */
  cached(source: string): MermaidError | null | undefined {
    return this.#verdicts.get(source);
  }

  /** Parses the diagram (once for any number of concurrent callers) and remembers the verdict. */
  check(source: string): Promise<MermaidError | null> {
    const known = this.#verdicts.get(source);
    if (known !== undefined) return Promise.resolve(known);
    let p = this.#pending.get(source);
    if (!p) {
      p = (async (): Promise<MermaidError | null> => {
        const parse = await (this.#parser ??= this.#load());
        try {
          await parse(source);
          return null;
        } catch (e) {
          // The host's worker failed: no verdict on the diagram (rethrown below, nothing cached; the next edit retries).
          if ((e as { name?: unknown } | null)?.name === WORKER_FAILURE) throw e;
          const line = errorLine(e);
          return { ...mermaidErrorDetails(e), ...(line ? { line } : {}) };
        }
      })().then(
        (verdict) => {
          this.#verdicts.set(source, verdict);
          this.#pending.delete(source);
          return verdict;
        },
        (e: unknown) => {
          // The parser itself failed to load or crashed: nothing is cached, so the next edit tries again.
          this.#pending.delete(source);
          this.#parser = undefined;
          throw e;
        },
      );
      this.#pending.set(source, p);
    }
    return p;
  }
}
