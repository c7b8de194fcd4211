import type { Finding } from '../core/index.js';

/** The findings of one linted file, as the formatters receive them. */
export interface FileReport {
  /** Path relative to the working directory, with "/" separators. */
  path: string;
  findings: Finding[];
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** What every formatter is given. */
export interface LintReport {
  files: FileReport[];
  summary: Summary;
  /** A config file or schema that could not be used (the defaults linted instead), each once. */
  problems: Array<{ kind: 'config' | 'schema'; source: string; message: string }>;
}

export function summarize(files: FileReport[]): Summary {
  const s: Summary = { files: files.length, errors: 0, warnings: 0, infos: 0 };
  for (const f of files) {
    for (const d of f.findings) {
      if (d.severity === 'error') s.errors++;
      else if (d.severity === 'warning') s.warnings++;
      else s.infos++;
    }
  }
  return s;
}
