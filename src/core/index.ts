/**
 * The Design Snapshot engine: pure TypeScript shared by the CLI, the VS Code
 * extension and the tests. Host capabilities come in through EngineHost.
 */
import { frontmatterOf } from './editor-support.js';
import { compareFindings, type Finding, type Severity } from './finding.js';
import type { EngineHost } from './host.js';
import { parseSnapshot } from './model.js';
import { toFinding, type LintOptions, type Rule } from './rule.js';
import { RULES } from './rules/index.js';
import { compileSchema, defaultSchema, isSchemaProblem, type CompiledSchema, type SchemaProblem } from './schema.js';
import { pruneErrors } from './schema-errors.js';
import { isTemplateProblem, parseTemplate, type Template, type TemplateProblem } from './templates.js';

export type { Finding, Fix, Severity, TextEdit } from './finding.js';
export { compareFindings } from './finding.js';
export { diagramBlocks, snapshotDiagrams, type DiagramBlock } from './diagrams.js';
export { EXPORT_CSP, snapshotHtml, type HtmlExportOptions } from './html.js';
export { checkMermaid, MERMAID_RULE, type MermaidParse } from './mermaid.js';
export type { EngineHost } from './host.js';
export { InMemoryHost } from './host.js';
export type { ParsedSnapshot, SnapshotModel, SectionModel } from './model.js';
export { parseSnapshot } from './model.js';
export { LineIndex, type Position, type Range } from './position.js';
export type { LintOptions, Rule } from './rule.js';
export { RULES } from './rules/index.js';
export { compileSchema, defaultSchema, DEFAULT_SCHEMA_ID, isSchemaProblem, type CompiledSchema, type SchemaProblem, type SectionSpec } from './schema.js';
export { estimateAnnotations, frontmatterOf, requiredSections, sectionFromTemplate, type EstimateAnnotation } from './editor-support.js';
export { firstPlaceholderOffset, renderTemplate, type Template, type TemplateProblem, type TemplateVariables } from './templates.js';

/** Where a workspace keeps its schema and templates, relative to any ancestor folder of a snapshot. */
export const CONFIG_DIR = '.design-snapshot';
export const DEFAULT_LENGTH_BUDGET = 1500;
export const DEFAULT_TOLERANCE = 0.1;

/** The schema a document is linted with, and the custom schema that could not be used, if any. */
export interface ResolvedSchema {
  schema: CompiledSchema;
  problem?: SchemaProblem;
}

/** Lint options plus the schema to use (the built-in one when absent). */
export interface LintTextOptions extends LintOptions {
  schema?: CompiledSchema;
}

/** The result of linting a file: its findings, and a custom schema that could not be used. */
export interface LintFileResult {
  findings: Finding[];
  schemaProblem?: SchemaProblem;
}

/** True when a document declares itself a snapshot: frontmatter with `pattern` or `designSnapshot: true`. */
export function isSnapshot(text: string): boolean {
  const fm = frontmatterOf(text);
  return (typeof fm.pattern === 'string' && fm.pattern.length > 0) || fm.designSnapshot === true;
}

function severityOf(rule: Rule, strict: boolean, options: LintOptions): Severity | 'off' {
  const override = options.severity?.[rule.id];
  if (override) return override;
  if (rule.severity === 'stage') return strict ? 'error' : 'warning';
  return rule.severity;
}

/**
 * Lints one snapshot's text. Pure and synchronous; never throws on any input
 * (a rule that fails reports an `internal-error` finding instead).
 */
export function lintText(text: string, options: LintTextOptions = {}): Finding[] {
  const schema = options.schema ?? defaultSchema();
  const docsBase = options.docsBase ?? 'docs/rules/';
  const estimates = options.estimates ?? true;
  const parsed = parseSnapshot(text, schema.catalog, { tolerance: options.tolerance ?? DEFAULT_TOLERANCE, estimates });
  const errors = schema.validate(parsed.model) ? [] : pruneErrors(schema.validate.errors ?? []);
  const status = parsed.model.frontmatter.status;
  const strict = status === 'review' || status === 'approved';
  const resolved = {
    lengthBudget: options.lengthBudget ?? DEFAULT_LENGTH_BUDGET,
    docsBase,
    tolerance: options.tolerance ?? DEFAULT_TOLERANCE,
    estimates,
  };
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const severity = severityOf(rule, strict, options);
    if (severity === 'off') continue;
    try {
      rule.check({ parsed, schema, errors, options: resolved, strict, report: (r) => findings.push(toFinding(rule, r, severity, docsBase)) });
    } catch (e) {
      findings.push({
        ruleId: 'internal-error',
        severity: 'info',
        message: `Rule ${rule.id} failed on this document (${(e as Error).message}); expected it to run, so please report this.`,
        range: parsed.lines.lineRange(0, text),
        docs: `${docsBase}internal-error.md`,
      });
    }
  }
  return findings.sort(compareFindings);
}

/** The engine bound to one host: schema and template discovery with caching. */
export interface Engine {
  lintText(text: string, options?: LintTextOptions): Finding[];
  /** Lints a file's text with the schema found for its path (or `schemaPath` when given). */
  lintFile(path: string, text: string, options?: LintOptions & { schemaPath?: string }): Promise<LintFileResult>;
  /** The schema for a document: the nearest `.design-snapshot/schema.json` up from it, else the built-in. */
  resolveSchema(documentPath: string): Promise<ResolvedSchema>;
  /** Loads a schema file; a missing or broken one yields the built-in schema plus the problem. */
  loadSchema(schemaPath: string): Promise<ResolvedSchema>;
  /** Built-in templates plus those of every `.design-snapshot/templates` up from `from`; nearer ones replace farther ones by id. */
  listTemplates(builtInDir: string, from?: string): Promise<{ templates: Template[]; problems: TemplateProblem[] }>;
  /** Forgets cached schema lookups (call when a schema file changes). */
  invalidate(): void;
}

/** Creates the engine for a host. */
export function createEngine(host: EngineHost): Engine {
  const lookups = new Map<string, Promise<string | undefined>>();

  async function findUp(dir: string, rel: string[]): Promise<string | undefined> {
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

  async function loadSchema(schemaPath: string): Promise<ResolvedSchema> {
    const text = await host.readFile(schemaPath);
    if (text === undefined) return { schema: defaultSchema(), problem: { source: schemaPath, message: 'file not found or not readable' } };
    const compiled = compileSchema(text, schemaPath);
    return isSchemaProblem(compiled) ? { schema: defaultSchema(), problem: compiled } : { schema: compiled };
  }

  async function resolveSchema(documentPath: string): Promise<ResolvedSchema> {
    const found = await findUp(host.dirname(documentPath), [CONFIG_DIR, 'schema.json']);
    return found ? loadSchema(found) : { schema: defaultSchema() };
  }

  async function readTemplates(dir: string, origin: (file: string) => string, into: Map<string, Template>, problems: TemplateProblem[]): Promise<void> {
    const names = (await host.readDirectory(dir)) ?? [];
    for (const name of names.filter((n) => n.toLowerCase().endsWith('.md')).sort()) {
      const path = host.join(dir, name);
      const text = await host.readFile(path);
      if (text === undefined) {
        problems.push({ source: path, message: 'could not be read' });
        continue;
      }
      const t = parseTemplate(name, text, origin(path));
      if (isTemplateProblem(t)) problems.push(t);
      else into.set(t.id, t);
    }
  }

  return {
    lintText,
    async lintFile(path, text, options = {}) {
      const { schema, problem } = options.schemaPath ? await loadSchema(options.schemaPath) : await resolveSchema(path);
      return { findings: lintText(text, { ...options, schema }), ...(problem ? { schemaProblem: problem } : {}) };
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
    invalidate() {
      lookups.clear();
    },
  };
}
