import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explainMermaidError, mermaidErrorDetails, type ExplainedError } from '../../src/core/mermaid-errors.js';
import { parsedView } from '../../src/core/mermaid-source.js';
import { nodeMermaidParser } from '../../src/node/mermaid-parser.js';
import { inWords } from './mermaid-mutations.js';

/** Mermaid's real error for `diagram`, explained; fails when mermaid accepts the diagram. */
async function explain(diagram: string): Promise<ExplainedError> {
  const parse = await nodeMermaidParser();
  try {
    await parse(diagram);
  } catch (e) {
    return explainMermaidError(mermaidErrorDetails(e), diagram);
  }
  throw new Error(`mermaid accepted:\n${diagram}`);
}

/** The diagram with the explanation's fix applied (edits on one line each, applied from the last). */
function applied(diagram: string, x: ExplainedError): string {
  const lines = diagram.split('\n');
  for (const e of [...(x.fix?.edits ?? [])].reverse()) {
    assert.equal(e.line, e.endLine, 'single-line edits');
    const l = lines[e.line] ?? '';
    lines[e.line] = l.slice(0, e.character) + e.newText + l.slice(e.endCharacter);
  }
  return lines.join('\n');
}

async function parses(diagram: string): Promise<boolean> {
  const parse = await nodeMermaidParser();
  return parse(diagram).then(
    () => true,
    () => false,
  );
}

const CASES: Array<{ name: string; diagram: string; message: RegExp; line: number; fixed?: string }> = [
  {
    name: 'an unclosed [',
    diagram: 'flowchart LR\n  a[Hello --> b\n  b --> c',
    message: /^The `\[` before `Hello` is never closed; expected a `\]` after `Hello`\.$/,
    line: 1,
    fixed: 'flowchart LR\n  a[Hello] --> b\n  b --> c',
  },
  { name: 'an unclosed (', diagram: 'flowchart LR\n  a(Hello --> b', message: /`\(` before `Hello` is never closed; expected a `\)`/, line: 1, fixed: 'flowchart LR\n  a(Hello) --> b' },
  { name: 'an unclosed ((', diagram: 'flowchart LR\n  a((Hello) --> b', message: /`\(` before `\(Hello\)` is never closed/, line: 1, fixed: 'flowchart LR\n  a((Hello)) --> b' },
  { name: 'an unclosed quote inside a bracket', diagram: 'flowchart LR\n  a["Hello] --> b', message: /^The quote before `Hello` is never closed; expected a `"` after `Hello`\.$/, line: 1, fixed: 'flowchart LR\n  a["Hello"] --> b' },
  { name: 'an unclosed quote in a pie chart (langium parser)', diagram: 'pie title Pets\n  "Dogs : 386\n  "Cats" : 85', message: /quote before `Dogs` is never closed; expected a `"` after `Dogs`/, line: 1, fixed: 'pie title Pets\n  "Dogs" : 386\n  "Cats" : 85' },
  { name: 'an unclosed { block', diagram: 'classDiagram\n  class A {\n    +int x\n  class B\n  A <|-- B', message: /`\{` that opens the block of `class A` is never closed/, line: 1 },
  { name: 'an unknown arrow', diagram: 'flowchart LR\n  a -> b', message: /^`->` is not an arrow of a flowchart; expected one such as `-->`/, line: 1 },
  { name: 'a missing arrow', diagram: 'flowchart TD\n  a[A]  b[B]\n  b --> c', message: /^Nothing joins `a\[A\]` to `b`; expected an arrow between them/, line: 1 },
  { name: 'a sequence message without its colon', diagram: 'sequenceDiagram\n  A->>B: hi\n  B-->>A ok', message: /no `:` before its text; expected `:` after `A`/, line: 2, fixed: 'sequenceDiagram\n  A->>B: hi\n  B-->>A: ok' },
  { name: 'a sequence message without its arrow', diagram: 'sequenceDiagram\n  A->>B: hi\n  A B: x', message: /message from `A B` has no arrow/, line: 2 },
  {
    name: 'a missing diagram type',
    diagram: 'a --> b\nb --> c',
    message: /^The diagram does not say what kind of diagram it is; expected a first line with its type, such as `flowchart TD`/,
    line: 0,
    fixed: 'flowchart TD\na --> b\nb --> c',
  },
  { name: 'a misspelled diagram type', diagram: 'flowchar LR\n  a --> b', message: /^`flowchar` is not a diagram type; expected `flowchart`\.$/, line: 0, fixed: 'flowchart LR\n  a --> b' },
  { name: 'a misspelled keyword', diagram: 'flowchart LR\n  subgrap x\n  a-->b\n  end', message: /^`subgrap` is not a keyword of a flowchart; expected `subgraph`\.$/, line: 1, fixed: 'flowchart LR\n  subgraph x\n  a-->b\n  end' },
  {
    name: 'lines counted in the author\'s text, not after mermaid strips frontmatter, directives and comments',
    diagram: '---\ntitle: Flow\n---\n\n%%{init: {"theme": "dark"}}%%\nflowchart LR\n  %% a comment\n\n  x --> y\n  a[Hello --> b',
    message: /`\[` before `Hello`/,
    line: 9,
  },
  {
    name: 'the line of the token, where jison\'s own count is off (after a } and a blank line)',
    diagram: 'flowchart TD\n    E --> F{x}\n\n    F --> G\n    K  L',
    message: /^Nothing joins `K` to `L`/,
    line: 4,
  },
];

for (const c of CASES) {
  test(`explainMermaidError: ${c.name}`, async () => {
    const x = await explain(c.diagram);
    assert.match(x.message, c.message);
    assert.equal(x.line, c.line, `line of the fix (${x.message})`);
    assert.ok(inWords(x.message), `in words: ${x.message}`);
    assert.ok(x.original.length > 0 && x.original !== x.message, 'mermaid\'s own message is kept');
    if (c.fixed !== undefined) {
      const out = applied(c.diagram, x);
      assert.equal(out, c.fixed);
      assert.ok(await parses(out), `the fix gives a valid diagram:\n${out}`);
    }
  });
}

test('explainMermaidError: the fix for an unclosed { block closes it after the block\'s last member', async () => {
  const diagram = 'classDiagram\n  class A {\n    +int x\n    +get()\n  class B\n  A <|-- B';
  const x = await explain(diagram);
  const lines = diagram.split('\n');
  const e = x.fix?.edits[0];
  assert.ok(e);
  assert.equal(e.line, 3);
  lines[e.line] = (lines[e.line] ?? '') + e.newText;
  assert.ok(await parses(lines.join('\n')), lines.join('\n'));
});

test('explainMermaidError: an empty diagram asks for a type', async () => {
  const x = await explain('%% nothing yet\n');
  assert.match(x.message, /^The diagram is empty; expected a diagram type/);
  assert.ok(x.fix);
});

test('mermaidErrorDetails: the details survive a trip through JSON (the worker thread and the webview) and explain the same', async () => {
  const parse = await nodeMermaidParser();
  const diagram = 'flowchart LR\n  a -> b';
  const error = await parse(diagram).then(
    () => undefined,
    (e: unknown) => e,
  );
  const direct = explainMermaidError(mermaidErrorDetails(error), diagram);
  const viaJson = explainMermaidError(mermaidErrorDetails(JSON.parse(JSON.stringify(mermaidErrorDetails(error)))), diagram);
  assert.deepEqual(viaJson, direct);
  assert.ok(mermaidErrorDetails(error).hash?.expected?.length, 'the expected tokens are kept');
  assert.deepEqual(mermaidErrorDetails('plain text'), { message: 'plain text' });
});

test('parsedView: maps the lines mermaid parses back to the author\'s', () => {
  const view = parsedView('---\ntitle: x\n---\n\n%% note\nflowchart LR\n  a --> b\n%% end note\n  b --> c');
  assert.deepEqual(view.text.split('\n'), ['flowchart LR', '  a --> b', '  b --> c']);
  assert.deepEqual(view.lineOf, [5, 6, 8]);
});

test('explainMermaidError: a link that ends its line leads nowhere', async () => {
  const x = await explain('flowchart TD\n  a --> \n');
  assert.equal(x.message, 'The arrow `-->` leads nowhere; expected what it points to after it, as in `a --> b`.');
  assert.equal(x.line, 1);
});

test('icons: an icon of a bundled pack passes; a typo is named with the closest icon and a fix; an unbundled pack is said so', async () => {
  const parse = await nodeMermaidParser();
  await parse('architecture-beta\n  group api(logos:aws-lambda)[API]\n  service s3(logos:aws-s3)[S3] in api');
  await parse('flowchart LR\n  db@{ icon: "mdi:database", label: "DB" } --> b');
  const typo = await explain('architecture-beta\n  service s3(logos:aws-s4)[S3]');
  assert.equal(typo.message, 'The `logos` icon pack has no icon `logos:aws-s4`, so mermaid would draw a question mark; expected `logos:aws-s3`.');
  assert.deepEqual([typo.line, typo.column], [1, '  service s3('.length]);
  assert.ok(await parses(applied('architecture-beta\n  service s3(logos:aws-s4)[S3]', typo)));
  const fa = await explain('flowchart LR\n  a@{ icon: "fa:user", label: "User" }');
  assert.match(fa.message, /^`fa:user` is from the `fa` icon pack, which is not bundled/);
  assert.equal(fa.line, 1);
});

test('a diagram type this mermaid does not know is said so, not taken for a missing type', async () => {
  assert.match((await explain('zenuml\n  A.method()')).message, /^`zenuml` diagrams need mermaid's separate ZenUML plugin/);
  assert.match((await explain('bubbleChart\n  a: 1')).message, /^`bubbleChart` is not a diagram type mermaid 11\.17 knows/);
});
