// Runs in a Node worker thread started by lint-files.ts: lints the files the main thread sends.
import { parentPort, workerData } from 'node:worker_threads';
import { serveWorker, type LintJob } from './lint-files.js';

if (parentPort) serveWorker(parentPort, workerData as LintJob);
