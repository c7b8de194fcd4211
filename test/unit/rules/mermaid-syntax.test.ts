import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkMermaid } from '../../../src/core/index.js';
import { nodeMermaidParser } from '../../../src/core/node/mermaid-parser.js';
import { at, fixture } from '../helpers.js';

test('mermaid-syntax: valid diagrams (also with an init directive) and non-mermaid blocks pass', async () => {
  assert.deepEqual(await checkMermaid(fixture('rules/mermaid-syntax/ok.md'), await nodeMermaidParser()), []);
});

test('mermaid-syntax: each invalid diagram is reported at the Markdown line of its error, with mermaid\'s message', async () => {
  const found = await checkMermaid(fixture('rules/mermaid-syntax/not-ok.md'), await nodeMermaidParser());
  assert.deepEqual(found.map(at), ['12:1 warning', '24:1 warning']);
  assert.match(found[0]?.message ?? '', /^Mermaid cannot parse this diagram: Parse error on line 3/);
  assert.ok(found.every((f) => f.ruleId === 'mermaid-syntax'));
});

test('mermaid-syntax: errors in review, "off" silences it, and a document without diagrams never loads mermaid', async () => {
  const text = fixture('rules/mermaid-syntax/not-ok.md');
  const review = await checkMermaid(text.replace('status: draft', 'status: review'), await nodeMermaidParser());
  assert.ok(review.length === 2 && review.every((f) => f.severity === 'error'));
  assert.deepEqual(await checkMermaid(text, await nodeMermaidParser(), { severity: { 'mermaid-syntax': 'off' } }), []);
  let called = false;
  await checkMermaid('# No diagrams\n\n```text\nx\n```\n', async () => {
    called = true;
  });
  assert.equal(called, false);
});
