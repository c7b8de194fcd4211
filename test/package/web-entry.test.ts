// Runs in Node under node:test: the built browser entry (package.json "browser") loads where VS Code's web extension
// host runs it, a web worker: no Node globals, no DOM. A quick check before the web integration suite, which runs it
// in a real browser (test/web).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createContext, runInContext } from 'node:vm';
import { ROOT } from '../unit/helpers.js';

/**
 * A stand-in for the vscode module: every member is a function (callable, constructible) with members of its own,
 * also through its prototype (esbuild's CommonJS interop reads the module's members there).
 */
function anything(): unknown {
  const target = function () {} as unknown as object;
  const members = new Proxy({}, { get: (_, key) => (key === Symbol.toPrimitive ? () => '' : anything()) });
  return new Proxy(target, {
    get: (_, key) => (key === Symbol.toPrimitive ? () => '' : key === 'prototype' ? {} : key === '__esModule' ? undefined : anything()),
    getPrototypeOf: () => members,
    apply: () => anything(),
    construct: () => anything() as object,
  });
}

test('package: the browser entry is CommonJS that loads in a web worker’s globals (no Node, no DOM) and exports activate', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { browser: string };
  assert.equal(manifest.browser, './dist/web/extension.js');
  const code = readFileSync(join(ROOT, manifest.browser), 'utf8');
  const required: string[] = [];
  const module = { exports: {} as Record<string, unknown> };
  const require = (id: string): unknown => {
    required.push(id);
    if (id === 'vscode') return anything();
    throw new Error(`require("${id}"): a web worker has no module of that name`);
  };
  // What a dedicated worker's global scope offers, and nothing else.
  const worker = { TextEncoder, TextDecoder, URL, Blob, console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, performance, crypto, fetch, structuredClone, module, exports: module.exports, require };
  const context = createContext({ ...worker, self: undefined });
  runInContext('self = globalThis;', context);
  runInContext(code, context, { filename: manifest.browser });
  assert.deepEqual([...new Set(required)], ['vscode'], 'only vscode is required');
  assert.equal(typeof module.exports.activate, 'function');
  assert.equal(typeof module.exports.deactivate, 'function');
});
