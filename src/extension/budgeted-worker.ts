// Runs in the VS Code extension host: a worker that answers one request at a time, each within a time budget.
import { OVER_BUDGET } from '../core/index.js';
import type { ExtensionLog } from './log.js';
import type { WorkerPort } from './platform.js';

/** A request that ran past its budget: the worker was ended (it may be stuck in a loop) and a fresh one serves the rest. */
export class OverBudget extends Error {
  override readonly name = OVER_BUDGET;
  constructor(readonly budgetMs: number) {
    super(`took longer than ${budgetMs / 1000} s`);
  }
}

interface Job<Res> {
  payload: unknown;
  resolve: (r: Res) => void;
  reject: (e: unknown) => void;
}

/**
 * A worker started on first use. Requests queue and are sent one at a time: a request over its budget ends the
 * worker (JavaScript cannot interrupt a synchronous loop any other way), fails alone, and the next request starts a
 * fresh worker, so a slow input delays the others by at most the budget. A worker that fails or cannot start fails
 * the request in hand; the next one starts another.
 */
export class BudgetedWorker<Res> {
  #worker: Promise<WorkerPort> | undefined;
  #current: { job: Job<Res>; timer: ReturnType<typeof setTimeout> | undefined } | undefined;
  readonly #queue: Job<Res>[] = [];
  #disposed = false;

  constructor(
    readonly startWorker: () => Promise<WorkerPort>,
    readonly name: string,
    readonly budgetMs: number,
    readonly log: ExtensionLog,
    /** Reads the worker's answer: a value, or an error to reject with. */
    readonly read: (message: unknown) => { value: Res } | { error: unknown },
  ) {}

  request(payload: unknown): Promise<Res> {
    if (this.#disposed) return Promise.reject(new Error(`the ${this.name} worker was stopped`));
    return new Promise<Res>((resolve, reject) => {
      this.#queue.push({ payload, resolve, reject });
      this.#next();
    });
  }

  #start(): Promise<WorkerPort> {
    if (this.#worker) return this.#worker;
    const started = this.startWorker().then((w) => {
      this.log.info(`Started the ${this.name} worker (${w.source}).`);
      w.onMessage((m) => {
        if (started !== this.#worker) return;
        this.#settle((job) => {
          const r = this.read(m);
          if ('value' in r) job.resolve(r.value);
          else job.reject(r.error);
        });
      });
      w.onError((e) => {
        if (started !== this.#worker) return;
        this.log.error(`The ${this.name} worker failed; a fresh one serves the next request`, e);
        this.#worker = undefined;
        this.#settle((job) => job.reject(e));
      });
      if (this.#disposed) w.terminate();
      return w;
    });
    this.#worker = started;
    return started;
  }

  #settle(how: (job: Job<Res>) => void): void {
    const current = this.#current;
    if (!current) return;
    clearTimeout(current.timer);
    this.#current = undefined;
    how(current.job);
    this.#next();
  }

  #next(): void {
    if (this.#current || this.#disposed) return;
    const job = this.#queue.shift();
    if (!job) return;
    const current: { job: Job<Res>; timer: ReturnType<typeof setTimeout> | undefined } = { job, timer: undefined };
    this.#current = current;
    const worker = this.#start();
    worker.then(
      (w) => {
        if (this.#current !== current) return;
        w.post(job.payload);
        current.timer = setTimeout(() => {
          this.log.warn(`A ${this.name} request ${new OverBudget(this.budgetMs).message}; ending the worker, a fresh one serves the rest.`);
          if (this.#worker === worker) this.#worker = undefined;
          w.terminate();
          this.#settle((j) => j.reject(new OverBudget(this.budgetMs)));
        }, this.budgetMs);
      },
      (e: unknown) => {
        // Could not start (no worker support, its code unreadable): this request fails; the next one tries again.
        this.log.error(`Could not start the ${this.name} worker`, e);
        if (this.#worker === worker) this.#worker = undefined;
        if (this.#current === current) this.#settle((j) => j.reject(e));
      },
    );
  }

  dispose(): void {
    this.#disposed = true;
    if (this.#current) clearTimeout(this.#current.timer);
    for (const job of [...this.#queue, ...(this.#current ? [this.#current.job] : [])]) job.reject(new Error(`the ${this.name} worker was stopped`));
    this.#queue.length = 0;
    this.#current = undefined;
    void this.#worker?.then((w) => w.terminate(), () => undefined);
    this.#worker = undefined;
  }
}
