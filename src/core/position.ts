/**
 * Positions as editors count them: 0-based lines and UTF-16 code units, with
 * `\r\n`, `\r` and `\n` each ending a line (as VS Code and LSP do).
 */
export interface Position {
  line: number;
  character: number;
}

/** A half-open span of text between two positions. */
export interface Range {
  start: Position;
  end: Position;
}

/** Maps offsets in one text to line/character positions and back. */
export class LineIndex {
  readonly #starts: number[];
  readonly #length: number;

  constructor(text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.#starts = starts;
    this.#length = text.length;
  }

  /** Number of lines; a text ending with a line break has an empty last line. */
  get lineCount(): number {
    return this.#starts.length;
  }

  /** Offset of the first character of `line` (clamped to the text). */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.#starts.length) return this.#length;
    return this.#starts[line] ?? this.#length;
  }

  /** Offset just past the last character of `line`, before its line break. */
  lineEnd(line: number, text: string): number {
    let end = line + 1 < this.#starts.length ? this.lineStart(line + 1) : this.#length;
    if (end > this.lineStart(line) && text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStart(line) && text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.#length));
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.#starts[mid] ?? 0) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - (this.#starts[lo] ?? 0) };
  }

  offsetAt(position: Position): number {
    return Math.min(this.lineStart(position.line) + Math.max(0, position.character), this.#length);
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(Math.max(startOffset, endOffset)) };
  }

  /** The whole of one line, without its line break. */
  lineRange(line: number, text: string): Range {
    return this.range(this.lineStart(line), this.lineEnd(line, text));
  }
}
