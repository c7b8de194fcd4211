// Runs in a Node worker thread started by lint-files.ts: lints the files the main thread sends.
import { parentPort, workerData } from 'node:worker_threads';
import * as l10n from '@vscode/l10n';
import { serveWorker, type LintJob } from './lint-files.js';

const job = workerData as LintJob;
// The language the main thread loaded (--locale): a worker thread has its own copy of every module.
if (job.l10n) l10n.config({ contents: job.l10n });
if (parentPort) serveWorker(parentPort, job);
