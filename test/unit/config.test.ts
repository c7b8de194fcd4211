import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { RULES, type ConfigOverrides } from '../../src/core/index.js';
import { analyzeFile, fixture, memoryEngine, ROOT } from './helpers.js';

const complete = fixture('complete.md');
const draft = fixture('rules/section-missing/not-ok.md');
const cfg = (value: unknown): string => JSON.stringify(value);

test('config: the nearest .design-snapshot/config.json up from a document wins', async () => {
  const engine = memoryEngine({
    '/ws/.design-snapshot/config.json': cfg({ rules: { 'section-missing': 'off' } }),
    '/ws/team/.design-snapshot/config.json': cfg({ rules: { 'section-missing': 'error' } }),
  });
  const outer = await analyzeFile(engine, '/ws/docs/design/a.md', draft);
  const inner = await analyzeFile(engine, '/ws/team/docs/design/a.md', draft);
  assert.equal(outer.findings.filter((f) => f.ruleId === 'section-missing').length, 0);
  assert.ok(inner.findings.filter((f) => f.ruleId === 'section-missing').every((f) => f.severity === 'error'));
  assert.equal(inner.analysis.context.config.source, '/ws/team/.design-snapshot/config.json');
  assert.equal(inner.analysis.context.config.base, '/ws/team');
});

test('config: rules, lengthBudget and estimates.tolerance apply as the CLI and the editor both read them', async () => {
  const engine = memoryEngine({
    '/ws/.design-snapshot/config.json': cfg({ rules: { 'section-order': 'off', 'placeholder-left': 'error' }, lengthBudget: 20, estimates: { tolerance: 0.5 } }),
  });
  const text = `${complete}\nTODO\n\n- Load: 100 × 10 = 1,300 req\n`;
  const { findings } = await analyzeFile(engine, '/ws/docs/design/a.md', text);
  assert.ok(findings.some((f) => f.ruleId === 'placeholder-left' && f.severity === 'error'));
  assert.ok(findings.some((f) => f.ruleId === 'length-budget' && /at most 20/.test(f.message)));
  // 1,300 is within 50 % of 1,000: no mismatch with this tolerance (there is one at the default 10 %).
  assert.ok(!findings.some((f) => f.ruleId === 'estimate-mismatch'));
  const { findings: defaults } = await analyzeFile(memoryEngine(), '/ws/docs/design/a.md', text);
  assert.ok(defaults.some((f) => f.ruleId === 'estimate-mismatch'));
});

test('config: settings the host layers over it win, per rule; what the host leaves unset keeps the file\'s value', async () => {
  const files = { '/ws/.design-snapshot/config.json': cfg({ rules: { 'section-missing': 'error', 'section-order': 'off' }, lengthBudget: 20 }) };
  const overrides: ConfigOverrides = { rules: { 'section-missing': 'info' } };
  const engine = memoryEngine(files, { config: () => overrides });
  const { analysis } = await analyzeFile(engine, '/ws/docs/design/a.md', draft);
  assert.deepEqual(analysis.context.config.rules, { 'section-missing': 'info', 'section-order': 'off' });
  assert.equal(analysis.context.config.lengthBudget, 20);
  assert.ok(analysis.findings.filter((f) => f.ruleId === 'section-missing').every((f) => f.severity === 'info'));
});

test('config: multi-root — each workspace folder has its own config and its own glob base', async () => {
  const engine = memoryEngine({
    '/a/.design-snapshot/config.json': cfg({ include: ['specs/**/*.md'], rules: { 'section-missing': 'off' } }),
    '/b/.design-snapshot/config.json': cfg({ include: ['rfcs/*.md'] }),
  });
  const plain = '# Notes\n\nSome prose.\n';
  const a = await engine.analyze({ uri: '/a/specs/x/one.md', version: 1, text: plain, root: '/a' });
  const b = await engine.analyze({ uri: '/b/rfcs/two.md', version: 1, text: plain, root: '/b' });
  const bNot = await engine.analyze({ uri: '/b/specs/x/three.md', version: 1, text: plain, root: '/b' });
  assert.equal(a.snapshot.isSnapshot, true, a.snapshot.reason);
  assert.equal(b.snapshot.isSnapshot, true, b.snapshot.reason);
  assert.equal(bNot.snapshot.isSnapshot, false, 'folder b does not include specs/');
  assert.equal(a.findings.filter((f) => f.ruleId === 'section-missing').length, 0);
  assert.ok(b.findings.some((f) => f.ruleId === 'section-missing'));
});

test('config: include and exclude decide by path; frontmatter decides first; README, index and CHANGELOG are excluded by default', async () => {
  const engine = memoryEngine();
  const plain = '# Notes\n\nSome prose.\n';
  const verdict = async (uri: string, text = plain) => (await engine.analyze({ uri, version: 1, text, root: '/ws' })).snapshot;
  assert.equal((await verdict('/ws/docs/design/x.md')).isSnapshot, true);
  for (const name of ['README.md', 'index.md', 'CHANGELOG.md', '.drafts/x.md', 'node_modules/pkg/x.md']) {
    assert.equal((await verdict(`/ws/docs/design/${name}`)).isSnapshot, false, name);
  }
  assert.equal((await verdict('/ws/notes/x.md')).isSnapshot, false);
  assert.equal((await verdict('/ws/notes/x.md', '---\npattern: rag\n---\n# X\n')).isSnapshot, true);
  assert.equal((await verdict('/ws/docs/design/README.md', '---\ndesignSnapshot: true\n---\n# X\n')).isSnapshot, true, 'declared in frontmatter: linted even when excluded');
  assert.equal((await verdict('/ws/docs/design/x.md', '---\ndesignSnapshot: false\n---\n# X\n')).isSnapshot, false, 'an explicit opt-out');
});

test('config: aliases add accepted headings per section; status maps a team\'s words onto stages', async () => {
  const engine = memoryEngine({
    '/ws/.design-snapshot/config.json': cfg({ aliases: { 'failure-modes': ['Things that break'] }, status: { Accepted: 'approved' } }),
  });
  const text = complete.replace('## Failure modes', '## Things that break').replace('status: review', 'status: accepted');
  const { findings, analysis } = await analyzeFile(engine, '/ws/docs/design/a.md', text);
  assert.ok(!findings.some((f) => f.section === 'failure-modes'), findings.map((f) => f.message).join('\n'));
  assert.equal(analysis.stage, 'approved');
  assert.equal(analysis.strict, true);
  assert.ok(!findings.some((f) => f.ruleId === 'frontmatter-field'), 'a mapped status word is a valid status');
  const gap = await analyzeFile(engine, '/ws/docs/design/b.md', text.replace('## Trade-offs', '## Musings'));
  assert.ok(gap.findings.some((f) => f.ruleId === 'section-missing' && f.severity === 'error'), 'approved: gaps are errors');
});

const BROKEN: Array<[string, string, RegExp]> = [
  ['bad JSON', '{ "rules": ', /^not valid JSON: /],
  ['an unknown key', cfg({ lenghtBudget: 10 }), /^unknown key "lenghtBudget"; expected rules, lengthBudget, estimates, include, exclude, aliases, status, topics$/],
  ['a wrong type', cfg({ lengthBudget: 'long' }), /^lengthBudget: expected an integer, not "long"$/],
  ['an unknown rule id', cfg({ rules: { 'section-ordr': 'off' } }), /^rules: unknown rule id "section-ordr"; expected one of frontmatter-invalid, /],
  ['an unknown severity', cfg({ rules: { 'section-order': 'loud' } }), /^rules\.section-order: expected one of "error", "warning", "info", "off", not "loud"$/],
  ['a tolerance out of range', cfg({ estimates: { tolerance: 3 } }), /^estimates\.tolerance: must be <= 1 \(3\)$/],
  ['include not a list', cfg({ include: 'docs/**/*.md' }), /^include: expected an array, not "docs\/\*\*\/\*\.md"$/],
  ['a status that is no stage', cfg({ status: { accepted: 'done' } }), /^status\.accepted: expected one of "draft", "review", "approved", "superseded", not "done"$/],
  ['an alias for an unknown section', cfg({ aliases: { 'failure-mode': ['Risks'] } }), /^aliases: unknown section id "failure-mode"; expected one of problem, /],
  ['not an object', '[1, 2]', /^the file: expected an object, not \[1,2\]$/],
];

for (const [name, text, message] of BROKEN) {
  test(`config: a broken config (${name}) is reported once with its file and the exact problem; the defaults keep linting`, async () => {
    const engine = memoryEngine({ '/ws/.design-snapshot/config.json': text });
    const first = await analyzeFile(engine, '/ws/docs/design/a.md', draft);
    const problem = first.analysis.context.config.problem;
    assert.equal(problem?.source, '/ws/.design-snapshot/config.json');
    assert.match(problem?.message ?? '', message);
    assert.equal(first.analysis.context.config.source, undefined, 'the broken file is not in force');
    // Never a silent pass: the defaults' findings are there.
    assert.equal(first.findings.filter((f) => f.ruleId === 'section-missing').length, 5);
  });
}

test('config: the shipped config schema lists exactly the registry\'s rule ids, and validates the README example', () => {
  const schema = JSON.parse(readFileSync(`${ROOT}schemas/config.schema.json`, 'utf8')) as { properties: { rules: { properties: Record<string, unknown> } } };
  assert.deepEqual(Object.keys(schema.properties.rules.properties), RULES.map((r) => r.id));
  const validate = new Ajv2020({ strict: true }).compile(schema);
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');
  const example = /<!-- config-example -->\s*```json\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(example, 'README has the config example');
  assert.ok(validate(JSON.parse(example)), JSON.stringify(validate.errors));
  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { contributes: { configuration: { properties: Record<string, { propertyNames?: { enum: string[] } }> } } };
  assert.deepEqual(pkg.contributes.configuration.properties['designSnapshot.lint.severity']?.propertyNames?.enum, RULES.map((r) => r.id));
});
