// Runs in the extension host (to preload in the page it writes) and in the preview webview (to preload when a
// snapshot arrives): which of mermaid's lazily loaded modules a diagram needs, from its text alone.
import { iconReferences } from '../core/mermaid-icons.js';
import { diagramHeader, familyOf, type DiagramFamily } from '../core/mermaid-source.js';

/**
 * The lazy modules of mermaid a diagram family needs (dagre: the default layout of graph-like diagrams; parser-*: the
 * Langium parser of a type that has one, which mermaid imports only once the type's own module runs).
 */
const MODULES: Partial<Record<DiagramFamily, string[]>> = {
  flowchart: ['flowDiagram', 'dagre'],
  sequence: ['sequenceDiagram'],
  class: ['classDiagram-v2', 'classDiagram', 'dagre'],
  state: ['stateDiagram-v2', 'stateDiagram', 'dagre'],
  er: ['erDiagram', 'dagre'],
  gantt: ['ganttDiagram'],
  pie: ['pieDiagram', 'parser-pie'],
  git: ['gitGraphDiagram', 'parser-gitGraph'],
  mindmap: ['mindmap-definition', 'cose-bilkent'],
  timeline: ['timeline-definition'],
  journey: ['journeyDiagram'],
  quadrant: ['quadrantDiagram'],
  xychart: ['xychartDiagram'],
  c4: ['c4Diagram'],
  block: ['blockDiagram'],
  requirement: ['requirementDiagram', 'dagre'],
  sankey: ['sankeyDiagram'],
  kanban: ['kanban-definition'],
  architecture: ['architectureDiagram', 'parser-architecture'],
  // These types' own modules share the vague name 'diagram' (esbuild.mjs): only their parsers are preloaded.
  packet: ['parser-packet'],
  radar: ['parser-radar'],
  treemap: ['parser-treemap'],
};

/** The lazy modules a diagram's text needs: its type's, ELK for `layout: elk`, and the packs of its icons. */
export function modulesFor(source: string): string[] {
  const out = [...(MODULES[familyOf(diagramHeader(source)?.word)] ?? [])];
  if (/^\s*layout\s*:\s*elk\b/m.test(source) || /"layout"\s*:\s*"elk/.test(source)) out.push('elk');
  for (const ref of iconReferences(source)) out.push(ref.prefix);
  return [...new Set(out)];
}

/** The ```mermaid blocks of a Markdown text, found quickly (a hint for preloading, not the analysis). */
export function mermaidSources(markdown: string): string[] {
  return [...markdown.matchAll(/^[ \t]*(`{3,}|~{3,})[ \t]*mermaid[ \t]*\r?\n([\s\S]*?)^[ \t]*\1/gm)].map((m) => m[2] ?? '');
}
