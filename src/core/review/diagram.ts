import { reviewCache } from './caches.js';

/**
 * A small reader of Mermaid flowchart text (no mermaid import in the core): the
 * nodes with their labels and the edge labels, with their lines, for the rules
 * that compare a diagram with the prose around it.
 */

/** A node of a flowchart with the label it is drawn with (its id when it has none). */
export interface FlowNode {
  id: string;
  label: string;
  /** 0-based line within the diagram source, and the label's offsets within that line. */
  line: number;
  start: number;
  end: number;
}

/** A label of a flowchart: a node's, an edge's or a subgraph's. */
export interface FlowLabel {
  kind: 'node' | 'edge' | 'subgraph';
  text: string;
  line: number;
  start: number;
  end: number;
}

export interface Flowchart {
  nodes: FlowNode[];
  labels: FlowLabel[];
}

const CLOSERS: ReadonlyArray<[string, string[]]> = [
  ['(((', [')))']],
  ['[[', [']]']],
  ['[(', [')]']],
  ['([', ['])']],
  ['((', ['))']],
  ['{{', ['}}']],
  ['[/', ['/]', '\\]']],
  ['[\\', ['\\]', '/]']],
  ['[', [']']],
  ['(', [')']],
  ['{', ['}']],
  ['>', [']']],
];

const ID = /[A-Za-z0-9_][\w.:-]*/y;
const SKIP_LINE = /^\s*(?:classDef|class|style|linkStyle|click|direction|accTitle|accDescr|%%)\b/;

function unquote(s: string): string {
  return s
    .trim()
    .replace(/^"(.*)"$/s, '$1')
    .replace(/^`(.*)`$/s, '$1')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/[*`]/g, '')
    .replace(/&[a-z]+;|#\w+;/gi, ' ')
    .trim();
}

const charts = reviewCache<string, Flowchart>(256);

/** The flowchart of a diagram block, read once per diagram text (the rules that compare diagrams share it). */
export function flowchartOf(block: { source: string }): Flowchart {
  let c = charts.get(block.source);
  if (!c) {
    c = readFlowchart(block.source);
    charts.set(block.source, c);
  }
  return c;
}

/** True when the diagram is a flowchart (or graph). */
export function isFlowchart(source: string): boolean {
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('%%')) continue;
    if (line === '---') return /\n---\s*\n\s*(?:flowchart|graph)\b/.test(source);
    return /^(?:flowchart|graph)\b/.test(line);
  }
  return false;
}

/** The nodes and labels of a flowchart source; an empty result for other diagrams. */
export function readFlowchart(source: string): Flowchart {
  const out: Flowchart = { nodes: [], labels: [] };
  if (!isFlowchart(source)) return out;
  const seen = new Map<string, FlowNode>();
  const lines = source.split(/\r?\n/);
  let header = true;
  let inFront = false;
  lines.forEach((raw, lineNo) => {
    const noComment = raw.replace(/%%.*$/, '');
    if (/^\s*---\s*$/.test(noComment)) {
      inFront = !inFront;
      return;
    }
    if (inFront || !noComment.trim()) return;
    if (header && /^\s*(?:flowchart|graph)\b/.test(noComment)) {
      header = false;
      return;
    }
    if (SKIP_LINE.test(noComment)) return;
    const sub = /^(\s*subgraph\s+)(.*)$/.exec(noComment);
    if (sub) {
      const rest = sub[2] ?? '';
      const titled = /^([\w.:-]+)\s*\[(.*)\]\s*$/.exec(rest.trim());
      const text = unquote(titled ? (titled[2] ?? '') : rest);
      const at = (sub[1] ?? '').length + (titled ? rest.indexOf('[') + 1 : 0);
      if (text) out.labels.push({ kind: 'subgraph', text, line: lineNo, start: at, end: at + text.length });
      return;
    }
    if (/^\s*end\s*;?\s*$/.test(noComment)) return;
    scanLine(noComment, lineNo, out, seen);
  });
  return out;
}

function scanLine(line: string, lineNo: number, out: Flowchart, seen: Map<string, FlowNode>): void {
  let i = 0;
  const n = line.length;
  while (i < n) {
    const c = line[i] ?? '';
    if (/\s|;|&/.test(c)) {
      i++;
      continue;
    }
    // Edge with a label: -->|text|, -- text -->, -. text .->, == text ==>
    const pipe = /^(?:<?[-=.]{2,}[>ox]?|~~~)\s*\|([^|]*)\|/.exec(line.slice(i));
    if (pipe) {
      const text = unquote(pipe[1] ?? '');
      const at = i + pipe[0].indexOf('|') + 1;
      if (text) out.labels.push({ kind: 'edge', text, line: lineNo, start: at, end: at + (pipe[1] ?? '').length });
      i += pipe[0].length;
      continue;
    }
    // A label is at most 200 characters: unbounded, the lazy scan ran to the line's end from every "==" (quadratic).
    const inline = /^(?:<?--|==|-\.)(?![->.=])\s*("[^"]{0,200}"|[^-=.>"|][^>]{0,200}?)\s*(?:-->|---|==>|===|\.->|-\.-|--[ox]|<-->)/.exec(line.slice(i, i + 420));
    if (inline) {
      const text = unquote(inline[1] ?? '');
      const at = i + inline[0].indexOf(inline[1] ?? '');
      if (text) out.labels.push({ kind: 'edge', text, line: lineNo, start: at, end: at + (inline[1] ?? '').length });
      i += inline[0].length;
      continue;
    }
    const arrow = /^(?:<?[-=.]{2,}[>ox]?|~~~|[-=]{2,})/.exec(line.slice(i));
    if (arrow) {
      i += arrow[0].length;
      continue;
    }
    if (c === '"') {
      // A quoted string outside a node's brackets is text, never a node.
      const close = line.indexOf('"', i + 1);
      i = close < 0 ? n : close + 1;
      continue;
    }
    ID.lastIndex = i;
    const id = ID.exec(line);
    if (!id) {
      i++;
      continue;
    }
    const j = i + id[0].length;
    // The newer shape syntax: id@{ shape: rect, label: "…" }
    const at = /^@\{([^}]*)\}/.exec(line.slice(j));
    if (at) {
      const m = /label\s*:\s*"([^"]*)"|label\s*:\s*([^,}]*)/.exec(at[1] ?? '');
      const text = unquote(m?.[1] ?? m?.[2] ?? id[0]);
      const start = j + 2 + (at[1] ?? '').indexOf(m?.[1] ?? m?.[2] ?? '');
      addNode(out, seen, id[0], text, lineNo, start, start + text.length, !!m);
      i = j + at[0].length;
      continue;
    }
    const opener = CLOSERS.find(([o]) => line.startsWith(o, j));
    if (opener && !/^-/.test(line.slice(j))) {
      const [open, closes] = opener;
      const from = j + open.length;
      let to = -1;
      let close = '';
      // A quoted label may hold the closing characters.
      const quoted = line[from] === '"' ? line.indexOf('"', from + 1) : -1;
      for (const cl of closes) {
        const k = line.indexOf(cl, quoted > 0 ? quoted : from);
        if (k >= 0 && (to < 0 || k < to)) {
          to = k;
          close = cl;
        }
      }
      if (to >= 0) {
        const text = unquote(line.slice(from, to));
        const lead = line.slice(from, to).length - line.slice(from, to).trimStart().length;
        addNode(out, seen, id[0], text || id[0], lineNo, from + lead, from + lead + line.slice(from, to).trim().length, true);
        i = to + close.length;
        continue;
      }
    }
    // A bare id (a node defined elsewhere, or a node without a label).
    addNode(out, seen, id[0], id[0], lineNo, i, j, false);
    i = j;
  }
}

function addNode(out: Flowchart, seen: Map<string, FlowNode>, id: string, label: string, line: number, start: number, end: number, labelled: boolean): void {
  const known = seen.get(id);
  if (known) {
    if (labelled && known.label === known.id) {
      known.label = label;
      known.line = line;
      known.start = start;
      known.end = end;
      out.labels.push({ kind: 'node', text: label, line, start, end });
    }
    return;
  }
  const node: FlowNode = { id, label, line, start, end };
  seen.set(id, node);
  out.nodes.push(node);
  if (labelled) out.labels.push({ kind: 'node', text: label, line, start, end });
}
