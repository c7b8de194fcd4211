import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ROOT } from './helpers.js';

/** Compares dotted versions numerically (1.10.0 > 1.9.2). */
function compare(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

// The newest entry is package.json's version, or the next one being prepared on a branch (its heading written before
// the release bumps package.json); either way package.json's version has an entry, and no entry is out of order.
test('changelog: package.json\'s version has an entry; the newest entry is that version or the next one', () => {
  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string };
  const versions = [...readFileSync(`${ROOT}CHANGELOG.md`, 'utf8').matchAll(/^## (\S+) — \d{4}-\d{2}-\d{2}$/gm)].map((m) => m[1] ?? '');
  assert.ok(versions.includes(pkg.version), `no entry for ${pkg.version}`);
  const newest = versions[0] ?? '';
  assert.ok(newest === pkg.version || (compare(newest, pkg.version) > 0 && versions[1] === pkg.version), `newest entry ${newest}, package.json ${pkg.version}`);
  for (let i = 1; i < versions.length; i++) assert.ok(compare(versions[i - 1] ?? '', versions[i] ?? '') > 0, `entries out of order: ${versions[i - 1]} before ${versions[i]}`);
});
