import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { main, type CliIo } from '../../src/cli/main.js';
import { FIXTURES, ROOT } from './helpers.js';

async function run(argv: string[], cwd = FIXTURES): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    cwd,
    packageRoot: ROOT,
    env: { USER: 'tester' },
    today: () => '2026-11-23',
    author: () => 'tester',
  };
  const code = await main(argv, io);
  return { code, out, err };
}

test('cli lint: a clean snapshot exits 0', async () => {
  const r = await run(['lint', 'complete.md']);
  assert.equal(r.code, 0, r.out + r.err);
  assert.equal(r.out, '1 file linted: 0 errors, 0 warnings, 0 infos\n');
});

test('cli lint: text output is path:line:col severity message [ruleId]; errors exit 1', async () => {
  const r = await run(['lint', 'rules/section-content/not-ok.md']);
  assert.equal(r.code, 1);
  const first = r.out.split('\n')[0];
  assert.match(first ?? '', /^rules\/section-content\/not-ok\.md:6:1 error Missing section "Context"; expected a "## Context" heading \(also accepted: Problem, Problem statement, Problem definition, Problem formulation and \d+ more\)\. \[section-missing\]$/);
});

test('cli lint: --format json prints exactly the documented shape', async () => {
  const r = await run(['lint', '--format', 'json', 'rules/section-order/not-ok.md']);
  assert.equal(r.code, 0);
  const json = JSON.parse(r.out);
  assert.deepEqual(Object.keys(json), ['files', 'summary']);
  assert.deepEqual(Object.keys(json.files[0]), ['path', 'diagnostics']);
  assert.equal(json.files[0].path, 'rules/section-order/not-ok.md');
  const order = json.files[0].diagnostics.find((d: { ruleId: string }) => d.ruleId === 'section-order');
  assert.deepEqual(order, {
    ruleId: 'section-order',
    severity: 'info',
    message: 'Section "Architecture" is out of order; expected it after "Requirements".',
    line: 11,
    column: 1,
    endLine: 11,
    endColumn: 16,
    section: 'architecture',
  });
  assert.deepEqual(json.summary, { files: 1, errors: 0, warnings: 6, infos: 1 });
});

test('cli lint: --format sarif is SARIF 2.1.0 with rules, levels and regions', async () => {
  const r = await run(['lint', '--format', 'sarif', 'rules/section-order/not-ok.md']);
  const sarif = JSON.parse(r.out);
  assert.equal(sarif.version, '2.1.0');
  const run0 = sarif.runs[0];
  assert.equal(run0.tool.driver.name, 'design-snapshot');
  const ids = run0.tool.driver.rules.map((x: { id: string }) => x.id);
  assert.ok(ids.includes('section-missing') && ids.includes('placeholder-left'));
  const res = run0.results.find((x: { ruleId: string }) => x.ruleId === 'section-order');
  assert.equal(res.level, 'note');
  assert.equal(ids[res.ruleIndex], 'section-order');
  assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 11, startColumn: 1, endLine: 11, endColumn: 16 });
  assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'rules/section-order/not-ok.md');
  assert.match(run0.tool.driver.rules[0].helpUri, /^file:.*docs\/rules\/frontmatter-invalid\.md$/);
});

test('cli lint: --max-warnings and --quiet', async () => {
  assert.equal((await run(['lint', 'rules/section-order/not-ok.md', '--max-warnings', '6'])).code, 0);
  assert.equal((await run(['lint', 'rules/section-order/not-ok.md', '--max-warnings', '5'])).code, 1);
  const quiet = await run(['lint', 'rules/section-order/not-ok.md', '--quiet']);
  assert.equal(quiet.out, '1 file linted: 0 errors, 0 warnings, 0 infos\n');
});

test('cli lint: usage and I/O errors exit 2 with a clear message', async () => {
  let r = await run(['lint', 'does-not-exist.md']);
  assert.equal(r.code, 2);
  assert.match(r.err, /does-not-exist\.md: no such file or directory/);
  r = await run(['lint', '--format', 'xml', 'complete.md']);
  assert.equal(r.code, 2);
  assert.match(r.err, /--format must be text, json or sarif/);
  r = await run(['lint', '--bogus']);
  assert.equal(r.code, 2);
  assert.match(r.err, /Unknown option '--bogus'/);
  r = await run(['frobnicate']);
  assert.equal(r.code, 2);
  r = await run(['lint', 'nothing/**/*.md']);
  assert.equal(r.code, 2);
  assert.match(r.err, /matches no Markdown files/);
});

test('cli lint: a broken --schema is named once, the default still lints, exit 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ds-cli-'));
  writeFileSync(join(dir, 'schema.json'), '{ nope');
  writeFileSync(join(dir, 'a.md'), readFileSync(join(FIXTURES, 'rules/section-missing/not-ok.md')));
  writeFileSync(join(dir, 'b.md'), readFileSync(join(FIXTURES, 'complete.md')));
  const r = await run(['lint', '--schema', 'schema.json', 'a.md', 'b.md'], dir);
  assert.equal(r.code, 2);
  assert.equal(r.err.match(/schema schema\.json is not usable: not valid JSON/g)?.length, 1, r.err);
  assert.match(r.out, /a\.md:6:1 warning Missing section "Context"/);
});

test('cli lint: a folder is scanned for snapshots only; an ordinary README is left alone', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ds-cli-'));
  mkdirSync(join(dir, 'docs/design'), { recursive: true });
  writeFileSync(join(dir, 'README.md'), '# Project\n\nTODO\n');
  writeFileSync(join(dir, 'docs/design/a.md'), readFileSync(join(FIXTURES, 'complete.md')));
  const r = await run(['lint', '--format', 'json'], dir);
  assert.deepEqual(JSON.parse(r.out).files.map((f: { path: string }) => f.path), ['docs/design/a.md']);
});

test('cli lint: no arguments lint what the config includes (README, dot-folders and node_modules left out) plus frontmatter snapshots', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ds-cli-'));
  const plain = '# Notes\n\nProse.\n';
  for (const p of ['specs/a.md', 'specs/README.md', 'specs/.hidden/b.md', 'node_modules/x/specs/c.md', 'other/d.md', '.design-snapshot/templates/t.md']) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), plain);
  }
  writeFileSync(join(dir, 'other/e.md'), readFileSync(join(FIXTURES, 'complete.md')));
  writeFileSync(join(dir, '.design-snapshot/config.json'), JSON.stringify({ include: ['specs/**/*.md'] }));
  const r = await run(['lint', '--format', 'json'], dir);
  assert.deepEqual(JSON.parse(r.out).files.map((f: { path: string }) => f.path), ['other/e.md', 'specs/a.md']);
});

test('cli lint: a named folder lints every Markdown file but the excluded ones; dot-named files are in, dot-folders out; a named file always', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ds-cli-'));
  const plain = '# Notes\n\nProse.\n';
  for (const p of ['docs/a.md', 'docs/.draft.md', 'docs/README.md', 'docs/.git/x.md', 'docs/sub/index.md']) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), plain);
  }
  writeFileSync(join(dir, 'docs/opted-out.md'), '---\ndesignSnapshot: false\n---\n# X\n');
  const r = await run(['lint', '--format', 'json', 'docs'], dir);
  assert.deepEqual(JSON.parse(r.out).files.map((f: { path: string }) => f.path), ['docs/.draft.md', 'docs/a.md']);
  const named = await run(['lint', '--format', 'json', 'docs/README.md'], dir);
  assert.deepEqual(JSON.parse(named.out).files.map((f: { path: string }) => f.path), ['docs/README.md']);
});

test('cli lint: each real file once, whatever links lead to it (a symlink loop included)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ds-cli-'));
  mkdirSync(join(dir, 'docs/design'), { recursive: true });
  writeFileSync(join(dir, 'docs/design/a.md'), readFileSync(join(FIXTURES, 'complete.md')));
  symlinkSync(join(dir, 'docs'), join(dir, 'docs/design/loop'));
  symlinkSync(join(dir, 'docs/design/a.md'), join(dir, 'docs/design/alias.md'));
  const r = await run(['lint', '--format', 'json', 'docs'], dir);
  assert.equal(JSON.parse(r.out).files.length, 1, r.out);
});

test('cli lint: the config file sets severities; --config names another; a broken config exits 2, is named once, and every finding is still printed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ds-cli-'));
  mkdirSync(join(dir, 'docs/design'), { recursive: true });
  mkdirSync(join(dir, '.design-snapshot'));
  writeFileSync(join(dir, 'docs/design/a.md'), readFileSync(join(FIXTURES, 'rules/section-missing/not-ok.md')));
  writeFileSync(join(dir, '.design-snapshot/config.json'), JSON.stringify({ rules: { 'section-missing': 'error' } }));
  let r = await run(['lint', '--format', 'json'], dir);
  assert.equal(r.code, 1);
  const missing = (out: string) => JSON.parse(out).files[0].diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'section-missing');
  assert.ok(missing(r.out).length === 5 && missing(r.out).every((d: { severity: string }) => d.severity === 'error'));
  writeFileSync(join(dir, 'ci.json'), JSON.stringify({ rules: { 'section-missing': 'off' } }));
  r = await run(['lint', '--format', 'json', '--config', 'ci.json', 'docs/design/a.md'], dir);
  assert.equal(missing(r.out).length, 0);
  r = await run(['lint', '--config', 'nope.json'], dir);
  assert.equal(r.code, 2);
  assert.match(r.err, /--config nope\.json: no such file/);
  writeFileSync(join(dir, '.design-snapshot/config.json'), JSON.stringify({ rules: { 'section-ordr': 'off' } }));
  mkdirSync(join(dir, 'docs/design/more'));
  writeFileSync(join(dir, 'docs/design/more/b.md'), readFileSync(join(FIXTURES, 'rules/section-missing/not-ok.md')));
  r = await run(['lint'], dir);
  assert.equal(r.code, 2);
  assert.equal(r.err.match(/config \.design-snapshot\/config\.json is not usable: rules: unknown rule id "section-ordr"/g)?.length, 1, r.err);
  assert.match(r.out, /docs\/design\/a\.md:6:1 warning Missing section "Context"/);
  assert.match(r.out, /docs\/design\/more\/b\.md:6:1 warning Missing section "Context"/);
  const sarif = JSON.parse((await run(['lint', '--format', 'sarif'], dir)).out);
  assert.match(sarif.runs[0].invocations[0].toolConfigurationNotifications[0].message.text, /^config \.design-snapshot\/config\.json: rules: unknown rule id/);
  assert.equal(sarif.runs[0].invocations[0].executionSuccessful, false);
});

test('cli new: creates from a template and refuses to overwrite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ds-cli-'));
  let r = await run(['new', 'generic', 'docs/design/my-system.md', '--title', 'My "quoted" system'], dir);
  assert.equal(r.code, 0, r.err);
  const text = readFileSync(join(dir, 'docs/design/my-system.md'), 'utf8');
  assert.match(text, /^---\ntitle: "My \\"quoted\\" system"\n/);
  assert.match(text, /authors: \["tester"\]/);
  assert.match(text, /created: "2026-11-23"/);
  assert.doesNotMatch(text, /^template:/m);
  writeFileSync(join(dir, 'docs/design/my-system.md'), 'mine');
  r = await run(['new', 'generic', 'docs/design/my-system.md'], dir);
  assert.equal(r.code, 2);
  assert.match(r.err, /already exists; refusing to overwrite/);
  assert.equal(readFileSync(join(dir, 'docs/design/my-system.md'), 'utf8'), 'mine');
  r = await run(['new', 'no-such-template', 'x.md'], dir);
  assert.equal(r.code, 2);
  assert.match(r.err, /no template "no-such-template"; available: .*generic/);
});

test('cli new: a title with line breaks stays one line; a file that cannot be written is one line on stderr and exit 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ds-cli-'));
  let r = await run(['new', 'generic', 'a.md', '--title', 'Line one\nstatus: approved\r\n# Injected'], dir);
  assert.equal(r.code, 0, r.err);
  const text = readFileSync(join(dir, 'a.md'), 'utf8');
  assert.match(text, /^---\ntitle: "Line one status: approved # Injected"\nstatus: draft\n/);
  assert.match(text, /^# Line one status: approved # Injected$/m);
  assert.doesNotMatch(text, /^status: approved/m);
  // Under /proc no folder can be made (Node's recursive mkdir never returns there).
  r = await run(['new', 'generic', '/proc/no-such-folder/a.md'], dir);
  assert.equal(r.code, 2);
  assert.equal(r.err, 'design-snapshot: cannot write /proc/no-such-folder/a.md: its folder cannot be created there.\n');
  writeFileSync(join(dir, 'file'), 'x');
  r = await run(['new', 'generic', 'file/a.md'], dir);
  assert.equal(r.code, 2);
  assert.match(r.err, /^design-snapshot: cannot write file\/a\.md: ENOTDIR\.\n$/);
});

test('cli templates: lists built-in and workspace templates; a malformed one is named and skipped', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ds-cli-'));
  mkdirSync(join(dir, '.design-snapshot/templates'), { recursive: true });
  writeFileSync(join(dir, '.design-snapshot/templates/team-rfc.md'), '---\ntemplate:\n  name: Team RFC\n  description: Our RFC format\n---\n# {{title}}\n');
  writeFileSync(join(dir, '.design-snapshot/templates/broken.md'), '# no frontmatter\n');
  const r = await run(['templates'], dir);
  assert.equal(r.code, 0);
  assert.match(r.out, /^generic +Generic system design: /m);
  assert.match(r.out, /^team-rfc +Team RFC: Our RFC format \(\.design-snapshot\/templates\/team-rfc\.md\)$/m);
  assert.match(r.err, /skipped template .*broken\.md: expected YAML frontmatter/);
});

test('cli lint: many files are linted on worker threads with the same results as in one thread', async () => {
  const { spawnSync } = await import('node:child_process');
  const { lintSequentially } = await import('../../src/cli/lint-files.js');
  const dir = mkdtempSync(join(tmpdir(), 'ds-cli-'));
  const sources = ['complete.md', 'rules/section-missing/not-ok.md', 'rules/placeholder-left/not-ok.md', 'rules/frontmatter-invalid/not-ok.md'];
  for (let i = 0; i < 40; i++) writeFileSync(join(dir, `doc-${String(i).padStart(2, '0')}.md`), readFileSync(join(FIXTURES, sources[i % sources.length] ?? '')));
  // The built CLI (bin → dist) uses dist/lint-worker.js for 24 files or more.
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/design-snapshot.js'), 'lint', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 1, run.stderr);
  const pooled = JSON.parse(run.stdout) as { files: Array<{ path: string; diagnostics: unknown[] }> };
  assert.equal(pooled.files.length, 40);
  const paths = pooled.files.map((f) => join(dir, f.path));
  const sequential = await lintSequentially(paths.map((path) => ({ path, named: 'file' as const })), { docsBase: 'x', root: dir });
  assert.deepEqual(pooled.files.map((f) => f.diagnostics.length), sequential.map((s) => s.findings.length));
  assert.deepEqual(pooled.files.map((f) => f.path), [...pooled.files.map((f) => f.path)].sort(), 'output keeps file order');
});

test('cli lint: --format json adds "topic" to the findings that name one, and only to those', async () => {
  const r = await run(['lint', '--format', 'json', 'rules/topic-missing/not-ok.md']);
  const json = JSON.parse(r.out) as { files: Array<{ diagnostics: Array<Record<string, unknown>> }> };
  const diagnostics = json.files[0]?.diagnostics ?? [];
  const topics = diagnostics.filter((d) => d.ruleId === 'topic-missing');
  assert.deepEqual(topics.map((d) => d.topic), ['feedback-loop', 'training-serving-skew', 'cold-start', 'data-quality', 'rollback', 'drift-monitoring']);
  assert.deepEqual(Object.keys(topics[0] ?? {}), ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'section', 'topic']);
  assert.ok(diagnostics.filter((d) => d.ruleId !== 'topic-missing').every((d) => !('topic' in d)));
});

test('cli review: a scorecard per dimension with the findings behind it, as text', async () => {
  const r = await run(['review', 'review/card-fraud.md']);
  assert.equal(r.code, 0, r.err);
  const lines = r.out.split('\n');
  assert.equal(lines[0], 'review/card-fraud.md — Card-not-present fraud scoring (fraud-detection, review)');
  const rows = lines.filter((l) => /^ {2}[✓~✗·] /.test(l)).map((l) => l.trim().replace(/\s{2,}/g, ' | '));
  assert.deepEqual(rows.map((l) => l.split(' | ').slice(0, 2).join(' | ')), [
    '✓ Requirements | covered',
    '✓ Estimates | covered',
    '✓ Architecture | covered',
    '~ Data and model | thin',
    '~ Failure modes | thin',
    '~ Evaluation | thin',
    '· Safety | not applicable',
    '~ Cost and latency | thin',
    '✓ Trade-offs | covered',
  ]);
  assert.match(r.out, /^ {6}38:3 warning Failure mode "Feature store slow" does not say how it is detected or how the system degrades;.*\[red-flag-failure-modes\]$/m);
  assert.match(r.out, /\[topic-missing: drift-monitoring\]$/m);
  assert.match(r.out, /^ {2}4 covered, 4 thin, 0 missing$/m);
});

test('cli review: --format json gives each dimension its status, reason and findings', async () => {
  const r = await run(['review', '--format', 'json', 'review/forum-moderation.md', '../../examples/docs/design/2026-11-20-llm-inference-api.md']);
  assert.equal(r.code, 0, r.err);
  const json = JSON.parse(r.out) as { files: Array<{ path: string; pattern: string; dimensions: Array<{ id: string; status: string; findings: Array<{ ruleId: string }> }>; summary: Record<string, number> }> };
  assert.deepEqual(Object.keys(json), ['files']);
  const forum = json.files.find((f) => f.path.endsWith('forum-moderation.md'));
  const api = json.files.find((f) => f.path.endsWith('llm-inference-api.md'));
  assert.equal(forum?.pattern, 'content-moderation');
  assert.deepEqual(forum?.dimensions.map((d) => d.id), ['requirements', 'estimates', 'architecture', 'data-model', 'failure-modes', 'evaluation', 'safety', 'cost-latency', 'trade-offs']);
  const dim = (id: string) => forum?.dimensions.find((d) => d.id === id);
  assert.deepEqual(dim('data-model')?.findings.map((f) => f.ruleId), ['topic-missing', 'red-flag-fine-tune-first']);
  assert.deepEqual(dim('cost-latency')?.findings.map((f) => f.ruleId), ['red-flag-cost-latency']);
  assert.equal(dim('cost-latency')?.status, 'thin');
  assert.deepEqual(api?.summary, { covered: 9, thin: 0, missing: 0 });
});

test('cli review: usage errors exit 2', async () => {
  assert.equal((await run(['review'])).code, 2);
  const r = await run(['review', '--format', 'sarif', 'complete.md']);
  assert.equal(r.code, 2);
  assert.match(r.err, /--format must be text or json/);
});
