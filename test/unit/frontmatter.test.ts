import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { findFrontmatter, LineIndex, readFrontmatter } from '../../src/core/index.js';
import { parseMarkdown } from '../../src/core/parse.js';

/** What remark-frontmatter sees: the yaml node's value, or undefined when it finds no frontmatter. */
function remarkYaml(text: string): string | undefined {
  const first = parseMarkdown(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).children[0];
  return first?.type === 'yaml' ? first.value : undefined;
}

function ours(text: string): string | undefined {
  const b = findFrontmatter(text);
  return b ? text.slice(b.contentStart, b.contentEnd) : undefined;
}

const CASES = [
  '---\ntitle: x\n---\n# X\n',
  '---\r\ntitle: x\r\nstatus: draft\r\n---\r\n# X\r\n',
  '---\rtitle: x\r---\r# X\r',
  '\uFEFF---\ntitle: x\n---\n',
  '---\n---\n# empty\n',
  '---  \ntitle: x\n---\t\n',
  '---\ntitle: x\n',
  '---\ntitle: x\n----\n',
  ' ---\ntitle: x\n---\n',
  '# Title\n---\ntitle: x\n---\n',
  '---\n\n\ntitle: x\n\n---',
  '---\na: 1\n---\nb: 2\n---\n',
  '---title\n---\n',
  '',
  '---',
];

test('frontmatter: found exactly where remark-frontmatter finds it (fences, CRLF and CR, BOM, empty, unclosed)', () => {
  for (const text of CASES) assert.equal(ours(text), remarkYaml(text), JSON.stringify(text));
});

test('property: the frontmatter scanner agrees with remark on random documents', () => {
  const line = fc.constantFrom('---', '--- ', '----', 'title: x', 'a: [1, 2]', '', '# h', ' ---', 'x: "---"');
  const eol = fc.constantFrom('\n', '\r\n', '\r');
  fc.assert(
    fc.property(fc.array(fc.tuple(line, eol), { maxLength: 8 }), fc.boolean(), (parts, bom) => {
      const text = (bom ? '\uFEFF' : '') + parts.map(([l, e]) => l + e).join('');
      assert.equal(ours(text), remarkYaml(text), JSON.stringify(text));
    }),
    { numRuns: 2000 },
  );
});

test('frontmatter: fields with their ranges; a repeated key, an alias bomb and a non-mapping are errors, not exceptions', () => {
  const text = '---\ntitle: Fraud\nstatus: draft\n---\n# X\n';
  const fm = readFrontmatter(text, new LineIndex(text));
  assert.deepEqual(fm.data, { title: 'Fraud', status: 'draft' });
  assert.deepEqual(fm.info?.fields.get('status'), { start: { line: 2, character: 8 }, end: { line: 2, character: 13 } });
  const dup = '---\ntitle: a\nstatus: draft\ntitle: b\n---\n';
  assert.match(readFrontmatter(dup, new LineIndex(dup)).info?.error?.message ?? '', /"title" is repeated/);
  assert.equal(readFrontmatter(dup, new LineIndex(dup)).info?.error?.range.start.line, 3);
  const bomb = `---\na: &a x\nb: [${Array(150).fill('*a').join(', ')}]\n---\n`;
  assert.match(readFrontmatter(bomb, new LineIndex(bomb)).info?.error?.message ?? '', /alias/i);
  const list = '---\n- a\n- b\n---\n';
  assert.match(readFrontmatter(list, new LineIndex(list)).info?.error?.message ?? '', /not a mapping/);
});

test('frontmatter: past the size cap a block is reported, not parsed; below it thousands of keys are read (duplicates found in one pass)', () => {
  const many = `---\n${Array.from({ length: 40_000 }, (_, i) => `k${i}: ${i}`).join('\n')}\n---\n`;
  const fm = readFrontmatter(many, new LineIndex(many));
  assert.match(fm.info?.error?.message ?? '', /more than the 64 KB read/);
  const under = `---\n${Array.from({ length: 5_000 }, (_, i) => `k${i}: ${i}`).join('\n')}\n---\n`;
  const fm2 = readFrontmatter(under, new LineIndex(under));
  assert.equal(Object.keys(fm2.data).length, 5_000);
});
