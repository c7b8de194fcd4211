import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { nodeMermaidParser } from '../../src/node/mermaid-parser.js';
import { analyzeFile, memoryEngine, ROOT } from './helpers.js';

const CORPUS = `${ROOT}../shared/corpora/mermaid-docs`;

/**
 * Blocks of Mermaid's own docs that the pinned mermaid (11.17) itself rejects, or that would render with a "?" in
 * place of an icon no bundled pack has, each with the reason: they document diagram types or syntax newer than this
 * version, or an icon pack neither this preview nor VS Code's bundles. Anything else reported is a false positive.
 */
const ZENUML = 'ZenUML is an external plugin (@mermaid-js/mermaid-zenuml), not part of mermaid: "No diagram type detected"';
const FRAGMENT = 'a syntax-reference fragment with no wardley-beta header, not a whole diagram: "No diagram type detected"';
const NEWER = 'wardley-beta syntax newer than 11.17: its own parser refuses it';
const FA = 'a Font Awesome icon (fa:user): that pack is not bundled (nor in VS Code\'s Markdown preview), so mermaid draws a "?"';
const EXPECTED: Record<string, string> = {
  'zenuml.md:23': ZENUML,
  'zenuml.md:49': ZENUML,
  'zenuml.md:71': ZENUML,
  'zenuml.md:96': ZENUML,
  'zenuml.md:127': ZENUML,
  'zenuml.md:147': ZENUML,
  'zenuml.md:163': ZENUML,
  'zenuml.md:191': ZENUML,
  'zenuml.md:227': ZENUML,
  'zenuml.md:255': ZENUML,
  'zenuml.md:280': ZENUML,
  'zenuml.md:315': ZENUML,
  'zenuml.md:349': ZENUML,
  'zenuml.md:380': ZENUML,
  'zenuml.md:413': ZENUML,
  'zenuml.md:451': ZENUML,
  'wardley.md:133': FRAGMENT,
  'wardley.md:289': FRAGMENT,
  'wardley.md:374': FRAGMENT,
  'wardley.md:621': FRAGMENT,
  'flowchart.md:965': FA,
  'wardley.md:88': NEWER,
  'wardley.md:117': NEWER,
  'wardley.md:692': NEWER,
};

test('corpus: no mermaid-syntax finding on the ```mermaid blocks of Mermaid\'s own docs, except those mermaid rejects', { skip: !existsSync(CORPUS) && 'shared/corpora/mermaid-docs is not beside the repository' }, async () => {
  const engine = memoryEngine({}, { mermaid: nodeMermaidParser });
  const found: Record<string, string> = {};
  let blocks = 0;
  for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort()) {
    const text = readFileSync(`${CORPUS}/${file}`, 'utf8');
    blocks += (text.match(/^```mermaid\s*$/gm) ?? []).length;
    const { findings } = await analyzeFile(engine, `/corpus/${file}`, text);
    for (const f of findings.filter((x) => x.ruleId === 'mermaid-syntax')) found[`${file}:${f.range.start.line + 1}`] = f.message.slice(0, 160);
  }
  assert.ok(blocks >= 400, `only ${blocks} blocks found`);
  assert.deepEqual(Object.keys(found).sort(), Object.keys(EXPECTED).sort(), JSON.stringify(found, null, 1));
});
