import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SCHEMA_ID, type Engine } from '../../src/core/index.js';
import { analyzeFile, fixture, memoryEngine } from './helpers.js';

const complete = fixture('complete.md');

function engineWith(schema: string | undefined, at = '/ws/.design-snapshot/schema.json'): Engine {
  return memoryEngine(schema === undefined ? {} : { [at]: schema });
}

const lintFile = (engine: Engine, path: string, text: string, schemaPath?: string) => analyzeFile(engine, path, text, schemaPath ? { schemaPath } : {});

test('schema: without a workspace schema the built-in one is used', async () => {
  const r = await lintFile(engineWith(undefined), '/ws/docs/design/a.md', complete);
  assert.equal(r.schemaProblem, undefined);
  assert.deepEqual(r.findings, []);
});

test('schema: a workspace schema that extends the default adds a required section with its own heading and aliases', async () => {
  const schema = JSON.stringify({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    allOf: [{ $ref: DEFAULT_SCHEMA_ID }],
    properties: {
      sections: {
        required: ['rollout'],
        properties: { 'trade-offs': {}, rollout: { title: 'Rollout plan', 'x-aliases': ['Launch plan'] } },
      },
    },
  });
  const engine = engineWith(schema, '/ws/.design-snapshot/schema.json');
  const r = await lintFile(engine, '/ws/docs/design/deep/a.md', complete);
  assert.equal(r.schemaProblem, undefined);
  const missing = r.findings.filter((f) => f.ruleId === 'section-missing');
  assert.deepEqual(missing.map((f) => f.section), ['rollout']);
  assert.match(missing[0]?.message ?? '', /"## Rollout plan".*also accepted: Launch plan/);
  // Listed after trade-offs in the custom schema, so it belongs after the Trade-offs section (the last one).
  assert.equal(missing[0]?.range.start.line, complete.trimEnd().split('\n').length - 1);
  const withIt = `${complete}\n## Launch plan\nCanary to 5% of agents for a week.\n`;
  assert.deepEqual((await lintFile(engine, '/ws/a.md', withIt)).findings, []);
});

test('schema: a workspace schema that does not refer to the default replaces it', async () => {
  const schema = JSON.stringify({
    type: 'object',
    properties: { sections: { type: 'object', required: ['summary'], properties: { summary: { title: 'Summary' } } } },
  });
  const r = await lintFile(engineWith(schema), '/ws/a.md', '---\ntitle: x\n---\n# X\n\n## Context\nText.\n');
  assert.deepEqual(r.findings.filter((f) => f.ruleId === 'section-missing').map((f) => f.section), ['summary']);
  assert.ok(!r.findings.some((f) => f.ruleId === 'frontmatter-field'), 'the replaced schema has no frontmatter requirements');
});

test('schema: the nearest schema up the tree wins', async () => {
  const host = {
    files: {
      '/ws/.design-snapshot/schema.json': '{"type":"object","properties":{"sections":{"required":["outer"]}}}',
      '/ws/team/.design-snapshot/schema.json': '{"type":"object","properties":{"sections":{"required":["inner"]}}}',
    },
  };
  const r = await lintFile(memoryEngine(host.files), '/ws/team/docs/a.md', '# A\n');
  assert.deepEqual(r.findings.filter((f) => f.ruleId === 'section-missing').map((f) => f.section), ['inner']);
});

for (const [name, text, reason] of [
  ['bad JSON', '{ "type": "object", ', /not valid JSON/],
  ['not a JSON Schema', '{ "type": "objekt" }', /not a usable JSON Schema: .*type/],
  ['an unknown keyword (typo)', '{ "requird": ["problem"] }', /not a usable JSON Schema: .*unknown keyword: "requird"/],
  ['an unresolvable $ref', '{ "$ref": "#/$defs/nope" }', /not a usable JSON Schema: .*can't resolve reference/],
  ['not an object', '[1, 2]', /expected a JSON Schema object/],
] as const) {
  test(`schema: a broken workspace schema (${name}) is reported with its file, and the default is used`, async () => {
    const r = await lintFile(engineWith(text), '/ws/docs/a.md', fixture('rules/section-missing/not-ok.md'));
    assert.equal(r.schemaProblem?.source, '/ws/.design-snapshot/schema.json');
    assert.match(r.schemaProblem?.message ?? '', reason);
    // Never a silent pass: the built-in schema's findings are still there.
    assert.equal(r.findings.filter((f) => f.ruleId === 'section-missing').length, 5);
  });
}

test('schema: --schema style explicit path that does not exist is a problem, not a crash', async () => {
  const r = await lintFile(engineWith(undefined), '/ws/a.md', complete, '/nope.json');
  assert.match(r.schemaProblem?.message ?? '', /not found/);
});

/** A schema extending the built-in one with `frontmatter` properties of its own. */
function frontmatterSchema(properties: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', allOf: [{ $ref: DEFAULT_SCHEMA_ID }], properties: { frontmatter: { properties } }, ...extra });
}

const withFrontmatter = (fields: string): string => complete.replace(/^---\n/, `---\n${fields}\n`);

test('schema: a custom schema\'s patterns run in a linear-time engine and still judge; each pattern is its own', async () => {
  // "^(a+)+$" backtracks exponentially in JavaScript's engine on "aaa…a!"; RE2 reads it once.
  const engine = engineWith(frontmatterSchema({ team: { type: 'string', pattern: '^(a+)+$' }, owner: { type: 'string', pattern: '^@[a-z]+$' } }));
  const bad = await lintFile(engine, '/ws/a.md', withFrontmatter(`team: ${'a'.repeat(40)}!\nowner: '@alice'`));
  assert.equal(bad.schemaProblem, undefined);
  assert.deepEqual(bad.findings.filter((f) => f.ruleId === 'frontmatter-field').map((f) => f.message.match(/"(\w+)"/)?.[1]), ['team']);
  const good = await lintFile(engine, '/ws/b.md', withFrontmatter(`team: aaaa\nowner: '@alice'`));
  assert.deepEqual(good.findings.filter((f) => f.ruleId === 'frontmatter-field'), []);
  const wrongOwner = await lintFile(engine, '/ws/c.md', withFrontmatter(`team: aaaa\nowner: alice`));
  assert.deepEqual(wrongOwner.findings.filter((f) => f.ruleId === 'frontmatter-field').map((f) => f.message.match(/"(\w+)"/)?.[1]), ['owner']);
});

test('schema: ECMA-262 \\u escapes in a pattern are read (RE2 spells them \\x{…})', async () => {
  const engine = engineWith(frontmatterSchema({ team: { type: 'string', pattern: '^[\\u0061-\\u007a]+\\u00e9$' }, mood: { type: 'string', pattern: '^\\u{1F600}$' } }));
  const ok = await lintFile(engine, '/ws/a.md', withFrontmatter(`team: café\nmood: "😀"`));
  assert.equal(ok.schemaProblem, undefined);
  assert.deepEqual(ok.findings.filter((f) => f.ruleId === 'frontmatter-field'), []);
  const bad = await lintFile(engine, '/ws/b.md', withFrontmatter(`team: cafe\nmood: ":)"`));
  assert.deepEqual(bad.findings.filter((f) => f.ruleId === 'frontmatter-field').map((f) => f.message.match(/"(\w+)"/)?.[1]), ['team', 'mood']);
});

test('schema: a pattern the linear-time engine cannot run makes the schema unusable, saying why', async () => {
  const r = await lintFile(engineWith(frontmatterSchema({ team: { type: 'string', pattern: '(?<=x)y' } })), '/ws/a.md', complete);
  assert.match(r.schemaProblem?.message ?? '', /pattern "\(\?<=x\)y" is not supported by the linear-time engine patterns run in \(RE2: no lookaround/);
  assert.deepEqual(r.findings, [], 'the built-in schema lints meanwhile');
});

test('schema: {"$ref": "#"} compiles but cannot validate anything: a problem at load, and the built-in schema lints', async () => {
  const r = await lintFile(engineWith('{"$ref": "#"}'), '/ws/a.md', complete.replace('## Trade-offs', '## Other'));
  assert.match(r.schemaProblem?.message ?? '', /validating a snapshot with it fails \(Maximum call stack size exceeded\)/);
  assert.deepEqual(r.findings.map((f) => f.ruleId), ['section-missing']);
});

test('schema: a schema that fails on one document only: that document is judged by the built-in schema, with a warning', async () => {
  // Recurses for ever only when the frontmatter has "boom": the trial validation at load cannot see it.
  const schema = frontmatterSchema({}, { if: { properties: { frontmatter: { required: ['boom'] } } }, then: { $ref: '#' } });
  const engine = engineWith(schema);
  const calm = await lintFile(engine, '/ws/a.md', complete);
  assert.equal(calm.schemaProblem, undefined);
  assert.deepEqual(calm.findings, []);
  const boom = await lintFile(engine, '/ws/b.md', withFrontmatter('boom: 1').replace('## Trade-offs', '## Other'));
  assert.deepEqual(boom.findings.map((f) => f.ruleId), ['internal-error', 'section-missing']);
  assert.equal(boom.findings[0]?.severity, 'warning');
  assert.match(boom.findings[0]?.message ?? '', /schema \/ws\/\.design-snapshot\/schema\.json failed on this document \(Maximum call stack size exceeded\); the built-in schema was used/);
});
