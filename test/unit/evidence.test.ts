// Runs in Node under node:test: a design doc linted by path (an RFC, an ADR, a KEP) covers a section without a
// heading of its own — user stories, failure handling, a schema definition, a pros/cons list — and is not told the
// section is missing; a declared snapshot still is.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText } from '../../src/core/index.js';

const missing = (text: string): string[] => lintText(text).filter((f) => f.ruleId === 'section-missing').map((f) => f.section ?? '');
const rfc = (body: string[]): string => ['# Deterministic errors', '', '## Proposal', '', 'We change the plugin.', '', ...body, ''].join('\n');
const declared = (text: string): string => `---\ntitle: T\npattern: generic\n---\n${text}`;

test('evidence: user stories are requirements, in the forms people write them', () => {
  const doc = rfc([
    '## Motivation', '',
    '* As a Flyte user trying to understand why a distributed training task failed, I currently cannot rely on the error shown in the console.',
    '* As a Flyte user marking specific errors as retriable (using a `FlyteRecoverableException`), I want Flyte to find the root cause error deterministically.',
  ]);
  assert.ok(!missing(doc).includes('requirements'), missing(doc).join(', '));
  assert.ok(missing(declared(doc)).includes('requirements'));
  assert.ok(missing(rfc(['## Motivation', '', 'As a rule, we keep it short.'])).includes('requirements'));
});

test('evidence: failures paired with what the system then does are failure modes', () => {
  const doc = rfc(['## Behaviour', '', 'If a worker pod crashes, the leader restarts it.', '', 'When the store is unavailable, reads fall back to the cache.']);
  assert.ok(!missing(doc).includes('failure-modes'), missing(doc).join(', '));
  assert.ok(missing(rfc(['## Behaviour', '', 'The pod crashes rarely.'])).includes('failure-modes'));
  const tests = rfc(['## Test plan', '', '**Negative Tests:**', '', '- No prefill endpoints: the router returns 503.']);
  assert.ok(!missing(tests).includes('failure-modes'), missing(tests).join(', '));
});

test('evidence: a schema definition is a data model; an example call is not', () => {
  const crd = rfc(['## API', '', '```yaml', 'apiVersion: production-stack.vllm-project/v1alpha1', 'kind: LoraAdapter', 'spec:', '  baseModel: llama', '```']);
  assert.ok(!missing(crd).includes('data-model'), missing(crd).join(', '));
  const proto = rfc(['## Wire format', '', '```', 'message ExponentialBuckets {', '  int32 offset = 1;', '}', '```']);
  assert.ok(!missing(proto).includes('data-model'));
  const table = rfc(['## Fields', '', '| Field | Type | Meaning |', '| --- | --- | --- |', '| id | string | key |']);
  assert.ok(!missing(table).includes('data-model'));
  const core = rfc(['## API', '', '```yaml', 'apiVersion: apps/v1', 'kind: Deployment', '```', '', '```python', 'client.call(x)', '```']);
  assert.ok(missing(core).includes('data-model'), 'a Deployment and a call define no schema of the design');
  assert.ok(missing(declared(crd)).includes('data-model'));
});

test('evidence: pros and cons, or a trade-off column, are trade-offs', () => {
  const pros = rfc(['## Drift detection', '', '*Pros:* Simple and fast.', '*Cons:* May miss subtle changes.']);
  assert.ok(!missing(pros).includes('trade-offs'), missing(pros).join(', '));
  const column = rfc(['## Modes', '', '| Mode | Behaviour | Main trade-off |', '| --- | --- | --- |', '| Light | One pass | No correction |']);
  assert.ok(!missing(column).includes('trade-offs'));
  assert.ok(missing(rfc(['## Modes', '', '| Mode | Behaviour |', '| --- | --- |', '| Light | One pass |'])).includes('trade-offs'));
});

test('evidence: a list of what the design must do is requirements; questions, field rules and test cases are not', () => {
  const needs = rfc(['## Context', '', 'With the rise of RAG, there was a need to support:', '', '- Transforming documents into embeddings.', '- Loading embeddings into vector stores.']);
  assert.ok(!missing(needs).includes('requirements'), missing(needs).join(', '));
  const guidelines = rfc([
    '## Guidelines', '',
    '- Single-file packages should have a first-class experience.',
    '- Friction for starting a new package should be minimal.',
    '- Diagnostics must be in terms of the single file, not of temporary files.',
  ]);
  assert.ok(!missing(guidelines).includes('requirements'), missing(guidelines).join(', '));
  assert.ok(missing(declared(guidelines)).includes('requirements'), 'a declared snapshot still needs its heading');
  const notObliging = (items: string[], heading = '## Notes'): void => {
    const doc = rfc([heading, '', ...items]);
    assert.ok(missing(doc).includes('requirements'), `${items[0]} read as a requirement`);
  };
  notObliging(['- Should history have a retention policy?', '- Should refs work in batch reads?', '- Should we support aliases?']);
  notObliging(['- `maxAttempts` MUST be an integer greater than 1.', '- `initialBackoff` MUST be a duration.', '- `backoffMultiplier` MUST be a number.']);
  notObliging(['- Displaying charts. A base near 1.04 should suffice.', '- Percentiles. These must be fast.', '- Buckets must cover the whole range.']);
  notObliging(['- An older sidecar should continue to work.', '- A newer sidecar should continue to work.', '- A v1-only sidecar should work on 1.17.'], '## Test Plan');
  notObliging(['- Transforming documents into embeddings.', '- Loading embeddings.'], '## Context\n\nSeveral problems needed to be addressed:\n');
});
