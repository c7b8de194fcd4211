import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { nodeMermaidParser } from '../../src/node/mermaid-parser.js';
import { analyzeFile, memoryEngine } from './helpers.js';
import { corpusBlocks, inWords, MERMAID_DOCS, mutations, REAL_DOCS, type Mutation } from './mermaid-mutations.js';

// Every valid ```mermaid block of mermaid's docs and of real design docs, with one closing bracket, closing quote or
// arrow removed: the rule must flag each mutation mermaid rejects, in words, on the line of the edit or where the
// construct opened. The counts are printed so a regression shows in the log before it fails the threshold.
test('mermaid-syntax over mutated real diagrams: every mutation flagged, in words, on the right line', { skip: !existsSync(MERMAID_DOCS) && 'shared/corpora is not beside the repository', timeout: 600_000 }, async () => {
  const parse = await nodeMermaidParser();
  const engine = memoryEngine({}, { mermaid: nodeMermaidParser });
  const blocks = [...corpusBlocks(MERMAID_DOCS), ...corpusBlocks(REAL_DOCS)];
  let valid = 0;
  let stillValid = 0;
  const rejected: Mutation[] = [];
  const unflagged: string[] = [];
  const notInWords: string[] = [];
  const wrongLine: string[] = [];
  let n = 0;
  for (const block of blocks) {
    if (!(await parse(block.source).then(() => true, () => false))) continue;
    valid++;
    for (const m of mutations(block)) {
      if (await parse(m.source).then(() => true, () => false)) {
        stillValid++;
        continue;
      }
      rejected.push(m);
      // The diagram in a snapshot of its own: the fence opens on line 0, so the diagram's line k is document line k + 1.
      const doc = `\`\`\`mermaid\n${m.source}\n\`\`\`\n`;
      const { findings } = await analyzeFile(engine, `/ws/m${n++}.md`, doc);
      const f = findings.find((x) => x.ruleId === 'mermaid-syntax');
      const label = `${m.kind} ${m.where} −${JSON.stringify(m.removed)}`;
      if (!f) {
        unflagged.push(label);
        continue;
      }
      if (!inWords(f.message)) notInWords.push(`${label}: ${f.message}`);
      if (!m.lines.includes(f.range.start.line - 1)) wrongLine.push(`${label}: line ${f.range.start.line - 1}, wanted ${m.lines.join(' or ')}: ${f.message}`);
    }
  }
  const total = rejected.length;
  const words = (total - notInWords.length) / total;
  const line = (total - wrongLine.length) / total;
  const byKind = Object.fromEntries(['bracket', 'quote', 'arrow'].map((k) => [k, rejected.filter((m) => m.kind === k).length]));
  console.log(
    `${blocks.length} blocks, ${valid} valid; ${total + stillValid} mutations, ${stillValid} still valid (not errors), ${total} rejected by mermaid ` +
      `(${JSON.stringify(byKind)}): ${total - unflagged.length} flagged, ${(words * 100).toFixed(1)} % in words, ${(line * 100).toFixed(1)} % on the line of the edit or where the construct opened`,
  );
  assert.ok(valid >= 600, `only ${valid} valid blocks`);
  assert.ok(total >= 1500, `only ${total} mutations`);
  assert.deepEqual(unflagged, [], 'every mutation mermaid rejects is flagged');
  assert.ok(words >= 0.9, `in words: ${(words * 100).toFixed(1)} %\n${notInWords.slice(0, 20).join('\n')}`);
  assert.ok(line >= 0.9, `on the right line: ${(line * 100).toFixed(1)} %\n${wrongLine.slice(0, 20).join('\n')}`);
});
