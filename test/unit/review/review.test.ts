import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import schemaJson from '../../../schemas/design-snapshot.schema.json';
import { lintText, RULES } from '../../../src/core/index.js';
import { GENAI_PATTERNS } from '../../../src/core/review/context.js';
import { readFlowchart } from '../../../src/core/review/diagram.js';
import { ROOT } from '../helpers.js';

const REVIEW = new Set(['red-flag-grounding', 'red-flag-eval-plan', 'red-flag-fine-tune-first', 'red-flag-safety', 'red-flag-cost-latency', 'red-flag-failure-modes', 'topic-missing', 'number-consistency', 'diagram-text']);

function review(text: string): string[] {
  return lintText(text)
    .filter((f) => REVIEW.has(f.ruleId))
    .map((f) => `${f.range.start.line + 1}: ${f.ruleId}${f.topic ? `[${f.topic}]` : ''} ${f.message.slice(0, 100)}`);
}

test('review: every review rule is registered, with its page under docs/rules', () => {
  const ids = RULES.map((r) => r.id);
  for (const id of REVIEW) {
    assert.ok(ids.includes(id), id);
    const page = readFileSync(`${ROOT}docs/rules/${id}.md`, 'utf8');
    assert.match(page, new RegExp(`^# ${id}\\n`), id);
    assert.match(page, /## Not OK/, id);
    assert.match(page, /## OK/, id);
  }
});

test('review: the GenAI patterns are the ones the schema requires a safety section of', () => {
  const conditional = schemaJson.allOf[0]?.if.properties.frontmatter.properties.pattern.enum;
  assert.deepEqual([...GENAI_PATTERNS].sort(), [...(conditional ?? [])].sort());
});

for (const file of readdirSync(`${ROOT}templates`)) {
  test(`review: template ${file} gets no review finding, as scaffolded and with its guidance and placeholders filled in`, () => {
    const t = readFileSync(`${ROOT}templates/${file}`, 'utf8').replace(/\{\{title\}\}/g, 'Test system').replace(/\{\{\w+\}\}/g, 'x');
    assert.deepEqual(review(t), []);
    // The placeholders' own words stand in for an author's text: a filled-in template must be clean too.
    const filled = t.replace(/<!-- Guidance:[\s\S]*?-->\n?/g, '').replace(/<([A-Z][^<>\n]*\s[^<>\n]*)>/g, '$1');
    assert.deepEqual(review(filled), []);
  });
}

for (const file of readdirSync(`${ROOT}examples/docs/design`)) {
  test(`review: example ${file} gets no review finding`, () => {
    assert.deepEqual(review(readFileSync(`${ROOT}examples/docs/design/${file}`, 'utf8')), []);
  });
}

test('review: flowchart labels of every shape, edge labels and subgraph titles are read', () => {
  const chart = readFlowchart('flowchart LR\n  %% a comment\n  a[Gateway] -->|HTTPS| b([Orchestrator])\n  b --> c[(Vector DB)]\n  b -- tool calls --> d{{Tool router}}\n  subgraph gpu [GPU pool: 8× A100]\n    e[["Replica: 8 GPUs"]] & f>LLM]\n  end\n  click a "https://example.com"\n  classDef hot fill:#f00\n  g@{ shape: rect, label: "Feature store" }\n');
  assert.deepEqual(chart.nodes.map((n) => `${n.id}=${n.label}`), ['a=Gateway', 'b=Orchestrator', 'c=Vector DB', 'd=Tool router', 'e=Replica: 8 GPUs', 'f=LLM', 'g=Feature store']);
  assert.deepEqual(chart.labels.filter((l) => l.kind !== 'node').map((l) => `${l.kind}:${l.text}`), ['edge:HTTPS', 'edge:tool calls', 'subgraph:GPU pool: 8× A100']);
  assert.deepEqual(readFlowchart('sequenceDiagram\n  A->>B: hi\n').nodes, []);
});

test('review: a document several times longer than a snapshot is left alone', () => {
  const base = readFileSync(`${ROOT}test/fixtures/rules/red-flag-eval-plan/not-ok.md`, 'utf8');
  assert.ok(review(base).some((f) => f.includes('red-flag-eval-plan')));
  const long = base.replace('## Trade-offs', `## Background\n${'The platform team has run this service for years and has written a great deal about it. '.repeat(450)}\n\n## Trade-offs`);
  assert.deepEqual(review(long), []);
});
