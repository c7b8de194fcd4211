import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { Window } from 'happy-dom';
import { defaultSchema, parseSnapshot } from '../../src/core/index.js';
import { ROOT } from './helpers.js';

type Mermaid = { initialize(c: object): void; parse(text: string): Promise<unknown> };
let mermaid: Mermaid;

before(async () => {
  // mermaid's parser reaches for a DOM (DOMPurify) even when it only parses: give it happy-dom's.
  const w = new Window();
  const g = globalThis as Record<string, unknown>;
  for (const k of ['window', 'document', 'navigator', 'Element', 'HTMLElement', 'SVGElement', 'DOMParser', 'MutationObserver', 'getComputedStyle']) {
    if (!(k in g)) g[k] = k === 'window' ? w : (w as unknown as Record<string, unknown>)[k];
  }
  mermaid = (await import('mermaid')).default as unknown as Mermaid;
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
});

test('templates: every template has an architecture diagram, and every mermaid block parses with the pinned mermaid', async () => {
  const files = readdirSync(`${ROOT}templates`).filter((f) => f.endsWith('.md'));
  assert.equal(files.length, 13);
  const failures: string[] = [];
  for (const f of files) {
    const { model } = parseSnapshot(readFileSync(`${ROOT}templates/${f}`, 'utf8'), defaultSchema().catalog);
    const blocks = Object.values(model.sections).flatMap((s) => s.code.filter((c) => c.lang === 'mermaid'));
    assert.ok(model.sections.architecture?.code.some((c) => c.lang === 'mermaid'), `${f}: architecture diagram`);
    for (const b of blocks) {
      try {
        await mermaid.parse(b.content);
      } catch (e) {
        failures.push(`${f}:${b.contentLine + 1}: ${(e as Error).message.split('\n')[0]}`);
      }
    }
  }
  assert.deepEqual(failures, []);
});

test('templates: the parser used above does reject a broken diagram (so the test can fail)', async () => {
  await assert.rejects(mermaid.parse('flowchart LR\n  a --> \n  b[unclosed'));
});
