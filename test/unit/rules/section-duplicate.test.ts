import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultSchema, lintText, parseSnapshot } from '../../../src/core/index.js';
import { at, lintFixture } from '../helpers.js';

test('section-duplicate: each section once passes', () => {
  assert.deepEqual(lintFixture('rules/section-duplicate/ok.md', 'section-duplicate'), []);
});

test('section-duplicate: the same top-level heading twice is a repeat', () => {
  const found = lintFixture('rules/section-duplicate/not-ok.md', 'section-duplicate');
  assert.deepEqual(found.map(at), ['14:1 warning']);
  assert.match(found[0]?.message ?? '', /"Context" repeats "Context" \(line 8\)/);
});

test('section-duplicate: other headings for one section are its parts, read together; subsections may repeat names', () => {
  const text = [
    '# Ranking', '', '## Goals', '- Rank 500 items.', '', '## Non-goals', '- Ads.', '',
    '## Metrics and losses', 'NDCG@10 offline.', '', '## Architecture', 'API → ranker.', '',
    '## Validation schema', 'A held-out week; an A/B test online.', '',
    '## Features', '### Requirements', 'Fresh within 1 h.', '', '## Serving', '### Requirements', 'p99 < 80 ms.', '',
  ].join('\n');
  assert.deepEqual(lintText(text).filter((f) => f.ruleId === 'section-duplicate'), []);
  const parsed = parseSnapshot(text, defaultSchema().catalog);
  assert.match(parsed.model.sections.evaluation?.text ?? '', /NDCG@10 offline\.[\s\S]*held-out week/);
  assert.match(parsed.model.sections.requirements?.text ?? '', /Rank 500 items\.[\s\S]*Fresh within 1 h\.[\s\S]*p99 < 80 ms\./);
});
