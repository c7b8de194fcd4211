/**
 * Icons a diagram names (`logos:aws-s3` in a flowchart's `@{ icon: … }` or an architecture service), found in its
 * text, for the check that each one is in a bundled pack: mermaid draws a "?" for an icon it cannot find.
 */
import { contentLines } from './mermaid-source.js';

/** One icon named in a diagram, with its 0-based line and column. */
export interface IconReference {
  /** `prefix:name`, as written. */
  name: string;
  prefix: string;
  icon: string;
  line: number;
  column: number;
}

const PATTERNS = [
  // Flowchart and kanban shape data: A@{ icon: "logos:aws-s3", … }
  /\bicon\s*:\s*["']?([a-z0-9]+(?:-[a-z0-9]+)*):([a-z0-9]+(?:[-_][a-z0-9]+)*)/gi,
  // Architecture: service db(logos:aws-aurora)[Database], group api(logos:aws-lambda)[API], junction j(mdi:x)
  /^\s*(?:service|group|junction)\s+[\w-]+\s*\(\s*([a-z0-9]+(?:-[a-z0-9]+)*):([a-z0-9]+(?:[-_][a-z0-9]+)*)\s*\)/gi,
];

/** Every `prefix:name` icon a diagram uses, in order. */
export function iconReferences(diagram: string): IconReference[] {
  const lines = diagram.replace(/\r\n?/g, '\n').split('\n');
  const parsed = contentLines(diagram);
  const out: IconReference[] = [];
  lines.forEach((text, line) => {
    if (!parsed.has(line)) return;
    for (const re of PATTERNS) {
      for (const m of text.matchAll(re)) {
        const prefix = m[1] ?? '';
        const icon = m[2] ?? '';
        const name = `${prefix}:${icon}`;
        out.push({ name, prefix, icon, line, column: (m.index ?? 0) + m[0].lastIndexOf(name) });
      }
    }
  });
  return out;
}

/** The icon name of a pack closest to `icon` (a typo such as aws-s4 for aws-s3), if one is close. */
export function closestIcon(icon: string, names: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const n of names) {
    if (Math.abs(n.length - icon.length) > 3) continue;
    const score = editDistance(icon, n, 3);
    if (score < bestScore) [best, bestScore] = [n, score];
  }
  return bestScore <= Math.max(1, Math.min(3, Math.floor(icon.length / 4))) ? best : undefined;
}

/** Levenshtein distance, giving up (returning limit + 1) once it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let min = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      min = Math.min(min, v);
    }
    if (min > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length] as number;
}
