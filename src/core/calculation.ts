/** A line of source that states a calculation and its result. */
export interface CalculationLine {
  text: string;
  start: number;
  end: number;
}

// A relation followed by a stated number ("≈ 115", "= $260k", "→ 10^6").
const RELATION = /(?:≈|~=|~|=|→|->)\s*\$?\s*[\d.]/;
// An arithmetic operator between two numbered operands.
const OPERATOR = /[\d)%][^\d\n]{0,40}?\s(?:[×xX*÷/+−-])\s[^\n]{0,40}?[\d(]|[\d)]\s*[×*÷^]\s*[\d(]/;

/** True when a line reads as "operands, operator, relation, result". */
export function looksLikeCalculation(line: string): boolean {
  return RELATION.test(line) && OPERATOR.test(line);
}

/** Lines inside the given source spans that state a calculation (code and comments skipped). */
export function findCalculations(text: string, spans: Array<[number, number]>): CalculationLine[] {
  const out: CalculationLine[] = [];
  const lineRe = /[^\r\n]*/y;
  for (const [start, end] of spans) {
    const head = text.slice(start, start + 4);
    if (head.startsWith('```') || head.startsWith('~~~') || head.startsWith('<!--')) continue;
    let i = start;
    while (i < end) {
      lineRe.lastIndex = i;
      const m = lineRe.exec(text);
      const lineEnd = Math.min(end, i + (m?.[0].length ?? 0));
      const line = text.slice(i, lineEnd);
      if (looksLikeCalculation(line)) {
        const lead = line.length - line.trimStart().length;
        out.push({ text: line.trim(), start: i + lead, end: i + line.trimEnd().length });
      }
      i = lineEnd + (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? 2 : 1);
    }
  }
  return out;
}
