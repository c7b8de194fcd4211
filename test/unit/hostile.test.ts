import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { costlyToParse, markdownTree, OVER_BUDGET, parseSnapshot, defaultSchema, WORKER_FAILURE, type Finding } from '../../src/core/index.js';
import { flattenDeepContainers, MAX_CONTAINER_MARKERS } from '../../src/core/parse.js';
import { HOSTILE_CASES, type HostileCase } from '../fixtures/hostile/cases.js';
import { analyzeFile, memoryEngine, ROOT } from './helpers.js';

// ---- Readers --------------------------------------------------------------------------------------------------

/** Depth of the deepest list or block quote in a tree. */
function containerDepth(tree: Root): number {
  let max = 0;
  const walk = (n: { type: string; children?: unknown[] }, d: number): void => {
    const here = n.type === 'list' || n.type === 'blockquote' ? d + 1 : d;
    max = Math.max(max, here);
    for (const c of n.children ?? []) walk(c as { type: string; children?: unknown[] }, here);
  };
  walk(tree, 0);
  return max;
}

test('hostile: lists and quotes nested past the cap read as text of the deepest one; offsets and shallow nesting unchanged', () => {
  const deep = Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
  const flat = flattenDeepContainers(deep);
  assert.equal(flat.length, deep.length, 'one space for one marker: every offset holds');
  const depth = containerDepth(markdownTree(deep));
  assert.ok(depth >= 60 && depth <= 70, `capped near column 128 (64 two-space levels), got ${depth}`);
  const oneLine = `${'- '.repeat(500)}x\n${'> '.repeat(500)}y`;
  assert.ok(containerDepth(markdownTree(oneLine)) <= MAX_CONTAINER_MARKERS + 1);
  const real = '- a\n  - b\n    - c\n      1. d\n         > e\n';
  assert.equal(flattenDeepContainers(real), real, 'real nesting is left alone');
  assert.equal(containerDepth(markdownTree(real)), 5);
});

test('hostile: whether a parse goes off the main thread: large documents and very long lines only', () => {
  assert.equal(costlyToParse('# A\n\nShort lines.\n'.repeat(100)), false);
  assert.equal(costlyToParse('x'.repeat(16 * 1024)), true);
  assert.equal(costlyToParse(`# A\n\n${'word '.repeat(250)}\n`), true);
});

test('hostile: a tree parsed elsewhere gives the same model; a parse over the host\'s budget leaves one finding and an empty model', async () => {
  const doc = `---\ntitle: Big\npattern: rag-assistant\nstatus: draft\n---\n\n# Big\n\n## Context\n${'Support agents answer 2,000 tickets a day. '.repeat(500)}\n`;
  assert.ok(costlyToParse(doc));
  const here = await analyzeFile(memoryEngine(), '/ws/a.md', doc);
  let calls = 0;
  const elsewhere = await analyzeFile(
    memoryEngine({}, {
      markdown: async (text) => {
        calls++;
        // What crosses a thread is a structured clone.
        return structuredClone(markdownTree(text));
      },
    }),
    '/ws/a.md',
    doc,
  );
  assert.equal(calls, 1);
  assert.deepEqual(elsewhere.findings, here.findings);
  const slow = Object.assign(new Error('took longer than 3 s'), { name: OVER_BUDGET });
  const over = await analyzeFile(memoryEngine({}, { markdown: () => Promise.reject(slow) }), '/ws/a.md', doc);
  assert.deepEqual(over.findings.map((f) => `${f.ruleId} ${f.severity} ${f.range.start.line}`), ['internal-error warning 0']);
  assert.match(over.findings[0]?.message ?? '', /^This document was not analyzed: reading its Markdown took longer than 3 s; every other document is linted as usual/);
  assert.equal(over.analysis.parsed.headings.length, 0, 'hovers, inlay hints and the preview see an empty document');
  const broken = await analyzeFile(memoryEngine({}, { markdown: () => Promise.reject(new Error('worker exited')) }), '/ws/a.md', doc);
  assert.deepEqual(broken.findings, here.findings, 'any other failure parses on the main thread');
});

test('hostile: property: the nesting cap keeps every offset and never touches a document without deep nesting', () => {
  const pieces = ['- ', '* ', '1. ', '> ', '  ', '\t', 'text', '\n', '\r', '\r\n', '`', '[', '](', '<A ', '#'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 400 }), (parts) => {
      const text = parts.join('');
      const out = flattenDeepContainers(text);
      assert.equal(out.length, text.length);
      for (let i = 0; i < text.length; i++) if (out[i] !== text[i]) assert.ok('-*+>.)0123456789'.includes(text[i] ?? '') && out[i] === ' ');
      parseSnapshot(text, defaultSchema().catalog);
    }),
    { numRuns: 300 },
  );
});

// ---- The corpus through the CLI --------------------------------------------------------------------------------

/** A snapshot with one known finding of its own: it must keep it beside any hostile file. */
const GOOD = `---\ntitle: Good\npattern: rag-assistant\nstatus: draft\n---\n\n# Good\n\n## Capacity estimates\n\n2,000 tickets/day × 3 questions = 9,000 questions/day.\n`;

interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (bin → dist) with a small heap: a case that exhausts memory aborts instead of swapping. */
function cli(cwd: string, args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=512', join(ROOT, 'bin/design-snapshot.js'), ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Generous: the machines are noisy. The budgets themselves are measured by `npm run bench`.
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

type Diagnostic = Pick<Finding, 'ruleId' | 'severity' | 'message'> & { line: number };
type Report = { files: Array<{ path: string; diagnostics: Diagnostic[] }> };

function workspace(c: HostileCase): { dir: string; hostile: string } {
  const dir = mkdtempSync(join(tmpdir(), `ds-hostile-${c.id}-`));
  const hostile = c.notSnapshot ? 'README.md' : 'hostile.md';
  writeFileSync(join(dir, hostile), c.doc);
  writeFileSync(join(dir, 'good.md'), GOOD);
  for (const [path, text] of Object.entries(c.files ?? {})) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, hostile };
}

test('hostile: every case of the corpus through the CLI: no abort, the expected finding, and the good file beside it keeps its own', async () => {
  const alone = await cli(workspace({ id: 'alone', what: '', doc: '' }).dir, ['lint', 'good.md', '--format', 'json']);
  const goodFindings = (JSON.parse(alone.stdout) as Report).files[0]?.diagnostics;
  assert.ok(goodFindings?.some((d) => d.ruleId === 'estimate-mismatch' && d.line === 11), 'the good file has findings of its own, its wrong estimate among them');
  const failures: string[] = [];
  // Two at a time: the cases are independent processes.
  const queue = [...HOSTILE_CASES];
  const runOne = async (c: HostileCase): Promise<void> => {
    const { dir, hostile } = workspace(c);
    // A README is found by discovery (no arguments), as in CI; snapshots are named.
    const run = await cli(dir, c.notSnapshot ? ['lint', '--format', 'json'] : ['lint', hostile, 'good.md', '--format', 'json']);
    const fail = (why: string): void => void failures.push(`${c.id} (${c.what}): ${why}; exit ${run.code ?? run.signal}; stderr: ${run.stderr.slice(0, 300)}`);
    if (run.signal || (run.code !== 0 && run.code !== 1 && !(run.code === 2 && c.files))) return fail('the run aborted');
    let report: Report;
    try {
      report = JSON.parse(run.stdout) as Report;
    } catch {
      return fail(`no JSON report (${run.stdout.slice(0, 200)})`);
    }
    const good = report.files.find((f) => f.path === 'good.md');
    // A custom schema judges the good file too: its findings are compared with its own run in that workspace.
    const expected = c.files ? (JSON.parse((await cli(dir, ['lint', 'good.md', '--format', 'json'])).stdout) as Report).files[0]?.diagnostics : goodFindings;
    if (JSON.stringify(good?.diagnostics) !== JSON.stringify(expected)) return fail(`good.md lost its findings: ${JSON.stringify(good?.diagnostics)}`);
    const mine = report.files.find((f) => f.path === hostile)?.diagnostics ?? [];
    if (c.notSnapshot && mine.length) return fail(`a README was reported: ${JSON.stringify(mine)}`);
    const internal = mine.filter((d) => d.ruleId === 'internal-error');
    if (internal.length && c.expect?.ruleId !== 'internal-error') return fail(`internal error: ${internal[0]?.message}`);
    const e = c.expect;
    if (e && !mine.some((d) => d.ruleId === e.ruleId && (e.line === undefined || d.line === e.line) && (!e.message || e.message.test(d.message)))) {
      return fail(`expected ${e.ruleId}${e.line ? ` at line ${e.line}` : ''}${e.message ? ` matching ${e.message}` : ''}, got ${JSON.stringify(mine.map((d) => `${d.ruleId}@${d.line}: ${d.message.slice(0, 100)}`))}`);
    }
  };
  await Promise.all(
    [0, 1].map(async () => {
      for (let c = queue.shift(); c; c = queue.shift()) await runOne(c);
    }),
  );
  assert.deepEqual(failures, []);
});

test('hostile: a diagram over the host\'s parse budget is information ("not checked"); the other diagrams are still checked', async () => {
  const doc = `---\ntitle: D\npattern: rag-assistant\nstatus: review\n---\n\n# D\n\n## Architecture\n\n\`\`\`mermaid\nflowchart LR\n  SLOW --> B\n\`\`\`\n\n\`\`\`mermaid\nflowchart LR\n  A --> \n\`\`\`\n`;
  const engine = memoryEngine({}, {
    mermaid: async () => async (diagram: string) => {
      if (diagram.includes('SLOW')) throw Object.assign(new Error('took longer than 5 s'), { name: OVER_BUDGET });
      if (/-->\s*$/m.test(diagram)) throw Object.assign(new Error('Parse error on line 2: ... got EOF'), { hash: { loc: { first_line: 2, last_line: 2, first_column: 0, last_column: 8 } } });
    },
  });
  const { findings } = await analyzeFile(engine, '/ws/d.md', doc);
  const mermaid = findings.filter((f) => f.ruleId === 'mermaid-syntax');
  assert.deepEqual(mermaid.map((f) => `${f.range.start.line + 1} ${f.severity}`), ['12 info', '18 error']);
  assert.match(mermaid[0]?.message ?? '', /^This diagram was not checked: mermaid's parser took longer than 5 s; the other diagrams are checked/);
});

test('hostile: a mermaid worker that fails is no verdict on the diagram: nothing is cached, and the next analysis checks it', async () => {
  const doc = `---\ntitle: D\npattern: rag-assistant\nstatus: review\n---\n\n# D\n\n## Architecture\n\n\`\`\`mermaid\nflowchart LR\n  A --> \n\`\`\`\n`;
  let calls = 0;
  const engine = memoryEngine({}, {
    mermaid: async () => async () => {
      if (calls++ === 0) throw Object.assign(new Error('could not start the mermaid-syntax worker'), { name: WORKER_FAILURE });
      throw Object.assign(new Error('Parse error on line 2: ... got EOF'), { hash: { loc: { first_line: 2, last_line: 2, first_column: 0, last_column: 8 } } });
    },
  });
  const first = await analyzeFile(engine, '/ws/d.md', doc);
  assert.deepEqual(first.findings.filter((f) => f.ruleId === 'mermaid-syntax'), [], 'no syntax error for a worker that failed');
  assert.match(first.findings.find((f) => f.ruleId === 'internal-error')?.message ?? '', /Rule mermaid-syntax failed on this document \(could not start/);
  const second = await analyzeFile(engine, '/ws/d.md', `${doc}\n`);
  assert.deepEqual(second.findings.filter((f) => f.ruleId === 'mermaid-syntax').map((f) => f.range.start.line + 1), [13]);
});
