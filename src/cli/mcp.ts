// Runs in Node: `design-snapshot mcp`, the engine as an MCP server over stdio for AI agents (tools in mcp-tools.ts).
// The low-level Server of @modelcontextprotocol/sdk, not McpServer: our inputs are JSON Schema already (checked with
// the ajv the engine bundles), so zod-to-json-schema and its converters stay out of the CLI bundle.
import { mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Readable, Writable } from 'node:stream';
import * as l10n from '@vscode/l10n';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import pkg from '../../package.json';
import { estimateReport, lintResult, renderTemplate, scorecard, scorecardResult, templateInfo, type Analysis } from '../core/index.js';
import { displayPath, UsageError } from './files.js';
import { cliEngine } from './lint-files.js';
import type { CliIo } from './main.js';
import { MCP_TOOLS, type ToolDefinition } from './mcp-tools.js';

/** The server's ends of the pipe; the process's stdin and stdout unless a test passes its own. */
export interface McpStreams {
  stdin: Readable;
  stdout: Writable;
}

/**
 * A bad argument: the tool's result is an error (`isError: true`) whose text names the argument and says why. The MCP
 * specification the SDK implements (2025-11-25, server/tools "Error Handling") makes input validation errors tool
 * execution errors, which clients hand to the model so it can correct the call, rather than JSON-RPC errors.
 */
class ArgumentError extends Error {}

function badArgument(message: string): ArgumentError {
  return new ArgumentError(message);
}

/**
 * A call of a tool the server does not have: still a protocol error (JSON-RPC "invalid params"), as the specification
 * keeps it. (McpError would do, but its message carries an "MCP error -32602:" prefix that the client adds again.)
 */
class UnknownToolError extends Error {
  readonly code = ErrorCode.InvalidParams;

  /** `name`: the tool asked for. The message is in English, as every message to the model. */
  constructor(name: string) {
    super(`name: no tool "${name}"; the tools are ${MCP_TOOLS.map((t) => t.name).join(', ')}`);
  }
}

/** ajv's first complaint about a tool's arguments, in words that name the argument. */
function describeError(tool: ToolDefinition, e: ErrorObject, args: Record<string, unknown>): string {
  const arg = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const takes = Object.keys(tool.inputSchema.properties ?? {});
  switch (e.keyword) {
    case 'required':
      return `${String(e.params.missingProperty)}: required by ${tool.name}`;
    case 'additionalProperties':
      return `${String(e.params.additionalProperty)}: ${tool.name} has no such argument; it takes ${takes.length ? takes.join(', ') : 'none'}`;
    case 'type':
      return `${arg}: expected a ${String(e.params.type)}, got ${Array.isArray(args[arg]) ? 'an array' : args[arg] === null ? 'null' : typeof args[arg]}`;
    case 'minLength':
      return `${arg}: must not be empty`;
    default:
      return `${arg || 'arguments'}: ${e.message ?? 'invalid'}`;
  }
}

/** Serves the tools until the client closes stdin; returns the exit code. */
export async function mcp(args: string[], io: CliIo, streams: McpStreams = { stdin: process.stdin, stdout: process.stdout }): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { root: { type: 'string' } }, allowPositionals: true });
  if (positionals.length) throw new UsageError(l10n.t('usage: {0}', 'design-snapshot mcp [--root DIR]'));
  const root = resolve(io.cwd, values.root ?? '.');
  const realRoot = await realpath(root).catch(() => {
    throw new UsageError(l10n.t('--root {0}: no such folder', values.root ?? root));
  });
  const docsBase = `${pathToFileURL(join(io.packageRoot, 'docs', 'rules')).href}/`;
  const engine = cliEngine(docsBase);
  const ajv = new Ajv2020({ allErrors: false, strict: false });
  const validators = new Map<string, ValidateFunction>(MCP_TOOLS.map((t) => [t.name, ajv.compile(t.inputSchema)]));
  let version = 0;

  /**
   * The absolute path of a path argument, refused unless it lies under the root, also after following symlinks (of
   * the file, or of its nearest existing folder when it does not exist yet).
   */
  async function underRoot(arg: string, value: string): Promise<string> {
    const abs = resolve(root, value);
    const outside = (from: string, to: string): boolean => {
      const rel = relative(from, to);
      return rel.startsWith('..') || isAbsolute(rel);
    };
    const refuse = (): ArgumentError => badArgument(`${arg}: ${value} is outside the folder the server works in (${root}); only files under it are read or written`);
    if (outside(root, abs)) throw refuse();
    let existing = abs;
    let rest = '';
    for (;;) {
      try {
        const real = await realpath(existing);
        if (outside(realRoot, join(real, rest))) throw refuse();
        return abs;
      } catch (e) {
        if (e instanceof ArgumentError) throw e;
        rest = join(existing.slice(dirname(existing).length + 1), rest);
        existing = dirname(existing);
      }
    }
  }

  async function readArgument(arg: string, abs: string, value: string): Promise<string> {
    try {
      return await readFile(abs, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw badArgument(`${arg}: cannot read ${value} (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? String(e))})`);
    }
  }

  /** The analysis of the document a tool was given: its text, its file, or the text under the file's name. */
  async function analyzeArgument(input: Record<string, unknown>): Promise<{ name: string; analysis: Analysis }> {
    const text = input.text as string | undefined;
    const path = input.path as string | undefined;
    if (text === undefined && path === undefined) throw badArgument("text or path: one is required (the snapshot's Markdown as text, or the path of a Markdown file)");
    const file = path === undefined ? undefined : await underRoot('path', path);
    const option = async (arg: 'schema' | 'config'): Promise<string | undefined> => {
      const value = input[arg] as string | undefined;
      if (value === undefined) return undefined;
      const abs = await underRoot(arg, value);
      await readArgument(arg, abs, value);
      return abs;
    };
    const [schemaPath, configPath] = [await option('schema'), await option('config')];
    // Each call reads the workspace afresh: an agent edits configs and schemas between calls.
    engine.invalidate();
    const analysis = await engine.analyze({
      uri: file ?? join(root, 'untitled.md'),
      version: ++version,
      text: text ?? (await readArgument('path', file ?? root, path ?? '')),
      root,
      ...(schemaPath ? { schemaPath } : {}),
      ...(configPath ? { configPath } : {}),
    });
    return { name: file ? displayPath(file, root) : '(text)', analysis };
  }

  async function templates() {
    const { templates: list, problems } = await engine.listTemplates(join(io.packageRoot, 'templates'), root);
    for (const p of problems) io.stderr(`${l10n.t('design-snapshot mcp: skipped template {0}: {1}', p.source, p.message)}\n`);
    return list;
  }

  async function newSnapshot(input: Record<string, unknown>) {
    const list = await templates();
    const id = input.template as string;
    const template = list.find((t) => t.id === id);
    if (!template) throw badArgument(`template: no template "${id}"; available: ${list.map((t) => t.id).join(', ')}`);
    const text = renderTemplate(template, { title: input.title as string, author: (input.author as string | undefined) ?? io.author(), date: io.today() });
    const path = input.path as string | undefined;
    if (path === undefined) return { template: template.id, text, written: false };
    if (!/\.(?:md|markdown)$/i.test(path)) throw badArgument(`path: ${path} is not a Markdown file name; a snapshot is written to a .md file`);
    const target = await underRoot('path', path);
    await mkdir(dirname(target), { recursive: true });
    try {
      // "wx" fails when the file exists: an existing file is never overwritten.
      await writeFile(target, text, { encoding: 'utf8', flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw badArgument(`path: ${path} already exists; new_snapshot never overwrites a file, choose another name`);
      throw e;
    }
    return { template: template.id, text, written: true, path: displayPath(target, root) };
  }

  const run: Record<string, (input: Record<string, unknown>) => Promise<object>> = {
    async lint_snapshot(input) {
      const { name, analysis } = await analyzeArgument(input);
      return lintResult(name, analysis, await analysis.allFindings());
    },
    async list_templates() {
      return { templates: (await templates()).map(templateInfo) };
    },
    new_snapshot: newSnapshot,
    async check_estimates(input) {
      const { name, analysis } = await analyzeArgument(input);
      return { path: name, estimates: estimateReport(analysis) };
    },
    async review_snapshot(input) {
      const { name, analysis } = await analyzeArgument(input);
      return scorecardResult(name, scorecard(analysis, await analysis.allFindings()));
    },
  };

  const server = new Server({ name: 'design-snapshot', title: 'Design Snapshot', version: pkg.version }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: MCP_TOOLS.map((t) => ({ ...t })) }));
  server.setRequestHandler(CallToolRequestSchema, async (request): Promise<CallToolResult> => {
    const { name, arguments: input = {} } = request.params;
    const tool = MCP_TOOLS.find((t) => t.name === name);
    const validate = validators.get(name);
    const handler = run[name];
    if (!tool || !validate || !handler) throw new UnknownToolError(name);
    try {
      if (!validate(input)) throw badArgument(describeError(tool, validate.errors?.[0] as ErrorObject, input));
      const result = await handler(input);
      return { content: [{ type: 'text', text: JSON.stringify(result) }], structuredContent: result as Record<string, unknown> };
    } catch (e) {
      // No structuredContent: an error result is not the tool's output, and its outputSchema does not describe it.
      if (e instanceof ArgumentError) return { content: [{ type: 'text', text: e.message }], isError: true };
      throw e;
    }
  });

  const closed = new Promise<void>((done) => {
    server.onclose = done;
    streams.stdin.once('end', done);
    streams.stdin.once('close', done);
  });
  await server.connect(new StdioServerTransport(streams.stdin, streams.stdout));
  io.stderr(`${l10n.t('design-snapshot mcp {0}: serving {1} tools over stdio for {2}', pkg.version, MCP_TOOLS.length, root)}\n`);
  await closed;
  await server.close();
  return 0;
}
