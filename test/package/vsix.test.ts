import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../unit/helpers.js';

test('package: vsce builds the .vsix (its secret scan included) with only what the extension needs', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'ds-vsix-')), 'design-snapshot.vsix');
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
  // What vsce packs, as it lists it (no unzip needed on the machine).
  const ls = spawnSync(process.execPath, [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  assert.equal(ls.status, 0, ls.stderr);
  const files = ls.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
  for (const needed of ['package.json', 'package.nls.json', 'dist/extension.cjs', 'dist/mermaid-worker.cjs', 'dist/markdown-worker.cjs', 'dist/web/extension.js', 'dist/web/mermaid-worker.js', 'dist/webview/preview.js', 'dist/webview/preview.css', 'dist/webview/codicon.css', 'dist/webview/codicon.ttf', 'schemas/design-snapshot.schema.json', 'templates/rag.md', 'docs/rules/section-missing.md', 'snippets/design-snapshot.code-snippets']) {
    assert.ok(files.includes(needed), `${needed} missing from the .vsix`);
  }
  // The preview's ES module chunks: every module any of them imports is packed (a missing one breaks a diagram type).
  const webview = files.filter((f) => /^dist\/webview\/.*\.js$/.test(f));
  assert.ok(webview.some((f) => f.startsWith('dist/webview/chunks/')), 'the chunks are packed');
  const missing = new Set<string>();
  for (const f of webview) {
    const code = readFileSync(join(ROOT, f), 'utf8');
    for (const m of code.matchAll(/(?:from|import\(?)\s*"(\.{1,2}\/[^"]+\.js)"/g)) {
      const target = join(f, '..', m[1] ?? '').replace(/\\/g, '/');
      if (!files.includes(target)) missing.add(`${f} → ${target}`);
    }
  }
  assert.deepEqual([...missing], [], 'every imported chunk is in the .vsix');
  const stray = files.filter((f) => /^(?:src|test|node_modules|bench|scripts|examples|\.vscode-test|out)\//.test(f) || /\.map$/.test(f));
  assert.deepEqual(stray, [], 'sources, tests, maps and node_modules stay out');
});
