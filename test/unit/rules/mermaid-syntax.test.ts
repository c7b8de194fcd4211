import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../../src/core/index.js';
import { nodeMermaidParser } from '../../../src/node/mermaid-parser.js';
import { analyzeFile, applyFix, at, fixture, memoryEngine } from '../helpers.js';

const engine = memoryEngine({}, { mermaid: nodeMermaidParser });
async function mermaidFindings(text: string, config: Record<string, string> = {}): Promise<Finding[]> {
  const e = Object.keys(config).length ? memoryEngine({ '/ws/.design-snapshot/config.json': JSON.stringify({ rules: config }) }, { mermaid: nodeMermaidParser }) : engine;
  const { findings } = await analyzeFile(e, '/ws/docs/design/doc.md', text);
  return findings.filter((f) => f.ruleId === 'mermaid-syntax');
}

test('mermaid-syntax: valid diagrams (also with an init directive) and non-mermaid blocks pass', async () => {
  assert.deepEqual(await mermaidFindings(fixture('rules/mermaid-syntax/ok.md')), []);
});

test('mermaid-syntax: each invalid diagram is reported in words where the fix goes, with mermaid\'s message kept as the detail', async () => {
  const text = fixture('rules/mermaid-syntax/not-ok.md');
  const found = await mermaidFindings(text);
  // The unclosed `[` of `db[(Database)` (line 12, column 13), and the message without its colon in the sequence
  // diagram whose own frontmatter mermaid strips before counting lines (line 24).
  assert.deepEqual(found.map(at), ['12:13 warning', '24:3 warning']);
  assert.equal(found[0]?.message, 'The `[` before `(Database)` is never closed; expected a `]` after `(Database)`.');
  assert.match(found[0]?.detail ?? '', /^Mermaid's own message: Parse error on line 3:/);
  assert.match(found[1]?.message ?? '', /no `:` before its text/);
  for (const f of found) assert.doesNotMatch(f.message, /Expecting|'[A-Z_]+'/, 'no parser token names');
});

test('mermaid-syntax: the quick fixes close the bracket and add the colon, and then mermaid accepts the diagrams', async () => {
  let text = fixture('rules/mermaid-syntax/not-ok.md');
  const found = await mermaidFindings(text);
  assert.deepEqual(found.map((f) => f.fix?.title), ['Close it with `]`', 'Insert `:` before the message text']);
  for (const f of [...found].reverse()) text = applyFix(text, f);
  assert.match(text, /api --> db\[\(Database\)\]/);
  assert.match(text, /B-->>A: ok/);
  assert.deepEqual(await mermaidFindings(text), []);
});

test('mermaid-syntax: a diagram in a list item is reported at its own columns, and its fix lands there', async () => {
  const text = '---\npattern: generic\n---\n# T\n\n- Flow:\n\n  ```mermaid\n  flowchart LR\n    a[Hello --> b\n  ```\n';
  const [f] = await mermaidFindings(text);
  assert.ok(f);
  assert.equal(at(f), '10:6 warning');
  assert.match(applyFix(text, f), /\n {4}a\[Hello\] --> b\n/);
});

test('mermaid-syntax: a missing diagram type is reported on the first line with a fix that adds one', async () => {
  const text = '---\npattern: generic\n---\n# T\n\n```mermaid\na --> b\n```\n';
  const [f] = await mermaidFindings(text);
  assert.ok(f);
  assert.equal(at(f), '7:1 warning');
  assert.equal(f.fix?.title, 'Start the diagram with `flowchart TD`');
  assert.deepEqual(await mermaidFindings(applyFix(text, f)), []);
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
