// Runs in Node: the engine's host over the local file system.
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { EngineHost } from '../core/index.js';

export const nodeHost: EngineHost = {
  async readFile(path) {
    try {
      return await readFile(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  async readDirectory(path) {
    try {
      return await readdir(path);
    } catch {
      return undefined;
    }
  },
  dirname,
  join,
};
