// Runs in a Node worker thread started by lint-files.ts: lints the files the main thread sends.
import { parentPort, workerData } from 'node:worker_threads';
import { useTranslations } from '../core/index.js';
import { serveWorker, type LintJob } from './lint-files.js';

const job = workerData as LintJob;
// The language the main thread loaded (--locale): a worker thread has its own copy of every module.
if (job.l10n) useTranslations(job.l10n);
if (parentPort) serveWorker(parentPort, job);
