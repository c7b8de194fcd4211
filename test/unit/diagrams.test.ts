import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { FIXTURES, memoryEngine } from './helpers.js';

async function snapshotDiagrams(text: string) {
  const a = await memoryEngine().analyze({ uri: '/d.md', version: 1, text });
  return { title: a.title, diagrams: a.diagrams };
}

test('diagrams: every mermaid block with its section heading and fence lines, in document order', async () => {
  const text = readFileSync(`${FIXTURES}preview/docs/design/diagrams.md`, 'utf8');
  const { title, diagrams } = await snapshotDiagrams(text);
  assert.equal(title, 'Diagram preview fixture');
  assert.deepEqual(
    diagrams.map((d) => [d.section, d.startLine, d.endLine, d.source.split('\n')[0]]),
    [
      ['Architecture', 9, 14, 'flowchart LR'],
      ['Data and model design', 18, 24, 'sequenceDiagram'],
      ['Failure modes', 28, 31, 'flowchart TD'],
    ],
  );
});

test('diagrams: before any section the heading is empty; other code blocks, nested and tilde fences are handled', async () => {
  const text = ['```mermaid', 'graph TD', '```', '', '## Architecture', '', '```js', 'x', '```', '', '- item', '', '  ~~~mermaid', '  graph LR', '  ~~~', ''].join('\n');
  const { diagrams } = await snapshotDiagrams(text);
  assert.deepEqual(
    diagrams.map((d) => [d.section, d.startLine, d.endLine, d.source]),
    [
      ['', 0, 2, 'graph TD'],
      ['Architecture', 12, 14, 'graph LR'],
    ],
  );
});

test('diagrams: an unclosed block runs to the end of the document', async () => {
  const { diagrams } = await snapshotDiagrams('## Architecture\n\n```mermaid\ngraph TD\n  a --> b\n');
  assert.deepEqual(diagrams.map((d) => [d.startLine, d.endLine]), [[2, 5]]);
});
