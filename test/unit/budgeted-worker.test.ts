import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { BudgetedWorker, OverBudget } from '../../src/extension/budgeted-worker.js';
import { OVER_BUDGET } from '../../src/core/index.js';
import type { ExtensionLog } from '../../src/extension/log.js';
import type { WorkerPort } from '../../src/extension/platform.js';

// A worker that answers "echo" at once and never answers "spin" (a loop no message can interrupt).
const dir = mkdtempSync(join(tmpdir(), 'ds-worker-'));
const file = join(dir, 'worker.cjs');
writeFileSync(
  file,
  `const { parentPort, threadId } = require('node:worker_threads');
   parentPort.on('message', (m) => {
     if (m === 'spin') for (;;) {}
     if (m === 'slow') { const until = Date.now() + 800; while (Date.now() < until) {} }
     parentPort.postMessage({ echo: m, threadId });
   });`,
);

/** The desktop's worker port (src/extension/extension.ts does the same). */
const start = async (): Promise<WorkerPort> => {
  const w = new Worker(file);
  return { source: file, post: (m) => w.postMessage(m), onMessage: (fn) => void w.on('message', fn), onError: (fn) => void w.on('error', fn), terminate: () => void w.terminate() };
};

function logger(): ExtensionLog & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m: string) => lines.push(`info ${m}`), warn: (m: string) => lines.push(`warn ${m}`), error: (m: string) => lines.push(`error ${m}`) } as unknown as ExtensionLog & { lines: string[] };
}

test('budgeted worker: a request over its budget fails alone; the requests queued behind it are answered by a fresh worker', async () => {
  const log = logger();
  // The budget holds a fresh worker's start as well: 1.5 s leaves room for a thread to start on a loaded machine.
  const worker = new BudgetedWorker<{ echo: string; threadId: number }>(start, 'test', 1500, log, (m) => ({ value: m as { echo: string; threadId: number } }));
  try {
    const first = await worker.request('a');
    const spin = worker.request('spin');
    const after = worker.request('b');
    await assert.rejects(spin, (e: unknown) => e instanceof OverBudget && (e as Error).name === OVER_BUDGET && /longer than 1.5 s/.test((e as Error).message));
    const second = await after;
    assert.equal(second.echo, 'b');
    assert.notEqual(second.threadId, first.threadId, 'the stuck worker was ended and a new one started');
    assert.ok(log.lines.some((l) => /^warn A test request took longer than 1.5 s; ending the worker/.test(l)), log.lines.join('\n'));
  } finally {
    worker.dispose();
  }
});

test('budgeted worker: a worker that cannot start fails the request in hand; the next request tries again', async () => {
  let tries = 0;
  const flaky = async (): Promise<WorkerPort> => {
    if (tries++ === 0) throw new Error('no workers here');
    return start();
  };
  const log = logger();
  const worker = new BudgetedWorker<{ echo: string }>(flaky, 'test', 5000, log, (m) => ({ value: m as { echo: string } }));
  try {
    await assert.rejects(worker.request('a'), /no workers here/);
    assert.equal((await worker.request('b')).echo, 'b');
    assert.ok(log.lines.some((l) => /^error Could not start the test worker/.test(l)), log.lines.join('\n'));
  } finally {
    worker.dispose();
  }
});

test('budgeted worker: dispose rejects what is still waiting', async () => {
  const worker = new BudgetedWorker<unknown>(start, 'test', 10_000, logger(), (m) => ({ value: m }));
  const spin = worker.request('spin');
  const queued = worker.request('x');
  worker.dispose();
  await assert.rejects(spin, /stopped/);
  await assert.rejects(queued, /stopped/);
  await assert.rejects(worker.request('y'), /stopped/);
});

test('budgeted worker: an answer that cannot be read, or a start that throws at once, fails that request alone', async () => {
  let reads = 0;
  const worker = new BudgetedWorker<{ echo: string }>(start, 'test', 5000, logger(), (m) => {
    if (reads++ === 0) throw new Error('malformed');
    return { value: m as { echo: string } };
  });
  let throwing = true;
  const sync = new BudgetedWorker<{ echo: string }>(
    () => {
      if (throwing) throw new Error('at once');
      return start();
    },
    'test',
    5000,
    logger(),
    (m) => ({ value: m as { echo: string } }),
  );
  try {
    await assert.rejects(worker.request('a'), /answer could not be read: malformed/);
    assert.equal((await worker.request('b')).echo, 'b', 'the queue goes on');
    await assert.rejects(sync.request('a'), /could not start the test worker: at once/);
    throwing = false;
    assert.equal((await sync.request('b')).echo, 'b');
  } finally {
    worker.dispose();
    sync.dispose();
  }
});

test('budgeted worker: a worker that reports an error is ended, and the request in hand fails as a worker failure', async () => {
  const ports: Array<{ terminated: boolean; fail: (e: Error) => void }> = [];
  const fake = async (): Promise<WorkerPort> => {
    let onError: (e: Error) => void = () => undefined;
    const port = { terminated: false, fail: (e: Error) => onError(e) };
    ports.push(port);
    return { source: 'fake', post: () => setImmediate(() => port.fail(new Error('boom'))), onMessage: () => undefined, onError: (fn) => (onError = fn), terminate: () => void (port.terminated = true) };
  };
  const worker = new BudgetedWorker<unknown>(fake, 'test', 5000, logger(), (m) => ({ value: m }));
  try {
    await assert.rejects(worker.request('x'), (e: unknown) => (e as Error).name === 'WorkerFailure' && /the test worker failed: boom/.test((e as Error).message));
    assert.equal(ports[0]?.terminated, true);
  } finally {
    worker.dispose();
  }
});

test('budgeted worker: the start allowance is for the first request of a fresh worker only', async () => {
  const worker = new BudgetedWorker<{ echo: string }>(start, 'test', 300, logger(), (m) => ({ value: m as { echo: string } }), 5000);
  try {
    assert.equal((await worker.request('slow')).echo, 'slow', 'fresh: 800 ms fits 300 ms + the allowance');
    await assert.rejects(worker.request('slow'), (e: unknown) => e instanceof OverBudget && /longer than 0.3 s/.test((e as Error).message));
  } finally {
    worker.dispose();
  }
});
