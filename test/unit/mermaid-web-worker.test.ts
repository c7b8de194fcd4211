// Runs in Node under node:test: the browser build's mermaid worker (dist/web/mermaid-worker.js, DOM-free, DOMPurify
// inert) gives the same verdict, and the same words, as the Node hosts' parser on happy-dom, diagram for diagram: the
// templates', Mermaid's own docs, real design docs, and each of those with a bracket, quote or arrow removed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { diagramBlocks, explainMermaidError, mermaidErrorDetails, parseSnapshot, defaultSchema, type MermaidErrorDetails } from '../../src/core/index.js';
import { nodeMermaidParser } from '../../src/node/mermaid-parser.js';
import { ROOT } from './helpers.js';
import { corpusBlocks, MERMAID_DOCS, mutations, REAL_DOCS } from './mermaid-mutations.js';

const WORKER = `${ROOT}dist/web/mermaid-worker.js`;

/**
 * Runs the worker's script in a fresh Node process with nothing but the Web Worker's messaging (no window, no
 * document: what a Web Worker has of a DOM), sends it every diagram, and returns what it posted back, by id.
 */
function inWorker(diagrams: string[]): Array<{ id: number; error?: MermaidErrorDetails }> {
  const script = `
    const vm = require('node:vm');
    const posted = [];
    globalThis.postMessage = (m) => posted.push(m);
    vm.runInThisContext(require('node:fs').readFileSync(${JSON.stringify(WORKER)}, 'utf8'));
    if (typeof document !== "undefined" || typeof Element !== "undefined") throw new Error("a DOM leaked in");
    const diagrams = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
    diagrams.forEach((diagram, id) => globalThis.onmessage({ data: { id, diagram } }));
    const wait = () => (posted.length < diagrams.length ? setTimeout(wait, 5) : process.stdout.write(JSON.stringify(posted)));
    wait();`;
  const run = spawnSync(process.execPath, ['-e', script], { input: JSON.stringify(diagrams), encoding: 'utf8', maxBuffer: 1 << 28, timeout: 300_000 });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as Array<{ id: number; error?: MermaidErrorDetails }>;
}

function templateDiagrams(): string[] {
  return readdirSync(`${ROOT}templates`)
    .filter((f) => f.endsWith('.md'))
    .flatMap((f) => diagramBlocks(parseSnapshot(readFileSync(`${ROOT}templates/${f}`, 'utf8'), defaultSchema().catalog)).map((d) => d.source));
}

test('web worker: the DOM-free parse agrees with the happy-dom parse on every corpus diagram and its mutations', { skip: !existsSync(WORKER) && 'dist/web/mermaid-worker.js is not built (npm run build)' }, async () => {
  const blocks = [...corpusBlocks(MERMAID_DOCS), ...corpusBlocks(REAL_DOCS)];
  const diagrams = [...templateDiagrams(), ...blocks.map((b) => b.source), ...blocks.flatMap((b) => mutations(b, 2).map((m) => m.source))];
  assert.ok(diagrams.length >= 13, `only ${diagrams.length} diagrams`);
  const posted = inWorker(diagrams);
  assert.equal(posted.length, diagrams.length, 'an answer for every diagram');
  const parse = await nodeMermaidParser();
  const differ: string[] = [];
  let invalid = 0;
  for (const { id, error } of posted) {
    const diagram = diagrams[id] ?? '';
    const expected = await parse(diagram).then(
      () => undefined,
      (e: unknown) => mermaidErrorDetails(e),
    );
    if (expected) invalid++;
    const words = (e: MermaidErrorDetails | undefined): string => (e ? explainMermaidError(e, diagram).message : 'valid');
    if (words(error) !== words(expected)) differ.push(`${diagram.slice(0, 60).replace(/\n/g, '⏎')}: worker "${words(error)}", node "${words(expected)}"`);
  }
  assert.ok(invalid > 0, 'the mutations include invalid diagrams, so errors are compared too');
  assert.deepEqual(differ, [], `${differ.length} of ${diagrams.length} diagrams differ`);
});
