import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, memoryEngine } from './helpers.js';

const complete = fixture('complete.md');
const withBlock = `${complete}\n## Notes\n\n\`\`\`estimate\nusers = 1M\nqps = users * 10 req/day to req/s\n\`\`\`\n`;

test('analysis: every consumer of one version shares one Markdown parse and one YAML parse', async () => {
  const engine = memoryEngine();
  const doc = { uri: '/ws/docs/design/a.md', version: 1, text: withBlock };
  const a = await engine.analyze(doc);
  // What the diagnostics, status bar, preview, hover, inlay hints and HTML export each read.
  void a.snapshot;
  void a.findings;
  void a.requiredSections;
  void a.diagrams;
  void a.title;
  void a.estimateAnnotations;
  void (await a.allFindings());
  const again = await engine.analyze({ ...doc });
  assert.equal(again, a, 'the same version is the same analysis');
  void again.parsed;
  void again.frontmatter;
  assert.equal(engine.stats.markdownParses, 1);
  assert.equal(engine.stats.yamlParses, 1);
  assert.equal(engine.stats.analyses, 1);
  assert.ok(a.estimateAnnotations.length >= 2, 'the estimate block was evaluated');
});

test('analysis: a new version, or other text under the same version, is analyzed again', async () => {
  const engine = memoryEngine();
  const a = await engine.analyze({ uri: '/ws/a.md', version: 1, text: complete });
  void a.findings;
  const b = await engine.analyze({ uri: '/ws/a.md', version: 2, text: `${complete}\nMore.\n` });
  void b.findings;
  assert.notEqual(b, a);
  // A document reopened after a change on disk starts at version 1 again, with other text.
  const c = await engine.analyze({ uri: '/ws/a.md', version: 1, text: `${complete}\nOther.\n` });
  void c.findings;
  assert.notEqual(c, a);
  assert.equal(engine.stats.markdownParses, 3);
});

test('analysis: concurrent requests for one version share one analysis', async () => {
  const engine = memoryEngine();
  const doc = { uri: '/ws/a.md', version: 7, text: complete };
  const [x, y, z] = await Promise.all([engine.analyze(doc), engine.analyze(doc), engine.analyze(doc)]);
  assert.ok(x === y && y === z);
  assert.equal(engine.stats.analyses, 1);
});

test('analysis: the cache is bounded; the least recently used document is dropped first', async () => {
  const engine = memoryEngine({}, { maxDocuments: 3 });
  const text = complete;
  for (const n of [1, 2, 3]) await engine.analyze({ uri: `/ws/${n}.md`, version: 1, text });
  await engine.analyze({ uri: '/ws/1.md', version: 1, text }); // 1 is now the most recent
  await engine.analyze({ uri: '/ws/4.md', version: 1, text }); // drops 2
  assert.equal(engine.stats.analyses, 4);
  await engine.analyze({ uri: '/ws/1.md', version: 1, text });
  await engine.analyze({ uri: '/ws/3.md', version: 1, text });
  assert.equal(engine.stats.analyses, 4, '1 and 3 were kept');
  await engine.analyze({ uri: '/ws/2.md', version: 1, text });
  assert.equal(engine.stats.analyses, 5, '2 was dropped and is analyzed again');
});

test('analysis: deciding that a README is not a snapshot reads its frontmatter only, never its Markdown', async () => {
  const engine = memoryEngine();
  const a = await engine.analyze({ uri: '/ws/docs/design/notes/README.md', version: 1, text: '# Notes\n\nTODO: write\n' });
  assert.equal(a.snapshot.isSnapshot, false);
  assert.match(a.snapshot.reason, /matches exclude \*\*\/README\.md/);
  assert.equal(engine.stats.markdownParses, 0);
  assert.equal(engine.stats.yamlParses, 1);
});

test('analysis: forget() and invalidate() drop what was kept', async () => {
  const engine = memoryEngine();
  const doc = { uri: '/ws/a.md', version: 1, text: complete };
  await engine.analyze(doc);
  engine.forget(doc.uri);
  await engine.analyze(doc);
  engine.invalidate();
  await engine.analyze(doc);
  assert.equal(engine.stats.analyses, 3);
});

test('analysis: a rule that throws becomes an internal-error finding; the other rules still report', async () => {
  const engine = memoryEngine();
  const a = await engine.analyze({ uri: '/ws/a.md', version: 1, text: complete.replace('## Context', '## Contxt') });
  const broken = { id: 'boom', description: 'throws', severity: 'warning' as const, check: () => { throw new Error('kaboom'); } };
  const { Analysis } = await import('../../src/core/index.js');
  const b = new Analysis({ uri: '/ws/b.md', version: 1, text: a.text }, { ...a.context, rules: [...a.context.rules, broken] });
  const ids = b.findings.map((f) => f.ruleId);
  assert.ok(ids.includes('internal-error'));
  assert.match(b.findings.find((f) => f.ruleId === 'internal-error')?.message ?? '', /boom failed on this document \(kaboom\)/);
  assert.ok(ids.includes('section-missing'), 'the rules after it ran');
});
