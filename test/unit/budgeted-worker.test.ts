import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { BudgetedWorker, OverBudget } from '../../src/extension/budgeted-worker.js';
import { OVER_BUDGET } from '../../src/core/index.js';
import type { ExtensionLog } from '../../src/extension/log.js';

// A worker that answers "echo" at once and never answers "spin" (a loop no message can interrupt).
const dir = mkdtempSync(join(tmpdir(), 'ds-worker-'));
const file = join(dir, 'worker.cjs');
writeFileSync(
  file,
  `const { parentPort, threadId } = require('node:worker_threads');
   parentPort.on('message', (m) => { if (m === 'spin') for (;;) {} else parentPort.postMessage({ echo: m, threadId }); });`,
);

function logger(): ExtensionLog & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m: string) => lines.push(`info ${m}`), warn: (m: string) => lines.push(`warn ${m}`), error: (m: string) => lines.push(`error ${m}`) } as unknown as ExtensionLog & { lines: string[] };
}

test('budgeted worker: a request over its budget fails alone; the requests queued behind it are answered by a fresh worker', async () => {
  const log = logger();
  const worker = new BudgetedWorker<{ echo: string; threadId: number }>(file, 'test', 300, log, (m) => ({ value: m as { echo: string; threadId: number } }));
  try {
    const first = await worker.request('a');
    const spin = worker.request('spin');
    const after = worker.request('b');
    await assert.rejects(spin, (e: unknown) => e instanceof OverBudget && (e as Error).name === OVER_BUDGET && /longer than 0.3 s/.test((e as Error).message));
    const second = await after;
    assert.equal(second.echo, 'b');
    assert.notEqual(second.threadId, first.threadId, 'the stuck worker was ended and a new one started');
    assert.ok(log.lines.some((l) => /^warn A test request took longer than 0.3 s; ending the worker/.test(l)), log.lines.join('\n'));
  } finally {
    worker.dispose();
  }
});

test('budgeted worker: dispose rejects what is still waiting', async () => {
  const worker = new BudgetedWorker<unknown>(file, 'test', 10_000, logger(), (m) => ({ value: m }));
  const spin = worker.request('spin');
  const queued = worker.request('x');
  worker.dispose();
  await assert.rejects(spin, /stopped/);
  await assert.rejects(queued, /stopped/);
  await assert.rejects(worker.request('y'), /stopped/);
});
