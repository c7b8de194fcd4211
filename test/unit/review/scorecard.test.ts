import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderTemplate, scorecard, type Coverage } from '../../../src/core/index.js';
import { analyzeFile, fixture, memoryEngine, ROOT } from '../helpers.js';
import { nodeHost } from '../../../src/cli/node-host.js';
import { createEngine } from '../../../src/core/index.js';

async function card(text: string, path = '/ws/docs/design/x.md') {
  const { analysis, findings } = await analyzeFile(memoryEngine(), path, text);
  return scorecard(analysis, findings);
}

function statuses(c: Awaited<ReturnType<typeof card>>): Record<string, Coverage> {
  return Object.fromEntries(c.dimensions.map((d) => [d.id, d.status]));
}

test('scorecard: a complete example is covered everywhere', async () => {
  const c = await card(fixture('../../examples/docs/design/2026-11-20-llm-inference-api.md'));
  assert.deepEqual(new Set(Object.values(statuses(c))), new Set(['covered']));
  assert.equal(c.pattern, 'llm-serving');
  assert.equal(c.stage, 'review');
});

test('scorecard: a dimension with review findings is thin and carries them; a missing section is missing', async () => {
  const text = fixture('review/devops-agent.md');
  const c = await card(text);
  const s = statuses(c);
  assert.equal(s.evaluation, 'thin');
  assert.equal(s.safety, 'thin');
  assert.ok(c.dimensions.find((d) => d.id === 'evaluation')?.findings.some((f) => f.ruleId === 'red-flag-eval-plan'));
  assert.ok(c.dimensions.find((d) => d.id === 'safety')?.findings.some((f) => f.ruleId === 'red-flag-safety'));
  const without = await card(text.replace(/## Evaluation\n[^\n]*\n/, ''));
  assert.equal(statuses(without).evaluation, 'missing');
  assert.equal(without.dimensions.find((d) => d.id === 'evaluation')?.reason, 'no section');
});

test('scorecard: a fresh scaffold is thin or missing everywhere but never carries a red flag', async () => {
  const { templates } = await createEngine({ host: nodeHost }).listTemplates(`${ROOT}templates`);
  const rag = templates.find((t) => t.id === 'rag');
  assert.ok(rag);
  const c = await card(renderTemplate(rag, { title: 'T', author: 'A', date: '2026-11-23' }));
  const s = statuses(c);
  assert.equal(s['data-model'], 'missing');
  assert.equal(s.requirements, 'thin');
  assert.ok(c.dimensions.every((d) => d.findings.every((f) => !/^red-flag|^topic-missing/.test(f.ruleId))));
});

test('scorecard: safety is not applicable to a pattern that does not need it, and required of a GenAI one', async () => {
  assert.equal(statuses(await card(fixture('review/music-recs.md'))).safety, 'not-applicable');
  const rag = fixture('review/hr-rag.md').replace(/## Safety and security\n[^\n]*\n/, '');
  assert.equal(statuses(await card(rag)).safety, 'missing');
});
