import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../../src/core/index.js';
import { nodeMermaidParser } from '../../../src/node/mermaid-parser.js';
import { analyzeFile, at, fixture, memoryEngine } from '../helpers.js';

const engine = memoryEngine({}, { mermaid: nodeMermaidParser });
async function mermaidFindings(text: string, config: Record<string, string> = {}): Promise<Finding[]> {
  const e = Object.keys(config).length ? memoryEngine({ '/ws/.design-snapshot/config.json': JSON.stringify({ rules: config }) }, { mermaid: nodeMermaidParser }) : engine;
  const { findings } = await analyzeFile(e, '/ws/docs/design/doc.md', text);
  return findings.filter((f) => f.ruleId === 'mermaid-syntax');
}

test('mermaid-syntax: valid diagrams (also with an init directive) and non-mermaid blocks pass', async () => {
  assert.deepEqual(await mermaidFindings(fixture('rules/mermaid-syntax/ok.md')), []);
});

test('mermaid-syntax: each invalid diagram is reported at the Markdown line of its error, with mermaid\'s message', async () => {
  const found = await mermaidFindings(fixture('rules/mermaid-syntax/not-ok.md'));
  assert.deepEqual(found.map(at), ['12:1 warning', '24:1 warning']);
  assert.match(found[0]?.message ?? '', /^Mermaid cannot parse this diagram: Parse error on line 3/);
});

test('mermaid-syntax: errors in review, "off" in the config silences it, and a document without diagrams never loads mermaid', async () => {
  const text = fixture('rules/mermaid-syntax/not-ok.md');
  const review = await mermaidFindings(text.replace('status: draft', 'status: review'));
  assert.ok(review.length === 2 && review.every((f) => f.severity === 'error'));
  assert.deepEqual(await mermaidFindings(text, { 'mermaid-syntax': 'off' }), []);
  let loaded = false;
  const lazy = memoryEngine({}, { mermaid: async () => { loaded = true; return nodeMermaidParser(); } });
  await analyzeFile(lazy, '/ws/a.md', '# No diagrams\n\n```text\nx\n```\n');
  assert.equal(loaded, false);
});

test('mermaid-syntax: a verdict is cached by diagram text, so the next version reports it without waiting', async () => {
  const text = fixture('rules/mermaid-syntax/not-ok.md');
  const e = memoryEngine({}, { mermaid: nodeMermaidParser });
  const first = await e.analyze({ uri: '/ws/d.md', version: 1, text });
  assert.equal(first.findings.filter((f) => f.ruleId === 'mermaid-syntax').length, 0, 'the first version waits for the parser');
  assert.equal(first.pending, true);
  assert.equal((await first.allFindings()).filter((f) => f.ruleId === 'mermaid-syntax').length, 2);
  const second = await e.analyze({ uri: '/ws/d.md', version: 2, text: `${text}\nMore prose.\n` });
  assert.equal(second.findings.filter((f) => f.ruleId === 'mermaid-syntax').length, 2, 'known diagrams are reported at once');
  assert.equal(second.pending, false);
});
