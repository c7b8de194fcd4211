#!/usr/bin/env node
// Runs in Node: the CLI's shim; all work is in src/cli/main.ts (bundled to dist/cli.js).
import { main, nodeIo } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2), nodeIo());
