// Runs in Node: the design-snapshot CLI. bin/design-snapshot.js calls main(); tests call it with captured io.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import * as l10n from '@vscode/l10n';
import pkg from '../../package.json';
import { createEngine, renderTemplate, templateInfo, type ConfigProblem, type SchemaProblem } from '../core/index.js';
import { displayPath, expandArgs, UsageError } from './files.js';
import { formatJson } from './format-json.js';
import { formatSarif } from './format-sarif.js';
import { formatText } from './format-text.js';
import { lintFiles, type LintJob } from './lint-files.js';
import { LOCALE_ENV, takeLocale, useLocale, type L10nBundle } from './locale.js';
import { mcp } from './mcp.js';
import { nodeHost } from './node-host.js';
import { review } from './review.js';
import { summarize, type FileReport, type LintReport } from './report.js';

/** Where the CLI writes and which folders it starts from; tests pass their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** The installed package's root: it holds templates/ and docs/rules/. */
  packageRoot: string;
  env: Record<string, string | undefined>;
  /** Today's date as YYYY-MM-DD, for new snapshots. */
  today(): string;
  /** Who is writing: the default author of new snapshots. */
  author(): string;
}

/** The io of a real process. */
export function nodeIo(packageRoot = resolve(dirname(new URL(import.meta.url).pathname), '..')): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    packageRoot,
    env: process.env,
    today: () => new Date().toISOString().slice(0, 10),
    author: () => gitUserName() ?? userInfo().username,
  };
}

function gitUserName(): string | undefined {
  try {
    const name = execFileSync('git', ['config', 'user.name'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 2000 }).trim();
    return name || undefined;
  } catch {
    return undefined;
  }
}

/** The program's name, as messages start with it. */
const PROGRAM = 'design-snapshot';

/** Text in `width` columns, each line after the first indented by `indent` spaces. */
function wrap(text: string, width: number, indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}

/** `--help`: the syntax of each command and option as typed (never translated), then what it does. */
function usage(): string {
  const rows: Array<[string, string]> = [
    ['  lint [files|dirs|globs...]', l10n.t("Lint design snapshots (default: the snapshots under the current folder: files whose frontmatter has pattern: or designSnapshot: true, and files the config's include globs select). Named files are always linted; under named folders, every Markdown file but those the config excludes. Dot-folders and node_modules are skipped.")],
    ['      --format text|json|sarif', l10n.t('Output format (default: text)')],
    ['      --config FILE', l10n.t('Use this config instead of the nearest .design-snapshot/config.json')],
    ['      --schema FILE', l10n.t('Use this schema instead of the nearest .design-snapshot/schema.json')],
    ['      --max-warnings N', l10n.t('Exit 1 when there are more than N warnings')],
    ['      --quiet', l10n.t('Report errors only')],
    ['  review FILE...', l10n.t("A reviewer's scorecard of each snapshot: requirements, estimates, architecture, data and model, failure modes, evaluation, safety, cost and latency, trade-offs, each covered, thin or missing, with the findings behind it")],
    ['      --format text|json', l10n.t('Output format (default: text)')],
    ['      --config FILE, --schema FILE', l10n.t('As for lint')],
    ['  new TEMPLATE FILE', l10n.t('Create a snapshot from a template; never overwrites')],
    ['      --title T', l10n.t('Title (default: from the file name)')],
    ['      --author A', l10n.t('Author (default: git user.name, else the login name)')],
    ['  templates', l10n.t('List the templates (built-in and .design-snapshot/templates)')],
    ['  mcp', l10n.t('Serve the engine to AI agents over stdio (Model Context Protocol): lint_snapshot, list_templates, new_snapshot, check_estimates, review_snapshot. Reads and writes only under the working folder')],
    ['      --root DIR', l10n.t('Work under DIR instead of the working folder')],
    ['  --locale LOCALE', l10n.t('Messages in this language, when the package has a bundle for it (default: English; or set {0})', LOCALE_ENV)],
  ];
  const column = 33;
  const table = rows.map(([syntax, text]) => `${syntax.length <= column - 2 ? syntax.padEnd(column) : `${syntax}\n${' '.repeat(column)}`}${wrap(text, 80, column)}`);
  return [
    l10n.t('Usage: design-snapshot <command> [options]'),
    '',
    l10n.t('Commands:'),
    ...table,
    '',
    wrap(l10n.t('Exit codes: 0 no errors, 1 errors (or warnings over --max-warnings), 2 usage, I/O, config or schema error.'), 110, 0),
    '',
  ].join('\n');
}

/** Runs one CLI invocation and returns its exit code. */
export async function main(args: string[], io: CliIo): Promise<number> {
  const { argv, locale } = takeLocale(args, io.env);
  const { bundle, missing } = useLocale(locale, io.packageRoot);
  if (missing) io.stderr(`${PROGRAM}: ${l10n.t('no messages in "{0}" are installed; writing English.', locale ?? '')}\n`);
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'lint':
        return await lint(rest, io, bundle);
      case 'review':
        return await review(rest, io, docsBase(io));
      case 'new':
        return await scaffold(rest, io);
      case 'templates':
        return await templates(rest, io);
      case 'mcp':
        return await mcp(rest, io);
      case '--version':
      case '-v':
        io.stdout(`${pkg.version}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(usage());
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(l10n.t('unknown command "{0}"', command));
    }
  } catch (e) {
    if (e instanceof UsageError || isParseArgsError(e)) {
      io.stderr(`${PROGRAM}: ${(e as Error).message}\n${l10n.t('Run "design-snapshot --help" for usage.')}\n`);
      return 2;
    }
    io.stderr(`${PROGRAM}: ${(e as Error).message}\n`);
    return 2;
  }
}

function isParseArgsError(e: unknown): boolean {
  const code = (e as { code?: unknown } | undefined)?.code;
  return e instanceof TypeError && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

function docsBase(io: CliIo): string {
  return pathToFileURL(join(io.packageRoot, 'docs', 'rules')).href + '/';
}

async function lint(args: string[], io: CliIo, bundle: L10nBundle | undefined): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      schema: { type: 'string' },
      config: { type: 'string' },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(l10n.t('--format must be text, json or sarif, not "{0}"', format));
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(l10n.t('--max-warnings must be a whole number of 0 or more'));
  }
  const files = await expandArgs(positionals, io.cwd);
  const schemaPath = values.schema ? resolve(io.cwd, values.schema) : undefined;
  if (schemaPath && (await nodeHost.readFile(schemaPath)) === undefined) throw new UsageError(l10n.t('--schema {0}: no such file', values.schema ?? ''));
  const configPath = values.config ? resolve(io.cwd, values.config) : undefined;
  if (configPath && (await nodeHost.readFile(configPath)) === undefined) throw new UsageError(l10n.t('--config {0}: no such file', values.config ?? ''));
  const base = docsBase(io);
  const job: LintJob = { docsBase: base, root: io.cwd, ...(schemaPath ? { schemaPath } : {}), ...(configPath ? { configPath } : {}), ...(bundle ? { l10n: bundle } : {}) };
  const outcomes = await lintFiles(files, job, join(io.packageRoot, 'dist', 'lint-worker.js'));
  const reports: FileReport[] = [];
  const schemaProblems = new Map<string, SchemaProblem>();
  const configProblems = new Map<string, ConfigProblem>();
  for (const o of outcomes) {
    if (o.error) throw new Error(l10n.t('{0}: cannot read ({1})', displayPath(o.path, io.cwd), o.error));
    if (o.schemaProblem) schemaProblems.set(o.schemaProblem.source, o.schemaProblem);
    if (o.configProblem) configProblems.set(o.configProblem.source, o.configProblem);
    if (o.skipped) continue;
    const findings = values.quiet ? o.findings.filter((f) => f.severity === 'error') : o.findings;
    reports.push({ path: displayPath(o.path, io.cwd), findings });
  }
  // A config or schema that could not be used is said once, with its file; the defaults linted meanwhile.
  const shown = (p: { source: string; message: string }) => ({ ...p, source: displayPath(p.source, io.cwd) });
  const problems: LintReport['problems'] = [
    ...[...configProblems.values()].map((p) => ({ kind: 'config' as const, ...shown(p) })),
    ...[...schemaProblems.values()].map((p) => ({ kind: 'schema' as const, ...shown(p) })),
  ];
  for (const p of problems) {
    const why =
      p.kind === 'config'
        ? l10n.t('config {0} is not usable: {1}; linted with the default configuration instead.', p.source, p.message)
        : l10n.t('schema {0} is not usable: {1}; linted with the built-in schema instead.', p.source, p.message);
    io.stderr(`${PROGRAM}: ${why}\n`);
  }
  const report: LintReport = { files: reports, summary: summarize(reports), problems };
  if (format === 'json') io.stdout(formatJson(report));
  else if (format === 'sarif') io.stdout(formatSarif(report, { version: pkg.version, docsBase: base, rootUri: pathToFileURL(io.cwd).href + '/' }));
  else io.stdout(formatText(report));
  if (problems.length) return 2;
  const { errors, warnings } = report.summary;
  return errors > 0 || (maxWarnings !== undefined && warnings > maxWarnings) ? 1 : 0;
}

/**
 * Creates a folder and its missing parents, one level at a time. Node 20's `mkdir(…, { recursive: true })` never
 * returns for a path under a folder such as /proc where creating fails with ENOENT at every level.
 */
async function makeFolders(dir: string, depth = 0): Promise<void> {
  try {
    await mkdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir || depth > 64) throw e;
    await makeFolders(parent, depth + 1);
    await mkdir(dir).catch((again: NodeJS.ErrnoException) => {
      if (again.code !== 'EEXIST') throw again;
    });
  }
}

function titleFromFile(file: string): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.md$/i, '').replace(/^\d{4}-\d{2}-\d{2}-/, '');
  return base.replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase()) || l10n.t('Untitled');
}

async function scaffold(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { title: { type: 'string' }, author: { type: 'string' } },
  });
  const [id, file, ...extra] = positionals;
  if (!id || !file || extra.length) throw new UsageError(l10n.t('usage: {0}', 'design-snapshot new TEMPLATE FILE [--title T] [--author A]'));
  const engine = createEngine({ host: nodeHost });
  const { templates, problems } = await engine.listTemplates(join(io.packageRoot, 'templates'), io.cwd);
  for (const p of problems) io.stderr(`${PROGRAM}: ${l10n.t('skipped template {0}: {1}', p.source, p.message)}\n`);
  const template = templates.find((t) => t.id === id);
  if (!template) throw new UsageError(l10n.t('no template "{0}"; available: {1}', id, templates.map((t) => t.id).join(', ')));
  const target = resolve(io.cwd, file);
  const text = renderTemplate(template, {
    title: values.title ?? titleFromFile(file),
    author: values.author ?? io.author(),
    date: io.today(),
  });
  try {
    await makeFolders(dirname(target));
    // "wx" fails when the file exists: an existing snapshot is never overwritten.
    await writeFile(target, text, { encoding: 'utf8', flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      io.stderr(`${PROGRAM}: ${l10n.t('{0} already exists; refusing to overwrite it. Choose another file name.', displayPath(target, io.cwd))}\n`);
      return 2;
    }
    const why =
      code === 'EACCES' || code === 'EPERM'
        ? l10n.t('permission denied')
        : code === 'ENOENT'
          ? l10n.t('its folder cannot be created there')
          : code === 'ENOSPC'
            ? l10n.t('the disk is full')
            : (code ?? (e as Error).message);
    io.stderr(`${PROGRAM}: ${l10n.t('cannot write {0}: {1}.', displayPath(target, io.cwd), why)}\n`);
    return 2;
  }
  io.stdout(`${l10n.t('Created {0} from template "{1}" ({2}).', displayPath(target, io.cwd), template.id, template.name)}\n`);
  return 0;
}

async function templates(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { format: { type: 'string', default: 'text' } } });
  const engine = createEngine({ host: nodeHost });
  const { templates: list, problems } = await engine.listTemplates(join(io.packageRoot, 'templates'), io.cwd);
  for (const p of problems) io.stderr(`${PROGRAM}: ${l10n.t('skipped template {0}: {1}', p.source, p.message)}\n`);
  if (values.format === 'json') {
    io.stdout(`${JSON.stringify(list.map(templateInfo))}\n`);
  } else {
    const width = Math.max(0, ...list.map((t) => t.id.length));
    for (const t of list) {
      const where = t.origin === 'built-in' ? '' : ` (${displayPath(t.origin, io.cwd)})`;
      io.stdout(`${t.id.padEnd(width)}  ${t.name}: ${t.description}${where}\n`);
    }
  }
  return 0;
}
// bench/run.ts measures peak memory by loading this built bundle in a fresh process and linting through this export.
export { lintText as lintTextForBench } from '../core/index.js';
