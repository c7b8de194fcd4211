import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createEngine, guidanceRemovalEdits, InMemoryHost, renderTemplate } from '../../src/core/index.js';
import { nodeHost } from '../../src/cli/node-host.js';
import { nodeMermaidParser } from '../../src/node/mermaid-parser.js';
import { analyzeFile, applyFix, ROOT } from './helpers.js';

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

// Every rule the editor runs, mermaid-syntax included, as the extension analyzes a new snapshot.
const engine = createEngine({ host: new InMemoryHost({}), mermaid: nodeMermaidParser });

for (const id of PATTERNS) {
  test(`templates: "${id}" scaffolds into a calm snapshot: one finding, the template guidance, as information`, async () => {
    const { templates } = await builtIns();
    const t = templates.find((x) => x.id === id);
    assert.ok(t);
    const text = renderTemplate(t, vars);
    assert.doesNotMatch(text, /\{\{|^template:/m);
    assert.match(text, /^title: "Test system"$/m);
    const { findings, analysis } = await analyzeFile(engine, `/ws/docs/design/${id}.md`, text);
    assert.deepEqual(findings.map((f) => `${f.range.start.line + 1}: ${f.ruleId} ${f.severity}`), [`${(analysis.leftovers[0]?.range.start.line ?? 0) + 1}: placeholder-left info`]);
    // The cursor of a new snapshot selects the first <…> placeholder, in the body.
    const first = analysis.firstToFill;
    assert.ok(first && first.start.line > text.split('\n').indexOf(`# Test system`), 'the cursor lands in the body');
    const lines = text.split('\n');
    assert.match(lines[first.start.line]?.slice(first.start.character, first.end.character) ?? '', /^<[A-Z][^<>]+>$/);
    // Removing all the guidance at once leaves the template's placeholders, still one calm finding.
    const removed = applyFix(text, findings[0] ?? assert.fail('no finding'));
    assert.doesNotMatch(removed, /<!--\s*Guidance/);
    assert.equal(guidanceRemovalEdits(analysis.parsed).length, analysis.leftovers.filter((l) => l.kind === 'guidance').length);
    const after = await analyzeFile(engine, `/ws/docs/design/${id}-removed.md`, removed);
    assert.deepEqual(after.findings.map((f) => `${f.ruleId} ${f.severity}`), ['placeholder-left info']);
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
