import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultSchema, parseSnapshot } from '../../src/core/index.js';

const ids = (text: string): Array<[string, string | undefined]> => parseSnapshot(text, defaultSchema().catalog).headings.map((h) => [h.text, h.id]);

test('headings in the author\'s words: a word of one section anywhere in a short top-level heading names it; two sections\' words, a question or a subheading name none', () => {
  const doc = ['---', 'pattern: rag', '---', '# Assistant', '', '## When things go sideways', 'x', '', '## Sizing it', 'x', '', '## Judging quality', 'x', '', '## Who can see what', 'x', '', '## Load model', 'x', '', '## Pricing for outages', 'x', '', '## What does "good" mean?', 'x', '', '## How a question is answered', 'x', '', '### Data we have', 'x', ''].join('\n');
  assert.deepEqual(ids(doc), [
    ['When things go sideways', 'failure-modes'],
    ['Sizing it', 'estimates'],
    ['Judging quality', 'evaluation'],
    ['Who can see what', 'safety'],
    ['Load model', 'estimates'],
    // Words of two sections ("pricing", "outages"), a question, or no section's word: none.
    ['Pricing for outages', undefined],
    ['What does "good" mean?', undefined],
    ['How a question is answered', undefined],
  ]);
  // Under any heading, one that only a word would name is part of it.
  const nested = ['---', 'pattern: rag', '---', '# A', '', '## Architecture', 'x', '', '### Data we have', 'y', ''].join('\n');
  assert.deepEqual(ids(nested), [['Architecture', 'architecture']]);
});
