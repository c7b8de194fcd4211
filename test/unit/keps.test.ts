import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { glob } from 'tinyglobby';
import { lintText } from '../../src/core/index.js';
import { ROOT } from './helpers.js';

const KEPS = `${ROOT}../shared/corpora/keps`;

test('corpus: all 660 Kubernetes enhancement proposals lint without a crash', { skip: !existsSync(KEPS) && 'shared/corpora/keps is not beside the repository' }, async () => {
  const files = await glob('**/*.md', { cwd: KEPS, absolute: true });
  assert.ok(files.length >= 660, `found ${files.length} files`);
  let findings = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const result = lintText(text);
    assert.ok(!result.some((f) => f.ruleId === 'internal-error'), `${file}: ${result.find((f) => f.ruleId === 'internal-error')?.message}`);
    findings += result.length;
  }
  // Real design docs that are not snapshots: many findings, but every file gets through.
  assert.ok(findings > files.length);
});
