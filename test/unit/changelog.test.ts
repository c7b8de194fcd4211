import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ROOT } from './helpers.js';

test('changelog: the newest entry is the version in package.json', () => {
  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string };
  const first = /^## (\S+) — \d{4}-\d{2}-\d{2}$/m.exec(readFileSync(`${ROOT}CHANGELOG.md`, 'utf8'));
  assert.equal(first?.[1], pkg.version);
});
