import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../unit/helpers.js';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The manifest fields VS Code shows to people (titles, descriptions, welcome text), with their JSON paths. */
const SHOWN = new Set(['title', 'category', 'description', 'markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'name', 'contextualTitle', 'contents']);

const TOOL_SHOWN = new Set(['displayName', 'userDescription']);

function shownStrings(node: Json, path: string, shown: boolean, out: Array<[string, string]>): void {
  if (typeof node === 'string') {
    if (shown) out.push([path, node]);
  } else if (Array.isArray(node)) {
    node.forEach((v, i) => shownStrings(v, `${path}[${i}]`, shown, out));
  } else if (node && typeof node === 'object') {
    // Language-model tools: their display name and user description are shown; the name is an identifier and the
    // model description and input schema speak to the model, in English.
    const tool = /\.languageModelTools\[\d+\]$/.test(path);
    for (const [k, v] of Object.entries(node)) {
      if (tool) shownStrings(v, `${path}.${k}`, TOOL_SHOWN.has(k), out);
      else if (!/\.languageModelTools\[\d+\]\./.test(`${path}.`)) shownStrings(v, `${path}.${k}`, SHOWN.has(k), out);
    }
  }
}

test('manifest: every string VS Code shows from contributes and capabilities is a %key% of package.nls.json, and every key is used', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: Json; capabilities: Json };
  const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const strings: Array<[string, string]> = [];
  shownStrings(pkg.contributes, 'contributes', false, strings);
  shownStrings(pkg.capabilities, 'capabilities', false, strings);
  assert.ok(strings.length > 60, `found ${strings.length} shown strings`);
  const literal = strings.filter(([, s]) => !/^%[\w.-]+%$/.test(s));
  assert.deepEqual(literal, [], 'shown strings written in the manifest instead of package.nls.json');
  const used = new Set(strings.map(([, s]) => s.slice(1, -1)));
  assert.deepEqual([...used].filter((k) => typeof nls[k] !== 'string' || !nls[k]), [], 'keys with no English text');
  assert.deepEqual(Object.keys(nls).filter((k) => !used.has(k)), [], 'keys nothing uses');
});
