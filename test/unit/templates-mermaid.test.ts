import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { defaultSchema, parseSnapshot, type MermaidParse } from '../../src/core/index.js';
import { nodeMermaidParser } from '../../src/node/mermaid-parser.js';
import { ROOT } from './helpers.js';

let parse: MermaidParse;

before(async () => {
  // The same parser the CLI and the editor use: mermaid on happy-dom, strict security.
  parse = await nodeMermaidParser();
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
        await parse(b.content);
      } catch (e) {
        failures.push(`${f}:${b.contentLine + 1}: ${(e as Error).message.split('\n')[0]}`);
      }
    }
  }
  assert.deepEqual(failures, []);
});

test('templates: the parser used above does reject a broken diagram (so the test can fail)', async () => {
  await assert.rejects(parse('flowchart LR\n  a --> \n  b[unclosed'));
});
