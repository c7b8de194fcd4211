// Runs in Node: lints a list of files, on worker threads when there are enough files to pay for them.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import * as l10n from '@vscode/l10n';
import { createEngine, type ConfigProblem, type Engine, type Finding, type SchemaProblem } from '../core/index.js';
import { nodeMermaidParser } from '../node/mermaid-parser.js';
import type { Candidate } from './files.js';
import { nodeHost } from './node-host.js';

/** What linting one file needs besides its path. */
export interface LintJob {
  docsBase: string;
  /** The working directory: globs are relative to it when no config file is found. */
  root: string;
  schemaPath?: string;
  configPath?: string;
  /** The bundle of the language --locale picked, for worker threads to load; absent for English. */
  l10n?: Record<string, string>;
}

/** One file's outcome; `skipped` when it was not to be linted (not a snapshot, or excluded). */
export interface FileOutcome {
  path: string;
  findings: Finding[];
  skipped: boolean;
  schemaProblem?: SchemaProblem;
  configProblem?: ConfigProblem;
  /** Why the file could not be read. */
  error?: string;
}

/** An engine for the CLI: the local file system, mermaid on happy-dom, and few documents kept (each is linted once). */
export function cliEngine(docsBase: string): Engine {
  return createEngine({ host: nodeHost, mermaid: nodeMermaidParser, docsBase, maxDocuments: 2 });
}

/** Lints files one after another in this thread; one engine, so config and schema lookups are shared. */
export async function lintSequentially(files: Candidate[], job: LintJob): Promise<FileOutcome[]> {
  const engine = cliEngine(job.docsBase);
  const out: FileOutcome[] = [];
  for (const file of files) out.push(await lintOne(engine, file, job));
  return out;
}

async function lintOne(engine: Engine, file: Candidate, job: LintJob): Promise<FileOutcome> {
  const { path } = file;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    return { path, findings: [], skipped: false, error: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  }
  try {
    return await analyzeOne(engine, file, job, text);
  } catch (e) {
    // Whatever goes wrong in one document stays a finding on that document; the other files keep theirs.
    const message = l10n.t('Design Snapshot could not analyze this document ({0}); please report this.', e instanceof Error ? e.message : String(e));
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { path, findings: [{ ruleId: 'internal-error', severity: 'error', message, range, docs: `${job.docsBase}internal-error.md` }], skipped: false };
  }
}

async function analyzeOne(engine: Engine, file: Candidate, job: LintJob, text: string): Promise<FileOutcome> {
  const { path } = file;
  const analysis = await engine.analyze({
    uri: path,
    version: 0,
    text,
    root: job.root,
    ...(job.schemaPath ? { schemaPath: job.schemaPath } : {}),
    ...(job.configPath ? { configPath: job.configPath } : {}),
  });
  const problems = {
    ...(analysis.context.schemaProblem ? { schemaProblem: analysis.context.schemaProblem } : {}),
    ...(analysis.context.config.problem ? { configProblem: analysis.context.config.problem } : {}),
  };
  const verdict = analysis.snapshot;
  // Named files are always linted; under a named folder, all but the excluded; with no arguments, snapshots only.
  const lint = file.named === 'file' || verdict.isSnapshot || (file.named === 'folder' && verdict.by !== 'exclude' && verdict.by !== 'frontmatter');
  if (!lint) return { path, findings: [], skipped: true, ...problems };
  return { path, findings: [...(await analysis.allFindings())], skipped: false, ...problems };
}

/** Below this many files a worker's start-up costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 24;

/**
 * Lints files in order. With many files and more than one core it spreads them
 * over worker threads (dist/lint-worker.js); otherwise, or when the worker
 * bundle is missing, it lints in this thread.
 */
export async function lintFiles(files: Candidate[], job: LintJob, workerScript: string | undefined): Promise<FileOutcome[]> {
  const cores = availableParallelism();
  if (files.length < MIN_FILES_FOR_WORKERS || cores < 2 || !workerScript || !existsSync(workerScript)) return lintSequentially(files, job);
  const count = Math.min(cores, 4, Math.ceil(files.length / MIN_FILES_FOR_WORKERS));
  const results = new Array<FileOutcome | undefined>(files.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: count }, () => {
      // The parser allocates a lot of short-lived objects: a 64 MB young generation cut the KEP corpus
      // from 35 s to 29 s on 2 cores (fewer scavenges); 128 MB gained nothing more and used more memory.
      const worker = new Worker(workerScript, { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
      return new Promise<void>((resolve, reject) => {
        const feed = (): void => {
          if (next >= files.length) {
            void worker.terminate().then(() => resolve());
            return;
          }
          const i = next++;
          worker.postMessage({ i, file: files[i] });
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
  return results.map((r, i) => r ?? { path: files[i]?.path ?? '', findings: [], skipped: false, error: 'not linted' });
}

/** The body of a worker thread: lint each file it is sent and post the outcome back. */
export function serveWorker(port: { on(event: 'message', fn: (m: { i: number; file: Candidate }) => void): void; postMessage(m: unknown): void }, job: LintJob): void {
  const engine = cliEngine(job.docsBase);
  port.on('message', (m) => {
    void lintOne(engine, m.file, job).then((outcome) => port.postMessage({ i: m.i, outcome }));
  });
}
