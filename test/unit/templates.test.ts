import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createEngine, InMemoryHost, lintText, renderTemplate, firstPlaceholderOffset } from '../../src/core/index.js';
import { nodeHost } from '../../src/cli/node-host.js';
import { ROOT } from './helpers.js';

const PATTERNS = ['rag', 'llm-serving', 'chatbot', 'recsys', 'feature-store', 'training-pipeline', 'fraud-detection', 'search-ranking', 'agent', 'content-moderation', 'ml-monitoring', 'doc-processing', 'generic'];
const vars = { title: 'Test system', author: 'Ada Lovelace', date: '2026-11-23' };

async function builtIns() {
  return createEngine({ host: nodeHost }).listTemplates(`${ROOT}templates`);
}

test('templates: one built-in template per pattern, each with a name and a one-line description', async () => {
  const { templates, problems } = await builtIns();
  assert.deepEqual(problems, []);
  assert.deepEqual(templates.map((t) => t.id).sort(), [...PATTERNS].sort());
  for (const t of templates) {
    assert.ok(t.name.length > 5 && t.description.length > 20 && !t.description.includes('\n'), t.id);
    assert.match(t.text, new RegExp(`^pattern: ${t.id}$`, 'm'), `${t.id}: pattern matches the file name`);
  }
});

for (const id of PATTERNS) {
  test(`templates: "${id}" scaffolds into a snapshot with no errors and no warnings but placeholder-left`, async () => {
    const { templates } = await builtIns();
    const t = templates.find((x) => x.id === id);
    assert.ok(t);
    const text = renderTemplate(t, vars);
    assert.doesNotMatch(text, /\{\{|^template:/m);
    assert.match(text, /^title: "Test system"$/m);
    const findings = lintText(text);
    const unexpected = findings.filter((f) => f.ruleId !== 'placeholder-left');
    assert.deepEqual(unexpected.map((f) => `${f.range.start.line + 1}: ${f.message}`), []);
    assert.ok(findings.some((f) => f.ruleId === 'placeholder-left'), 'guidance is there to be replaced');
    assert.ok((firstPlaceholderOffset(text) ?? 0) > text.indexOf('\n# '), 'the cursor lands in the body');
  });
}

test('templates: a workspace template replaces the built-in with the same id; a malformed one is named and skipped', async () => {
  const host = new InMemoryHost({
    '/builtin/rag.md': '---\ntemplate:\n  name: Built-in RAG\n  description: the built-in one\n---\n# {{title}}\n',
    '/ws/.design-snapshot/templates/rag.md': '---\ntemplate:\n  name: Team RAG\n  description: our own RAG template\n---\n# {{title}}\n',
    '/ws/.design-snapshot/templates/Bad Name.md': '---\ntemplate:\n  name: x\n  description: y\n---\n',
    '/ws/.design-snapshot/templates/no-meta.md': '---\ntitle: x\n---\n',
  });
  const { templates, problems } = await createEngine({ host }).listTemplates('/builtin', '/ws/docs');
  assert.deepEqual(templates.map((t) => `${t.id}:${t.name}:${t.origin}`), ['rag:Team RAG:/ws/.design-snapshot/templates/rag.md']);
  assert.deepEqual(
    problems.map((p) => p.source),
    ['/ws/.design-snapshot/templates/Bad Name.md', '/ws/.design-snapshot/templates/no-meta.md'],
  );
  assert.match(problems[1]?.message ?? '', /"template:" field/);
});
