import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { LineIndex, lintText, type Finding, type Range } from '../../src/core/index.js';
import { fixture } from './helpers.js';

/** Every range of a finding and its fix lies inside the text and runs forwards. */
function assertInside(text: string, findings: Finding[]): void {
  const lines = new LineIndex(text);
  const check = (r: Range, what: string): void => {
    for (const p of [r.start, r.end]) {
      assert.ok(p.line >= 0 && p.line < lines.lineCount, `${what}: line ${p.line} outside 0..${lines.lineCount - 1}`);
      const len = lines.lineEnd(p.line, text) - lines.lineStart(p.line);
      assert.ok(p.character >= 0 && p.character <= len, `${what}: character ${p.character} outside line ${p.line} (length ${len})`);
    }
    assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), `${what}: range runs backwards`);
  };
  for (const f of findings) {
    check(f.range, f.ruleId);
    for (const e of f.fix?.edits ?? []) check(e.range, `${f.ruleId} fix`);
    assert.notEqual(f.ruleId, 'internal-error', f.message);
  }
}

const fragments = [
  '---\n', 'title: x\n', 'status: review\n', 'pattern: rag\n', 'status: [\n', 'designSnapshot: true\n', '\uFEFF', '\r\n', '\r', '\n', '\n\n',
  '# Title\n', '## Requirements\n', '## Failure modes\n', '## Evaluation\n', '## 2. High-level design\n', '### Sub\n', '## \n',
  '- item 300 QPS\n', '  - nested p99 < 200 ms\n', '1. one\n', '> quote\n', '>>>> deep\n',
  '| Failure | Detection |\n| --- | --- |\n| a | b |\n', '| broken | table\n',
  '```mermaid\nflowchart LR\n a-->b\n```\n', '```\nunclosed\n', '~~~estimate\nx = 1\n~~~\n',
  '<!-- Guidance: x -->\n', '<!-- unclosed', '<number>', '<…>', '{{title}}', 'TODO ', 'TBD',
  '1M users × 10 req/day ÷ 86,400 s ≈ 115 QPS\n', '$2/hr × 3 = $6/hr\n', '10^7 × 1e6 ≈ 1e13\n', '99.9%', '\\*', '&amp;', '**bold', '[link](x)', '😀', '\u0000', '\t',
];

test('property: lint never throws and every range lies inside the document (Markdown-shaped input)', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 20 })), { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      assertInside(text, lintText(text));
    }),
    { numRuns: 400 },
  );
});

test('property: lint never throws on arbitrary strings, including binary-ish text', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
      assertInside(text, lintText(text));
    }),
    { numRuns: 300 },
  );
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
      const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
      assertInside(text, lintText(text));
    }),
    { numRuns: 200 },
  );
});

test('property: large and deep documents (1 MB, deep nesting, CRLF) lint without a crash', () => {
  const base = fixture('complete.md');
  const big = base.repeat(Math.ceil(1_000_000 / base.length));
  assert.ok(big.length >= 1_000_000);
  assertInside(big, lintText(big));
  const crlf = big.replace(/\n/g, '\r\n');
  assertInside(crlf, lintText(crlf));
  const quotes = `${'>'.repeat(5000)} deep\n`;
  assertInside(quotes, lintText(quotes));
  const lists = Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
  assertInside(lists, lintText(lists));
  const brackets = `${'['.repeat(20000)}x${']'.repeat(20000)}`;
  assertInside(brackets, lintText(brackets));
});
