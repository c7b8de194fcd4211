import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { mermaidSources, modulesFor } from '../../src/shared/chunk-modules.js';
import { ROOT } from './helpers.js';

test('chunk modules: each diagram asks for its type, its layout and its icon packs', () => {
  assert.deepEqual(modulesFor('flowchart LR\n  a --> b'), ['flowDiagram', 'dagre']);
  assert.deepEqual(modulesFor('%% a comment\nsequenceDiagram\n  A->>B: hi'), ['sequenceDiagram']);
  assert.deepEqual(modulesFor('---\nconfig:\n  layout: elk\n---\nflowchart TD\n  a --> b'), ['flowDiagram', 'dagre', 'elk']);
  assert.deepEqual(modulesFor('architecture-beta\n  service s3(logos:aws-s3)[S3]\n  service c(mdi:database)[C]'), ['architectureDiagram', 'parser-architecture', 'logos', 'mdi']);
  assert.deepEqual(modulesFor('pie\n  "a" : 1'), ['pieDiagram', 'parser-pie'], 'a Langium-based type asks for its parser too');
  assert.deepEqual(modulesFor('packet-beta\n  0-15: "Port"'), ['parser-packet'], 'a type with no module of its own name asks for its parser only');
});

test('chunk modules: the ```mermaid blocks of a snapshot, fenced with backticks or tildes, indented or not', () => {
  const md = '# T\n\n```mermaid\nflowchart LR\n  a --> b\n```\n\n- item\n\n  ~~~mermaid\n  pie\n    "a" : 1\n  ~~~\n\n```js\nnot mermaid\n```\n';
  assert.deepEqual(mermaidSources(md).map((s) => s.trim().split('\n')[0]), ['flowchart LR', 'pie']);
});

test('chunk modules: every module name asked for is one the webview build lists in preload.json', () => {
  const built = JSON.parse(readFileSync(`${ROOT}dist/webview/preload.json`, 'utf8')) as { entry: string[]; core: string[]; modules: Record<string, string[]> };
  assert.ok(built.core.some((f) => /mermaid\.core-/.test(f)));
  // preview.js's own imports (if the build left any outside it) are listed for the page's HTML, and not again for preview.js.
  assert.ok(built.entry.every((f) => !built.core.includes(f)));
  const asked = ['flowchart', 'sequenceDiagram', 'classDiagram', 'stateDiagram-v2', 'erDiagram', 'gantt', 'pie', 'gitGraph', 'mindmap', 'timeline', 'journey', 'quadrantChart', 'xychart-beta', 'C4Context', 'block-beta', 'requirementDiagram', 'sankey-beta', 'kanban', 'architecture-beta', 'packet-beta', 'radar-beta', 'treemap-beta']
    .flatMap((t) => modulesFor(`${t}\n`))
    .concat(modulesFor('---\nconfig:\n  layout: elk\n---\nflowchart TD'), ['logos', 'mdi']);
  for (const m of new Set(asked)) assert.ok(built.modules[m]?.length, `${m} is in preload.json`);
});
