import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultSchema, lintText, parseSnapshot } from '../../src/core/index.js';
import { fixture } from './helpers.js';

const catalog = defaultSchema().catalog;

test('model: sections keyed by canonical id, with lists, tables, code, numbers and calculations', () => {
  const { model } = parseSnapshot(fixture('complete.md'), catalog);
  assert.deepEqual(Object.keys(model.sections), ['problem', 'requirements', 'estimates', 'architecture', 'data-model', 'failure-modes', 'evaluation', 'safety', 'trade-offs']);
  const req = model.sections.requirements;
  assert.equal(req?.listItems.length, 3);
  assert.deepEqual(
    req?.numbers.filter((n) => n.unit).map((n) => `${n.value} ${n.unit}`),
    ['1.5 s', '99.9 %', '50 QPS'],
  );
  const fm = model.sections['failure-modes'];
  assert.deepEqual(fm?.tables[0]?.header, ['Failure', 'Detection', 'Mitigation', 'User impact']);
  assert.equal(fm?.tables[0]?.rows.length, 3);
  assert.equal(fm?.entries.length, 3);
  const arch = model.sections.architecture;
  assert.equal(arch?.code[0]?.lang, 'mermaid');
  assert.equal(arch?.code[0]?.contentLine, 23); // 0-based: the fence is on line 23 (1-based)
  assert.equal(model.sections.estimates?.calculations.length, 2);
  assert.equal(model.frontmatter.pattern, 'rag');
});

test('model: CRLF line endings and a BOM give the same findings at the same lines', () => {
  const text = fixture('rules/section-missing/not-ok.md');
  const plain = lintText(text).map((f) => `${f.range.start.line}:${f.range.start.character} ${f.ruleId}`);
  const crlf = lintText(text.replace(/\n/g, '\r\n')).map((f) => `${f.range.start.line}:${f.range.start.character} ${f.ruleId}`);
  assert.deepEqual(crlf, plain);
  const bom = lintText(`\uFEFF${text}`).map((f) => `${f.range.start.line} ${f.ruleId}`);
  assert.deepEqual(bom, plain.map((p) => p.replace(/:\d+/, '')));
});

test('model: numbers glued to names (p99, H100, GPT-4) are not quantities', () => {
  const { model } = parseSnapshot('# T\n\n## Requirements\n- GPT-4 on H100 at p99\n', catalog);
  assert.deepEqual(model.sections.requirements?.numbers, []);
});

test('model: a number in a wrapped line, after an escape or an entity, is placed where it is written', () => {
  const text = '# T\n\n## Context\n- AWS bill is ~$2.1M/month across 140 accounts, and\n  8\\* FinOps people &amp; 12 % idle.\n';
  const { model, lines } = parseSnapshot(text, catalog);
  const placed = (model.sections.problem?.numbers ?? []).map((n) => text.slice(lines.offsetAt(n.range.start), lines.offsetAt(n.range.end)));
  assert.deepEqual(placed, ['$2.1M/month', '140', '8', '12 %']);
});
