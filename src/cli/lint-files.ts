// Runs in Node: lints a list of files, on worker threads when there are enough files to pay for them.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkMermaid, compareFindings, createEngine, isSnapshot, type Finding, type SchemaProblem } from '../core/index.js';
import { nodeMermaidParser } from '../core/node/mermaid-parser.js';
import { nodeHost } from './node-host.js';

/** What linting one file needs besides its path. */
export interface LintJob {
  docsBase: string;
  schemaPath?: string;
  /** When true, files that do not declare themselves snapshots are skipped. */
  snapshotsOnly: boolean;
}

/** One file's outcome; `skipped` when it is not a snapshot and only snapshots were asked for. */
export interface FileOutcome {
  path: string;
  findings: Finding[];
  skipped: boolean;
  schemaProblem?: SchemaProblem;
  /** Why the file could not be read. */
  error?: string;
}

/** Lints files one after another in this thread; one engine, so schema lookups are shared. */
export async function lintSequentially(paths: string[], job: LintJob): Promise<FileOutcome[]> {
  const engine = createEngine(nodeHost);
  const out: FileOutcome[] = [];
  for (const path of paths) out.push(await lintOne(engine, path, job));
  return out;
}

async function lintOne(engine: ReturnType<typeof createEngine>, path: string, job: LintJob): Promise<FileOutcome> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    return { path, findings: [], skipped: false, error: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  }
  if (job.snapshotsOnly && !isSnapshot(text)) return { path, findings: [], skipped: true };
  const r = await engine.lintFile(path, text, { docsBase: job.docsBase, ...(job.schemaPath ? { schemaPath: job.schemaPath } : {}) });
  // Mermaid (and its DOM) is loaded only when a document has a diagram.
  const diagrams = /(?:`{3,}|~{3,})\s*mermaid/i.test(text) ? await checkMermaid(text, await nodeMermaidParser(), { docsBase: job.docsBase }) : [];
  const findings = diagrams.length ? [...r.findings, ...diagrams].sort(compareFindings) : r.findings;
  return { path, findings, skipped: false, ...(r.schemaProblem ? { schemaProblem: r.schemaProblem } : {}) };
}

/** Below this many files a worker's start-up costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 24;

/**
 * Lints files in order of `paths`. With many files and more than one core it
 * spreads them over worker threads (dist/lint-worker.js); otherwise, or when
 * the worker bundle is missing, it lints in this thread.
 */
export async function lintFiles(paths: string[], job: LintJob, workerScript: string | undefined): Promise<FileOutcome[]> {
  const cores = availableParallelism();
  if (paths.length < MIN_FILES_FOR_WORKERS || cores < 2 || !workerScript || !existsSync(workerScript)) return lintSequentially(paths, job);
  const count = Math.min(cores, 4, Math.ceil(paths.length / MIN_FILES_FOR_WORKERS));
  const results = new Array<FileOutcome | undefined>(paths.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: count }, () => {
      // The parser allocates a lot of short-lived objects: a 64 MB young generation cut the KEP corpus
      // from 35 s to 29 s on 2 cores (fewer scavenges); 128 MB gained nothing more and used more memory.
      const worker = new Worker(workerScript, { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
      return new Promise<void>((resolve, reject) => {
        const feed = (): void => {
          if (next >= paths.length) {
            void worker.terminate().then(() => resolve());
            return;
          }
          const i = next++;
          worker.postMessage({ i, path: paths[i] });
        };
        worker.on('message', (m: { i: number; outcome: FileOutcome }) => {
          results[m.i] = m.outcome;
          feed();
        });
        worker.on('error', reject);
        worker.on('online', feed);
      });
    }),
  );
  return results.map((r, i) => r ?? { path: paths[i] ?? '', findings: [], skipped: false, error: 'not linted' });
}

/** The body of a worker thread: lint each file it is sent and post the outcome back. */
export function serveWorker(port: { on(event: 'message', fn: (m: { i: number; path: string }) => void): void; postMessage(m: unknown): void }, job: LintJob): void {
  const engine = createEngine(nodeHost);
  port.on('message', (m) => {
    void lintOne(engine, m.path, job).then((outcome) => port.postMessage({ i: m.i, outcome }));
  });
}
