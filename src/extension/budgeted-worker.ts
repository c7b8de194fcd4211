// Runs in the VS Code extension host: a worker that answers one request at a time, each within a time budget.
import * as l10n from '@vscode/l10n';
import { OVER_BUDGET, WORKER_FAILURE } from '../core/index.js';
import type { ExtensionLog } from './log.js';
import type { WorkerPort } from './platform.js';

/** A request that ran past its budget: the worker was ended (it may be stuck in a loop) and a fresh one serves the rest. */
export class OverBudget extends Error {
  override readonly name = OVER_BUDGET;
  constructor(readonly budgetMs: number) {
    // Shown inside the core's messages (this document, this diagram was not checked: …), in the user's language.
    super(l10n.t('took longer than {0} s', budgetMs / 1000));
  }
}

/** The worker itself failed (could not start, crashed, was stopped): not a verdict on the input, so never cached. */
export class WorkerFailure extends Error {
  override readonly name = WORKER_FAILURE;
  constructor(message: string, cause?: unknown) {
    super(`${message}${cause === undefined ? '' : `: ${cause instanceof Error ? cause.message : String(cause)}`}`);
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
    /** Extra time for the first request on a fresh worker, when that request loads the worker's heavy code. */
    readonly startAllowanceMs = 0,
  ) {}

  request(payload: unknown): Promise<Res> {
    if (this.#disposed) return Promise.reject(new WorkerFailure(`the ${this.name} worker was stopped`));
    return new Promise<Res>((resolve, reject) => {
      this.#queue.push({ payload, resolve, reject });
      this.#next();
    });
  }

  #start(): Promise<WorkerPort> {
    if (this.#worker) return this.#worker;
    // Promise.resolve().then: a start function that throws at once fails like one that rejects.
    const started = Promise.resolve()
      .then(() => this.startWorker())
      .then((w) => {
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
        // A Web Worker keeps running after an uncaught error: it is ended either way.
        w.terminate();
        if (started !== this.#worker) return;
        this.log.error(`The ${this.name} worker failed; a fresh one serves the next request`, e);
        this.#worker = undefined;
        this.#settle((job) => job.reject(new WorkerFailure(`the ${this.name} worker failed`, e)));
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
    try {
      how(current.job);
    } catch (e) {
      // A malformed answer fails its request, never the queue behind it.
      current.job.reject(new WorkerFailure(`the ${this.name} worker's answer could not be read`, e));
    } finally {
      this.#next();
    }
  }

  #next(): void {
    if (this.#current || this.#disposed) return;
    const job = this.#queue.shift();
    if (!job) return;
    const fresh = !this.#worker;
    const worker = this.#start();
    // The budget runs from the moment the request is taken, starting the worker included (with an allowance for a
    // fresh one when the worker loads its code on the first request): a worker that never starts cannot hold the queue.
    const budget = this.budgetMs + (fresh ? this.startAllowanceMs : 0);
    const current: { job: Job<Res>; timer: ReturnType<typeof setTimeout> | undefined } = { job, timer: undefined };
    current.timer = setTimeout(() => {
      if (this.#current !== current) return;
      this.log.warn(`A ${this.name} request ${new OverBudget(budget).message}; ending the worker, a fresh one serves the rest.`);
      if (this.#worker === worker) this.#worker = undefined;
      void worker.then((w) => w.terminate(), () => undefined);
      this.#settle((j) => j.reject(new OverBudget(budget)));
    }, budget);
    this.#current = current;
    worker.then(
      (w) => {
        if (this.#current !== current) return;
        try {
          w.post(job.payload);
        } catch (e) {
          this.#settle((j) => j.reject(new WorkerFailure(`the ${this.name} worker did not take the request`, e)));
        }
      },
      (e: unknown) => {
        // Could not start (no worker support, its code unreadable): this request fails; the next one tries again.
        this.log.error(`Could not start the ${this.name} worker`, e);
        if (this.#worker === worker) this.#worker = undefined;
        if (this.#current === current) this.#settle((j) => j.reject(new WorkerFailure(`could not start the ${this.name} worker`, e)));
      },
    );
  }

  dispose(): void {
    this.#disposed = true;
    if (this.#current) clearTimeout(this.#current.timer);
    for (const job of [...this.#queue, ...(this.#current ? [this.#current.job] : [])]) job.reject(new WorkerFailure(`the ${this.name} worker was stopped`));
    this.#queue.length = 0;
    this.#current = undefined;
    void this.#worker?.then((w) => w.terminate(), () => undefined);
    this.#worker = undefined;
  }
}
