// Runs in Node under node:test: the SDK's own MCP client spawns the built CLI (`design-snapshot mcp`) over stdio, as
// an agent does, and checks every tool with good and bad arguments against what the CLI prints for the same files.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'design-snapshot.js');
const TOOLS = ['lint_snapshot', 'list_templates', 'new_snapshot', 'check_estimates', 'review_snapshot'];

// The server's folder: a copy of fixtures, beside a secret it must never read.
const parent = realpathSync(mkdtempSync(join(tmpdir(), 'ds-mcp-')));
const work = join(parent, 'work');
let client: Client;
let stderr = '';

/** What the CLI prints for the same request (JSON), run in the same folder. */
function cli(...args: string[]): unknown {
  try {
    return JSON.parse(execFileSync(process.execPath, [BIN, ...args], { cwd: work, encoding: 'utf8' }));
  } catch (e) {
    // lint exits 1 when there are errors; its output is the report all the same.
    const out = (e as { stdout?: string }).stdout;
    if (out) return JSON.parse(out);
    throw e;
  }
}

async function call(name: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const r = await client.callTool({ name, arguments: args });
  assert.equal(r.isError, undefined, JSON.stringify(r.content));
  // The text content carries the same JSON, for clients that do not read structured content.
  const [first] = r.content as Array<{ type: string; text: string }>;
  assert.deepEqual(JSON.parse(first?.text ?? ''), r.structuredContent);
  return r.structuredContent as Record<string, unknown>;
}

/**
 * What a call with a bad argument gets: a tool result with `isError: true` whose one text names the argument and says
 * why (MCP 2025-11-25: input validation errors are tool execution errors, handed to the model so it corrects the call),
 * and no structured content (the output schema describes results, not errors).
 */
async function refused(name: string, args: Record<string, unknown>, message: RegExp): Promise<void> {
  const r = await client.callTool({ name, arguments: args });
  assert.equal(r.isError, true, `${name} ${JSON.stringify(args)} was not refused: ${JSON.stringify(r.content)}`);
  assert.equal(r.structuredContent, undefined);
  const content = r.content as Array<{ type: string; text?: string }>;
  assert.deepEqual(content.map((c) => c.type), ['text']);
  assert.match(content[0]?.text ?? '', message);
}

before(async () => {
  assert.ok(existsSync(join(ROOT, 'dist', 'cli.js')), 'dist/cli.js is missing: run npm run build first');
  mkdirSync(work);
  cpSync(join(ROOT, 'test', 'fixtures', 'complete.md'), join(work, 'complete.md'));
  mkdirSync(join(work, 'docs'));
  cpSync(join(ROOT, 'test', 'fixtures', 'rules', 'section-order', 'not-ok.md'), join(work, 'docs', 'order.md'));
  // A workspace template, and a config file that only --config / the config argument brings in.
  cpSync(join(ROOT, 'test', 'fixtures', 'web-workspace', '.design-snapshot'), join(work, '.design-snapshot'), { recursive: true });
  writeFileSync(join(work, 'strict.json'), JSON.stringify({ rules: { 'section-order': 'error' } }));
  writeFileSync(join(parent, 'secret.md'), '# Not yours\n');
  symlinkSync(join(parent, 'secret.md'), join(work, 'link.md'));
  symlinkSync(parent, join(work, 'up'));
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], cwd: work, stderr: 'pipe' });
  transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  client = new Client({ name: 'design-snapshot-tests', version: '1.0.0' });
  await client.connect(transport);
});

after(async () => {
  await client?.close();
  rmSync(parent, { recursive: true, force: true });
});

test('mcp: the server names itself and lists the five tools, each with JSON Schema input and output', async () => {
  assert.equal(client.getServerVersion()?.name, 'design-snapshot');
  assert.match(stderr, /serving 5 tools over stdio/);
  const { tools } = await client.listTools();
  assert.deepEqual(tools.map((t) => t.name), TOOLS);
  for (const t of tools) {
    assert.equal(t.inputSchema.type, 'object', t.name);
    assert.equal((t.inputSchema as { additionalProperties?: boolean }).additionalProperties, false, `${t.name} refuses unknown arguments`);
    assert.equal(t.outputSchema?.type, 'object', t.name);
    assert.ok(t.description && t.description.length > 40, t.name);
  }
});

test('mcp: lint_snapshot by path gives the findings of `lint --format json`; by text, the same findings', async (t) => {
  const started = performance.now();
  const byPath = await call('lint_snapshot', { path: 'docs/order.md' });
  t.diagnostic(`lint_snapshot round trip: ${(performance.now() - started).toFixed(0)} ms (first call)`);
  const report = cli('lint', '--format', 'json', 'docs/order.md') as { files: Array<{ path: string; diagnostics: unknown[] }> };
  assert.equal(byPath.path, 'docs/order.md');
  assert.equal(byPath.isSnapshot, true);
  assert.deepEqual(byPath.diagnostics, report.files[0]?.diagnostics);
  assert.ok((byPath.diagnostics as unknown[]).length > 0, 'the fixture has findings to compare');
  const text = readFileSync(join(work, 'docs', 'order.md'), 'utf8');
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const byText = await call('lint_snapshot', { text });
    times.push(performance.now() - t0);
    assert.equal(byText.path, '(text)');
    assert.deepEqual(byText.diagnostics, byPath.diagnostics);
  }
  t.diagnostic(`lint_snapshot round trip, warm: median ${times.sort((a, b) => a - b)[2]?.toFixed(0)} ms`);
  // Text under a file's name is that file's unsaved version: the edit shows at once.
  const edited = await call('lint_snapshot', { path: 'docs/order.md', text: text.replace('## Architecture', '## Architecture\n\n## Architecture') });
  assert.ok((edited.diagnostics as Array<{ ruleId: string }>).some((d) => d.ruleId === 'section-duplicate'), JSON.stringify(edited.diagnostics));
});

test('mcp: lint_snapshot takes schema and config arguments as --schema and --config do', async () => {
  const byMcp = await call('lint_snapshot', { path: 'docs/order.md', config: 'strict.json' });
  const report = cli('lint', '--format', 'json', '--config', 'strict.json', 'docs/order.md') as { files: Array<{ diagnostics: unknown[] }> };
  assert.deepEqual(byMcp.diagnostics, report.files[0]?.diagnostics);
  assert.ok((byMcp.diagnostics as Array<{ ruleId: string; severity: string }>).some((d) => d.ruleId === 'section-order' && d.severity === 'error'), 'the config was used');
  await refused('lint_snapshot', { path: 'complete.md', schema: 'missing.json' }, /^schema: cannot read missing\.json \(no such file\)$/);
});

test('mcp: list_templates gives what `templates --format json` gives, the workspace’s included', async () => {
  const { templates } = await call('list_templates', {});
  assert.deepEqual(templates, cli('templates', '--format', 'json'));
  assert.ok((templates as Array<{ id: string }>).some((t) => t.id === 'rag'));
  assert.ok((templates as Array<{ id: string; origin: string }>).some((t) => t.id === 'team-launch' && t.origin !== 'built-in'));
});

test('mcp: new_snapshot returns the scaffold and writes only to a new path under its folder', async () => {
  const draft = await call('new_snapshot', { template: 'rag', title: 'Support search', author: 'Ada' });
  assert.equal(draft.written, false);
  assert.equal(draft.path, undefined);
  assert.match(draft.text as string, /^---\ntitle: "Support search"\n[\s\S]*authors: \["Ada"\]/);
  const written = await call('new_snapshot', { template: 'rag', title: 'Support search', author: 'Ada', path: 'docs/design/support.md' });
  assert.deepEqual({ written: written.written, path: written.path }, { written: true, path: 'docs/design/support.md' });
  assert.equal(readFileSync(join(work, 'docs', 'design', 'support.md'), 'utf8'), written.text);
  const lint = await call('lint_snapshot', { path: 'docs/design/support.md' });
  assert.equal((lint.summary as { errors: number }).errors, 0, 'a fresh scaffold has no errors');
  writeFileSync(join(work, 'docs', 'design', 'support.md'), 'mine');
  await refused('new_snapshot', { template: 'rag', title: 'Again', path: 'docs/design/support.md' }, /^path: docs\/design\/support\.md already exists; new_snapshot never overwrites/);
  assert.equal(readFileSync(join(work, 'docs', 'design', 'support.md'), 'utf8'), 'mine');
  await refused('new_snapshot', { template: 'rag', title: 'T', path: 'notes.txt' }, /^path: notes\.txt is not a Markdown file name/);
  await refused('new_snapshot', { template: 'nope', title: 'T' }, /^template: no template "nope"; available: .*\brag\b/);
  await refused('new_snapshot', { template: 'rag', title: 'T', path: '../escape.md' }, /^path: \.\.\/escape\.md is outside the folder the server works in/);
  await refused('new_snapshot', { template: 'rag', title: 'T', path: 'up/escape.md' }, /^path: up\/escape\.md is outside the folder/);
  assert.ok(!existsSync(join(parent, 'escape.md')), 'nothing written outside');
});

test('mcp: check_estimates gives each inline calculation and block line with its value and verdict', async () => {
  const text = ['# Sizing', '', '- 1M users × 10 req ÷ 86,400 s ≈ 200 QPS at peak.', '', '```estimate', 'qps = 1M req/day', 'bad = 1 GB + 2 s', '```', ''].join('\n');
  const { path, estimates } = await call('check_estimates', { text });
  assert.equal(path, '(text)');
  const [inline, first, second] = estimates as Array<Record<string, unknown>>;
  assert.deepEqual(inline, { kind: 'inline', line: 3, column: 34, expression: '1M users × 10 req ÷ 86,400 s', stated: '200', computed: '116', verdict: 'mismatch', suggestion: '116' });
  assert.equal(first?.kind, 'block');
  assert.equal(first?.name, 'qps');
  assert.equal(first?.verdict, 'ok');
  assert.match(String(first?.value), /req\/day|req \/ day/);
  assert.equal(second?.name, 'bad');
  assert.equal(second?.verdict, 'unit-error', JSON.stringify(second));
});

test('mcp: review_snapshot gives the scorecard of `review --format json`', async () => {
  const card = await call('review_snapshot', { path: 'complete.md' });
  const report = cli('review', '--format', 'json', 'complete.md') as { files: unknown[] };
  assert.deepEqual(card, report.files[0]);
});

test('mcp: bad arguments are error results that name the argument and say why', async () => {
  await refused('lint_snapshot', {}, /^text or path: one is required/);
  await refused('lint_snapshot', { text: 42 }, /^text: expected a string, got number$/);
  await refused('lint_snapshot', { text: '# T', file: 'x.md' }, /^file: lint_snapshot has no such argument; it takes text, path, schema, config$/);
  await refused('lint_snapshot', { path: '' }, /^path: must not be empty$/);
  await refused('lint_snapshot', { path: 'missing.md' }, /^path: cannot read missing\.md \(no such file\)$/);
  await refused('check_estimates', { path: 'docs' }, /^path: cannot read docs \(it is a folder\)$/);
  await refused('new_snapshot', { template: 'rag' }, /^title: required by new_snapshot$/);
  await refused('review_snapshot', { path: ['complete.md'] }, /^path: expected a string, got an array$/);
  await refused('list_templates', { all: true }, /^all: list_templates has no such argument; it takes none$/);
  await refused('check_estimates', { text: '# T', path: 'complete.md', extra: 1 }, /^extra: check_estimates has no such argument; it takes text, path$/);
  await refused('check_estimates', {}, /^text or path: one is required/);
  await refused('review_snapshot', { path: 'missing.md' }, /^path: cannot read missing\.md \(no such file\)$/);
  await refused('new_snapshot', { title: 'T' }, /^template: required by new_snapshot$/);
  await refused('new_snapshot', { template: 'rag', title: 'T', author: 7 }, /^author: expected a string, got number$/);
  // Told what was wrong, the model corrects the call, and the server answers it.
  const corrected = await call('new_snapshot', { template: 'rag', title: 'T', author: 'Ada' });
  assert.equal(corrected.template, 'rag');
  // A tool the server does not have is a protocol error, as the specification keeps it (there is no call to correct).
  await assert.rejects(client.callTool({ name: 'delete_everything', arguments: {} }), (e: unknown) => {
    assert.ok(e instanceof McpError, String(e));
    assert.equal(e.code, ErrorCode.InvalidParams);
    assert.match(e.message.replace(/^MCP error -32602: /, ''), /^name: no tool "delete_everything"; the tools are lint_snapshot, /);
    return true;
  });
});

test('mcp: paths outside the server’s folder are refused, through symlinks too', async () => {
  await refused('lint_snapshot', { path: '../secret.md' }, /^path: \.\.\/secret\.md is outside the folder the server works in/);
  await refused('lint_snapshot', { path: join(parent, 'secret.md') }, /is outside the folder the server works in/);
  await refused('lint_snapshot', { path: 'link.md' }, /^path: link\.md is outside the folder/);
  await refused('review_snapshot', { path: 'up/secret.md' }, /^path: up\/secret\.md is outside the folder/);
  await refused('lint_snapshot', { text: '# T', config: '../secret.md' }, /^config: \.\.\/secret\.md is outside the folder/);
});
