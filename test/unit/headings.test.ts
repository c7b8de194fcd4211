import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultSchema, lintText, parseSnapshot } from '../../src/core/index.js';
import { headingKey } from '../../src/core/headings.js';

// [heading as written, the sections it names ('' for none)]: the conventions of real design docs (issue 11).
const HEADINGS: Array<[string, string]> = [
  ['Problem Formulation', 'problem'],
  ['1. Problem Formulation', 'problem'],
  ['Summary', 'problem'],
  ['Motivation', 'problem'],
  ['Goals', 'problem requirements'],
  ['Non-Goals', 'problem'],
  ['Constraints and assumptions', 'requirements'],
  ['Step 1: Outline use cases and constraints', 'requirements'],
  ['Calculate usage', 'estimates'],
  ['Back-of-the-envelope estimation', 'estimates'],
  ['Step 2: Create a high level design', 'architecture'],
  ['Proposal', 'architecture'],
  ['Design Details', 'architecture'],
  ['Architectural Components', 'architecture'],
  ['Reference-level explanation', 'architecture'],
  ['Serving architecture', 'architecture'], // its head noun
  ['Implementation description', 'architecture'], // its head noun before a word that only says "described here"
  ['Testing details', 'evaluation'],
  ['Problem description', 'problem'],
  ['Feature Engineering', 'data-model'],
  ['Data Collection and Preparation', 'data-model'],
  ['Risks and Mitigations', 'failure-modes'],
  ['Fault tolerance', 'failure-modes'],
  ['Drawbacks', 'trade-offs'],
  ['Metrics (Offline and Online)', 'evaluation'],
  ['**II. Metrics and losses**', 'evaluation'],
  ['Online Testing and Deployment', 'evaluation'],
  ['Test Plan', 'evaluation'],
  ['Graduation Criteria', 'evaluation'],
  ['Key Trade-offs', 'trade-offs'],
  ['Design Options', 'trade-offs'],
  ['Considered Options', 'trade-offs'],
  ['Pros and Cons of the Options', 'trade-offs'],
  ['Security', 'safety'],
  ['Security and Privacy Considerations', 'safety'],
  ['Context and Problem Statement', 'problem'],
  ['Decision Drivers', 'requirements'],
  ['Unresolved questions', 'open-questions'],
  ['Future possibilities', 'evolution'],
  ['Model Development and Offline Evaluation', 'data-model evaluation'], // each part of a compound
  ['Limitations & Future Work', 'trade-offs evolution'],
  ['Phase 1: Core Infrastructure (Month 1)', 'evolution'], // the label before a colon
  ['Our Approach', 'architecture'], // a leading filler word
  ['IV. Validation Schema', 'evaluation'],
  ['3.2 Proposed Design', 'architecture'],
  // Not a section: left alone.
  ['Implementation History', ''],
  ['Upgrade / Downgrade Strategy', ''],
  ['Will enabling this feature affect existing SLOs?', ''], // a question names no section by its words
  ['Lessons from Recursive Language Models', ''],
  ['Glossary', ''],
  ['User description', ''], // a descriptor after a word that is no section's head
  ['Detailed description', ''],
  ['Reqs', 'requirements'],
  ['Scale', 'estimates'],
  ['Arch', 'architecture'],
  ['Serving stack', 'architecture'],
  ['Tech stack', 'architecture'],
  ['Infrastructure', 'architecture'],
];

test(`headings: ${HEADINGS.length} headings of real design docs name the sections a reviewer would say`, () => {
  const catalog = defaultSchema().catalog;
  const wrong = HEADINGS.filter(([h, ids]) => catalog.match(h).join(' ') !== ids).map(([h, ids]) => `${h}: expected "${ids}", got "${catalog.match(h).join(' ')}"`);
  assert.deepEqual(wrong, []);
});

test('headings: the key ignores case, numbering, emphasis, plurals, parentheticals and "&"', () => {
  assert.equal(headingKey('**3.2 Key Trade-offs (v1)**'), headingKey('trade off'));
  assert.equal(headingKey('Risks & Mitigations'), headingKey('risk and mitigation'));
  assert.equal(headingKey('ii. Relevance & Reasons'), 'relevance and reason');
});

test('sections at any level: the only H1 is the title, H3 sections count, unnamed subheadings belong to their section', () => {
  const text = ['# Title of the doc', '', '### 1. Problem Formulation', 'Who and why.', '', '#### Who uses it', 'Agents.', '', '### Risks and Mitigations', '- Outage: fail over.', ''].join('\n');
  const parsed = parseSnapshot(text, defaultSchema().catalog);
  assert.equal(parsed.title?.text, 'Title of the doc');
  assert.deepEqual(Object.keys(parsed.model.sections), ['problem', 'failure-modes']);
  assert.match(parsed.model.sections.problem?.text ?? '', /Who and why\.[\s\S]*Agents\./);
});

test('sections at any level: a first H1 that is a section name is a section when H1s are the sections ("# Summary", "# Motivation")', () => {
  const parsed = parseSnapshot('# Summary\nA new API.\n\n# Motivation\nUsers ask.\n\n# Drawbacks\nCost.\n', defaultSchema().catalog);
  assert.equal(parsed.title, undefined);
  assert.deepEqual(Object.keys(parsed.model.sections), ['problem', 'trade-offs']);
});

test('sections at any level: "Overview" under a section is that section\'s overview', () => {
  const parsed = parseSnapshot('# T\n\n## Proposal\n\n### Overview\nThe router sends requests to the cache first.\n', defaultSchema().catalog);
  assert.deepEqual(Object.keys(parsed.model.sections), ['architecture']);
  assert.match(parsed.model.sections.architecture?.text ?? '', /router sends requests/);
});

test('sections under bold labels: a bold line that names a section stands as its heading where no heading holds it', () => {
  const notes = ['# Ranking for code search: interview notes', '', '**Reqs**', '- p99 300 ms', '', '**Scale**', '- 2,000 QPS avg', '', '**Failures:**', '- index shard down: serve from replica', '', '**Not in v1**', '- rollback: later', '', '**Eval**', '- golden set of 300 queries', ''].join('\n');
  const parsed = parseSnapshot(notes, defaultSchema().catalog);
  assert.deepEqual(Object.keys(parsed.model.sections), ['requirements', 'estimates', 'failure-modes', 'evaluation']);
  // "**Not in v1**" names no section: it ends the failure modes, as a heading of the same level would.
  assert.doesNotMatch(parsed.model.sections['failure-modes']?.text ?? '', /rollback/);
  assert.match(parsed.model.sections['failure-modes']?.text ?? '', /serve from replica/);
  const label = parsed.headings.find((h) => h.id === 'failure-modes');
  assert.equal(label?.label, true);
  assert.equal(label?.range.start.line, 8);
  // Under a heading that names a section, a bold line is part of it, as an unnamed subheading is; so is a bold lead-in
  // with text after it, and a longer phrase named only by its last word.
  const inside = parseSnapshot('# T\n\n## Architecture\nA router.\n\n**Data**\nTables.\n\n**Failures** are rare here.\n', defaultSchema().catalog);
  assert.deepEqual(Object.keys(inside.model.sections), ['architecture']);
  const phrase = parseSnapshot('# T\n\n## Possible future work\n\n**Simplify String() implementation**\nLater.\n', defaultSchema().catalog);
  assert.deepEqual(Object.keys(phrase.model.sections), []);
});

test('section-missing: a doc that covers a section at length without a heading of its own is not told it is missing; a declared snapshot is', () => {
  const failures = Array.from({ length: 6 }, (_, i) => `- If worker ${i} crashes, the leader restarts it and retries the batch.`).join('\n');
  const body = `# Batch scoring\n\n## Context\nScores 1M rows a night.\n\n## Proposal\nA leader schedules workers.\n\n${failures}\n`;
  const missing = (text: string): string[] => lintText(text).filter((f) => f.ruleId === 'section-missing').map((f) => f.section ?? '');
  assert.ok(!missing(body).includes('failure-modes'), 'covered in the Proposal');
  assert.ok(missing(`---\npattern: generic\nstatus: draft\n---\n${body}`).includes('failure-modes'), 'a snapshot needs the section itself');
  assert.ok(missing('# Batch\n\n## Context\nScores rows.\n').includes('failure-modes'), 'not covered at all');
});

test('section-missing: a heading that comes close is named, with the alias to add', () => {
  const found = lintText('# X\n\n## Context\nUsers.\n\n## Options we weighed\nA vs B.\n').find((f) => f.ruleId === 'section-missing' && f.section === 'trade-offs');
  assert.match(found?.message ?? '', /Found "Options we weighed" at line 6: if it is this section, add it to aliases for trade-offs in \.design-snapshot\/config\.json\./);
  assert.deepEqual(found?.data, { alias: { section: 'trade-offs', heading: 'Options we weighed' } });
});
