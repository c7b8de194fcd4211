import * as l10n from '@vscode/l10n';
import { Analysis, type AnalysisContext, type DocumentVersion, type EngineStats } from './analysis.js';
import { compileGlob, isConfigProblem, layerConfig, parseConfig, type ConfigFile, type ConfigOverrides, type ConfigProblem, type ResolvedConfig } from './config.js';
import { EstimateEvaluator } from './estimates/block.js';
import type { EngineHost } from './host.js';
import { Lru } from './lru.js';
import { MermaidChecker, type MermaidParse } from './mermaid.js';
import { OVER_BUDGET } from './mermaid-errors.js';
import type { Root } from 'mdast';
import { parseSnapshot, type ParsedSnapshot } from './model.js';
import type { Rule } from './rule.js';
import { RULES } from './rules/index.js';
import { compileSchema, defaultSchema, isSchemaProblem, type CompiledSchema, type SchemaProblem, type SectionCatalog } from './schema.js';
import { isTemplateProblem, parseTemplate, type Template, type TemplateProblem } from './templates.js';

/** Where a workspace keeps its schema, config and templates, relative to any ancestor folder of a snapshot. */
export const CONFIG_DIR = '.design-snapshot';
export const CONFIG_FILE = 'config.json';
export const SCHEMA_FILE = 'schema.json';

/** Where the engine says what it did; VS Code passes its LogOutputChannel, the CLI stderr (for errors) or nothing. */
export interface Logger {
  debug?(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** The schema a document is linted with, and the custom schema that could not be used, if any. */
export interface ResolvedSchema {
  schema: CompiledSchema;
  problem?: SchemaProblem;
}

/** What a host gives the engine. */
export interface EngineOptions {
  host: EngineHost;
  /** Loads mermaid's parser (a Node worker, a web worker); called on the first diagram. Without it mermaid-syntax does not run. */
  mermaid?: () => Promise<MermaidParse>;
  logger?: Logger;
  /** What the host layers over the config file for a document: an editor's explicitly set settings. */
  config?: (uri: string) => ConfigOverrides | undefined;
  /** Base URL of the rule pages (`${docsBase}${ruleId}.md`). */
  docsBase?: string;
  /** How many documents' analyses are kept (least recently used dropped first). */
  maxDocuments?: number;
  /**
   * Parses Markdown off the host's main thread, within a time budget (the extension host: a worker thread), for
   * documents large or odd enough that a parse might take long (see costlyToParse). A rejection named OVER_BUDGET
   * leaves the document unread, with one finding that says so; any other rejection parses on the main thread.
   */
  markdown?: (text: string) => Promise<Root>;
}

/** Documents from this size on are parsed by the host's `markdown` option when it has one. */
export const OFF_THREAD_CHARS = 16 * 1024;
/** So are documents with a line this long (real prose lines are far shorter; parser pathologies are long lines). */
export const OFF_THREAD_LINE = 1000;

/** True when a parse of the text might take long enough to matter: it is large, or has a very long line. */
export function costlyToParse(text: string): boolean {
  if (text.length >= OFF_THREAD_CHARS) return true;
  for (let from = 0; from < text.length; ) {
    const lf = text.indexOf('\n', from);
    const end = lf === -1 ? text.length : lf;
    if (end - from >= OFF_THREAD_LINE) return true;
    from = end + 1;
  }
  return false;
}

/** One document version to analyze, and where it sits. */
export interface AnalyzeInput extends DocumentVersion {
  /** The folder globs are relative to when no config file is found (the workspace folder, the working directory). */
  root?: string;
  /** A schema to use instead of the nearest `.design-snapshot/schema.json` (CLI --schema, the designSnapshot.schema setting). */
  schemaPath?: string;
  /** A config file to use instead of the nearest `.design-snapshot/config.json` (CLI --config). */
  configPath?: string;
  /** False to leave estimates unchecked. */
  estimates?: boolean;
}

/** The engine bound to one host: discovery of schemas, configs and templates, and one analysis per document version. */
export interface Engine {
  /** The analysis of this version of a document: computed once, shared by every caller. */
  analyze(input: AnalyzeInput): Promise<Analysis>;
  /** The config in force for a document. */
  resolveConfig(documentPath: string, options?: { root?: string; configPath?: string }): Promise<ResolvedConfig>;
  /** The schema for a document: the nearest `.design-snapshot/schema.json` up from it, else the built-in. */
  resolveSchema(documentPath: string): Promise<ResolvedSchema>;
  /** Loads a schema file; a missing or broken one yields the built-in schema plus the problem. */
  loadSchema(schemaPath: string): Promise<ResolvedSchema>;
  /** Built-in templates plus those of every `.design-snapshot/templates` up from `from`; nearer ones replace farther ones by id. */
  listTemplates(builtInDir: string, from?: string): Promise<{ templates: Template[]; problems: TemplateProblem[] }>;
  /** A template's parse (for inserting one of its sections), cached by text. */
  templateParse(template: Template, catalog: SectionCatalog): ParsedSnapshot;
  /** Forgets everything read from the workspace (a schema or config changed, trust was granted, settings changed). */
  invalidate(): void;
  /** Forgets one document's analysis (it was closed). */
  forget(uri: string): void;
  readonly stats: Readonly<EngineStats>;
  readonly rules: readonly Rule[];
}

interface ConfigLookup {
  source?: string;
  base?: string;
  file?: ConfigFile;
  problem?: ConfigProblem;
}

function normalizeSeparators(p: string): string {
  return p.replace(/\\/g, '/');
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A document's path relative to `base` for glob matching; without a base, its path without scheme and leading slashes. */
export function relativePath(base: string | undefined, path: string): string | undefined {
  const p = normalizeSeparators(path);
  const isUri = /^[a-z][\w+.-]*:/i.test(p) && !/^[a-z]:\//i.test(p);
  if (base) {
    const b = normalizeSeparators(base).replace(/\/+$/, '');
    if (p.startsWith(`${b}/`)) {
      const rel = p.slice(b.length + 1);
      return isUri ? decode(rel) : rel;
    }
  }
  const bare = (isUri ? decode(p.replace(/^[a-z][\w+.-]*:(?:\/\/[^/]*)?/i, '')) : p).replace(/^[a-z]:\//i, '').replace(/^\/+/, '');
  return bare || undefined;
}

/** Creates the engine for a host. */
export function createEngine(options: EngineOptions): Engine {
  const { host, logger } = options;
  const docsBase = options.docsBase ?? 'docs/rules/';
  const stats: EngineStats = { markdownParses: 0, yamlParses: 0, analyses: 0 };
  const evaluator = new EstimateEvaluator();
  const mermaid = options.mermaid ? new MermaidChecker(options.mermaid) : undefined;
  const lookups = new Lru<string, Promise<string | undefined>>(512);
  const configs = new Lru<string, Promise<ConfigLookup>>(64);
  const schemas = new Lru<string, Promise<ResolvedSchema>>(32);
  const compiled = new Lru<string, CompiledSchema | SchemaProblem>(32);
  const docs = new Lru<string, { version: number; text: string; analysis: Promise<Analysis> }>(options.maxDocuments ?? 32);
  const globs = new Lru<string, (path: string) => boolean>(256);
  const catalogs = new WeakMap<CompiledSchema, Lru<string, SectionCatalog>>();
  const templates = new WeakMap<SectionCatalog, Lru<string, ParsedSnapshot>>();
  const verdicts = new Lru<string, string>(1024);
  const logged = new Set<string>();

  /** Logs a line once until the next invalidate(): what is in force does not change between edits. */
  const once = (key: string, write: () => void): void => {
    if (logged.has(key)) return;
    logged.add(key);
    write();
  };

  const matcher = (glob: string): ((path: string) => boolean) => {
    let m = globs.get(glob);
    if (!m) {
      m = compileGlob(glob);
      globs.set(glob, m);
    }
    return m;
  };

  function findUp(dir: string, rel: string[]): Promise<string | undefined> {
    const key = `${dir}\u0000${rel.join('/')}`;
    let hit = lookups.get(key);
    if (!hit) {
      hit = (async () => {
        const candidate = rel.reduce((p, part) => host.join(p, part), dir);
        if ((await host.readFile(candidate)) !== undefined) return candidate;
        const parent = host.dirname(dir);
        return parent === dir ? undefined : findUp(parent, rel);
      })();
      lookups.set(key, hit);
    }
    return hit;
  }

  function readConfig(path: string): Promise<ConfigLookup> {
    let hit = configs.get(path);
    if (!hit) {
      hit = (async (): Promise<ConfigLookup> => {
        const dir = host.dirname(path);
        // Globs are relative to the folder that holds .design-snapshot/, else to the config file's own folder.
        const base = /[\\/]\.design-snapshot$/.test(normalizeSeparators(dir)) || dir.endsWith(`/${CONFIG_DIR}`) ? host.dirname(dir) : dir;
        const text = await host.readFile(path);
        if (text === undefined) {
          const problem = { source: path, message: l10n.t('file not found or not readable') };
          logger?.error(`Config ${path}: ${problem.message}; using the defaults.`);
          return { problem, base };
        }
        const parsed = parseConfig(text, path, RULES.map((r) => r.id));
        if (isConfigProblem(parsed)) {
          logger?.error(`Config ${path} is not usable: ${parsed.message}. Using the defaults until it is fixed.`);
          return { problem: parsed, base };
        }
        logger?.info(`Config ${path} in force for ${base}: ${JSON.stringify(parsed)}`);
        return { source: path, base, file: parsed };
      })();
      configs.set(path, hit);
    }
    return hit;
  }

  async function lookupConfig(documentPath: string, configPath?: string): Promise<ConfigLookup> {
    if (configPath) return readConfig(configPath);
    const dir = host.dirname(documentPath);
    const found = await findUp(dir, [CONFIG_DIR, CONFIG_FILE]);
    if (found) return readConfig(found);
    return {};
  }

  function loadSchema(schemaPath: string): Promise<ResolvedSchema> {
    let hit = schemas.get(schemaPath);
    if (!hit) {
      hit = (async (): Promise<ResolvedSchema> => {
        const text = await host.readFile(schemaPath);
        if (text === undefined) return { schema: defaultSchema(), problem: { source: schemaPath, message: l10n.t('file not found or not readable') } };
        const key = `${schemaPath}\u0000${text}`;
        let c = compiled.get(key);
        if (!c) {
          c = compileSchema(text, schemaPath);
          compiled.set(key, c);
        }
        if (isSchemaProblem(c)) {
          logger?.error(`Schema ${schemaPath} is ${c.message}; using the built-in schema until it is fixed.`);
          return { schema: defaultSchema(), problem: c };
        }
        logger?.info(`Schema ${schemaPath} loaded: ${c.catalog.sections.length} sections.`);
        return { schema: c };
      })();
      schemas.set(schemaPath, hit);
    }
    return hit;
  }

  async function resolveSchema(documentPath: string): Promise<ResolvedSchema> {
    const found = await findUp(host.dirname(documentPath), [CONFIG_DIR, SCHEMA_FILE]);
    return found ? loadSchema(found) : { schema: defaultSchema() };
  }

  function catalogFor(schema: CompiledSchema, aliases: Readonly<Record<string, readonly string[]>>): SectionCatalog {
    if (Object.keys(aliases).length === 0) return schema.catalog;
    let byAliases = catalogs.get(schema);
    if (!byAliases) catalogs.set(schema, (byAliases = new Lru(8)));
    const key = JSON.stringify(aliases);
    let c = byAliases.get(key);
    if (!c) {
      c = schema.catalog.withAliases(aliases);
      byAliases.set(key, c);
    }
    return c;
  }

  async function contextFor(input: AnalyzeInput): Promise<AnalysisContext> {
    const [lookup, resolved] = await Promise.all([lookupConfig(input.uri, input.configPath), input.schemaPath ? loadSchema(input.schemaPath) : resolveSchema(input.uri)]);
    let { file, problem, source } = lookup;
    // Aliases name section ids, which only the schema in force knows.
    const unknown = Object.keys(file?.aliases ?? {}).filter((id) => !resolved.schema.catalog.get(id));
    if (file && unknown.length) {
      problem = { source: source ?? '', message: l10n.t('aliases: unknown section id "{0}"; expected one of {1}', unknown[0] ?? '', resolved.schema.catalog.sections.map((s) => s.id).join(', ')) };
      once(`aliases\u0000${source}`, () => logger?.error(`Config ${source} is not usable: ${problem?.message}. Using the defaults until it is fixed.`));
      file = undefined;
      source = undefined;
    }
    const base = lookup.base ?? input.root;
    if (!lookup.base && !lookup.problem) once(`no-config\u0000${input.root ?? ''}`, () => logger?.info(`No ${CONFIG_DIR}/${CONFIG_FILE} found up from documents under ${input.root ?? 'this folder'}: defaults in force.`));
    const config = layerConfig(file, options.config?.(input.uri), { ...(source ? { source } : {}), ...(base ? { base } : {}), ...(problem ? { problem } : {}) });
    return {
      schema: resolved.schema,
      ...(resolved.problem ? { schemaProblem: resolved.problem } : {}),
      config,
      catalog: catalogFor(resolved.schema, config.aliases),
      rules: RULES,
      evaluator,
      ...(mermaid ? { mermaid } : {}),
      docsBase,
      estimates: input.estimates ?? true,
      ...(() => {
        const rel = relativePath(base, input.uri);
        return rel === undefined ? {} : { relativePath: rel };
      })(),
      matcher,
      stats,
    };
  }

  async function readTemplates(dir: string, origin: (file: string) => string, into: Map<string, Template>, problems: TemplateProblem[]): Promise<void> {
    const names = (await host.readDirectory(dir)) ?? [];
    for (const name of names.filter((n) => n.toLowerCase().endsWith('.md')).sort()) {
      const path = host.join(dir, name);
      const text = await host.readFile(path);
      if (text === undefined) {
        problems.push({ source: path, message: l10n.t('could not be read') });
        continue;
      }
      const t = parseTemplate(name, text, origin(path));
      if (isTemplateProblem(t)) problems.push(t);
      else into.set(t.id, t);
    }
  }

  return {
    stats,
    rules: RULES,
    analyze(input) {
      const cached = docs.get(input.uri);
      if (cached && cached.version === input.version && cached.text === input.text) return cached.analysis;
      const analysis = contextFor(input).then(async (context) => {
        const a = new Analysis(input, context);
        const verdict = a.snapshot;
        const line = `${verdict.isSnapshot ? 'Linted' : 'Not linted'}: ${input.uri}, because ${verdict.reason}.`;
        if (verdicts.get(input.uri) !== line) {
          verdicts.set(input.uri, line);
          logger?.info(line);
        }
        if (options.markdown && verdict.isSnapshot && costlyToParse(input.text)) {
          try {
            a.useTree(await options.markdown(input.text));
          } catch (e) {
            if ((e as { name?: unknown } | null)?.name === OVER_BUDGET) a.cannotRead(l10n.t('reading its Markdown {0}', (e as Error).message));
            else logger?.warn(`Parsing ${input.uri} off the main thread failed (${e instanceof Error ? e.message : String(e)}); parsed here instead.`);
          }
        }
        return a;
      });
      const entry = { version: input.version, text: input.text, analysis };
      docs.set(input.uri, entry);
      // A failed resolution is not cached: the next call tries again.
      void analysis.catch(() => {
        if (docs.get(input.uri) === entry) docs.delete(input.uri);
      });
      return analysis;
    },
    async resolveConfig(documentPath, opts = {}) {
      const context = await contextFor({ uri: documentPath, version: 0, text: '', ...(opts.root ? { root: opts.root } : {}), ...(opts.configPath ? { configPath: opts.configPath } : {}) });
      return context.config;
    },
    resolveSchema,
    loadSchema,
    async listTemplates(builtInDir, from) {
      const byId = new Map<string, Template>();
      const problems: TemplateProblem[] = [];
      await readTemplates(builtInDir, () => 'built-in', byId, problems);
      const dirs: string[] = [];
      for (let d = from; d !== undefined; ) {
        dirs.push(host.join(host.join(d, CONFIG_DIR), 'templates'));
        const parent = host.dirname(d);
        d = parent === d ? undefined : parent;
      }
      // Farthest first, so a nearer workspace's template replaces a farther one with the same id.
      for (const dir of dirs.reverse()) await readTemplates(dir, (p) => p, byId, problems);
      return { templates: [...byId.values()], problems };
    },
    templateParse(template, catalog) {
      let byText = templates.get(catalog);
      if (!byText) templates.set(catalog, (byText = new Lru(16)));
      let parsed = byText.get(template.text);
      if (!parsed) {
        parsed = parseSnapshot(template.text, catalog, { estimates: false });
        byText.set(template.text, parsed);
      }
      return parsed;
    },
    invalidate() {
      lookups.clear();
      configs.clear();
      schemas.clear();
      docs.clear();
      logged.clear();
      verdicts.clear();
    },
    forget(uri) {
      docs.delete(uri);
    },
  };
}
