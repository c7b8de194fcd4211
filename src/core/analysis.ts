import * as l10n from '@vscode/l10n';
import { stageOf, snapshotVerdict, type ResolvedConfig, type SnapshotVerdict, type Stage } from './config.js';
import { diagramBlocks, type DiagramBlock } from './diagrams.js';
import { estimateAnnotations, inlineEstimateAnnotations, requiredSections, type EstimateAnnotation } from './editor-support.js';
import type { EstimateEvaluator } from './estimates/block.js';
import { estimateBlocks, type EstimateBlock } from './estimates/scan.js';
import { compareFindings, type Finding, type Severity } from './finding.js';
import { frontmatterTitle, readFrontmatter, type Frontmatter } from './frontmatter.js';
import type { MermaidChecker } from './mermaid.js';
import { parseSnapshot, type ParsedSnapshot } from './model.js';
import { LineIndex } from './position.js';
import type { Root } from 'mdast';
import { severityOf, toFinding, type Rule, type RuleContext } from './rule.js';
import { templateLeftovers, type Leftover } from './rules/placeholder-left.js';
import type { Range } from './position.js';
import { defaultSchema, validationFailure, type CompiledSchema, type SchemaError, type SchemaProblem, type SectionCatalog } from './schema.js';
import { pruneErrors } from './schema-errors.js';

/** How often the expensive steps ran: the benchmark's "parses per edit", and the cache tests. */
export interface EngineStats {
  markdownParses: number;
  yamlParses: number;
  analyses: number;
}

/** Everything one analysis of a document needs besides its text: what the engine resolved for it. */
export interface AnalysisContext {
  schema: CompiledSchema;
  /** The custom schema that could not be used, when there was one (the built-in schema is in force then). */
  schemaProblem?: SchemaProblem;
  config: ResolvedConfig;
  /** The schema's sections with the config's aliases. */
  catalog: SectionCatalog;
  rules: readonly Rule[];
  evaluator: EstimateEvaluator;
  mermaid?: MermaidChecker;
  docsBase: string;
  /** False to skip estimates (inline calculations and estimate blocks). */
  estimates: boolean;
  /** The document's path relative to the config's base folder, for include/exclude. */
  relativePath?: string;
  /** Where a document's verdict is matched against globs; compiled and cached by the engine. */
  matcher?: (glob: string) => (path: string) => boolean;
  stats: EngineStats;
}

/** What identifies one version of a document. */
export interface DocumentVersion {
  uri: string;
  version: number;
  text: string;
}

/**
 * One analysis of one version of a document, shared by every consumer: the
 * diagnostics, code actions, hover, inlay hints, status bar, preview, HTML
 * export and the CLI. Each part is computed on first use and kept, so the
 * Markdown and the frontmatter are each parsed at most once per version.
 */
const EMPTY_TREE: Root = { type: 'root', children: [] };

export class Analysis {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly context: AnalysisContext;
  #lines: LineIndex | undefined;
  #frontmatter: Frontmatter | undefined;
  #snapshot: SnapshotVerdict | undefined;
  #parsed: ParsedSnapshot | undefined;
  #errors: SchemaError[] | undefined;
  /** The Markdown tree when the host parsed it off its main thread. */
  #tree: Root | undefined;
  /** Why the document's Markdown could not be read at all (over the host's time budget), when it could not. */
  #unreadable: string | undefined;
  /** Why reading the document's Markdown threw, when it did. */
  #parseFailure: string | undefined;
  /** Why the schema in force could not validate this document, when it could not. */
  #schemaFailure: string | undefined;
  #diagrams: DiagramBlock[] | undefined;
  #blocks: EstimateBlock[] | undefined;
  #annotations: EstimateAnnotation[] | undefined;
  #inlineAnnotations: EstimateAnnotation[] | undefined;
  #required: string[] | undefined;
  #findings: Finding[] | undefined;
  #late: Finding[] = [];
  #pending: Array<Promise<void>> = [];
  #unsettled = 0;
  #all: Promise<Finding[]> | undefined;
  #elapsed = 0;

  constructor(doc: DocumentVersion, context: AnalysisContext) {
    this.uri = doc.uri;
    this.version = doc.version;
    this.text = doc.text;
    this.context = context;
    context.stats.analyses++;
  }

  /** Milliseconds spent computing this analysis so far (frontmatter, parse, rules): what a host's scheduling can go by. */
  get elapsedMs(): number {
    return this.#elapsed;
  }

  /** Runs `compute` and adds its time to elapsedMs. */
  #timed<T>(compute: () => T): T {
    const t = Date.now();
    try {
      return compute();
    } finally {
      this.#elapsed += Date.now() - t;
    }
  }

  get lines(): LineIndex {
    return (this.#lines ??= this.#parsed?.lines ?? new LineIndex(this.text));
  }

  /** The YAML frontmatter, parsed once. */
  get frontmatter(): Frontmatter {
    if (!this.#frontmatter) {
      this.context.stats.yamlParses++;
      this.#frontmatter = this.#timed(() => readFrontmatter(this.text, this.lines));
    }
    return this.#frontmatter;
  }

  /** The stage the frontmatter's status maps to (through the config's status words), if any. */
  get stage(): Stage | undefined {
    return stageOf(this.frontmatter.data.status, this.context.config);
  }

  /** True from review on: stage-dependent rules report errors instead of warnings. */
  get strict(): boolean {
    const s = this.stage;
    return s === 'review' || s === 'approved';
  }

  /** Whether the document is a snapshot, and why; decided from the frontmatter and the path alone (no Markdown parse). */
  get snapshot(): SnapshotVerdict {
    return (this.#snapshot ??= snapshotVerdict(this.frontmatter.data, this.context.relativePath, this.context.config, this.context.matcher));
  }

  /** The Markdown parse and the snapshot model. */
  get parsed(): ParsedSnapshot {
    if (!this.#parsed) {
      this.context.stats.markdownParses++;
      const frontmatter = this.frontmatter;
      // A document that could not be read is an empty one to every feature (its one finding says why).
      const tree = this.#unreadable !== undefined ? EMPTY_TREE : this.#tree;
      const options = { tolerance: this.context.config.tolerance, estimates: this.context.estimates, frontmatter, lines: this.lines };
      try {
        this.#parsed = this.#timed(() => parseSnapshot(this.text, this.context.catalog, { ...options, ...(tree ? { tree } : {}) }));
      } catch (e) {
        // Read once: every feature then sees an empty document, and the findings say why (hovers, inlay hints and the
        // preview never re-run a parse that failed).
        this.#parseFailure = e instanceof Error ? e.message : String(e);
        this.#parsed = parseSnapshot(this.text, this.context.catalog, { ...options, tree: EMPTY_TREE });
      }
    }
    return this.#parsed;
  }

  /** The Markdown tree, parsed by the host off its main thread (the engine's `markdown` option); before any use. */
  useTree(tree: Root): void {
    if (!this.#parsed) this.#tree = tree;
  }

  /** The host could not parse the Markdown within its budget: the document is reported as not analyzed. */
  cannotRead(why: string): void {
    if (!this.#parsed) this.#unreadable = why;
  }

  /** The document's title: its first level-1 heading, else the frontmatter's title. */
  get title(): string {
    const t = this.parsed.title?.text;
    if (t) return t;
    return frontmatterTitle(this.frontmatter.data) ?? '';
  }

  /** True when the frontmatter declares the document a snapshot (`pattern:` or `designSnapshot: true`), not only its path. */
  get declared(): boolean {
    const fm = this.frontmatter.data;
    return (typeof fm.pattern === 'string' && fm.pattern.length > 0) || fm.designSnapshot === true;
  }

  /** The schema's validation errors for this document, pruned to those a reader needs. */
  get schemaErrors(): readonly SchemaError[] {
    if (!this.#errors) {
      const { model, title } = this.parsed;
      // What the schema judges: a status word that maps onto a stage is that stage; no status is a draft; no title
      // field is fine when the document has a "# Title" heading (a doc linted by path needs no frontmatter at all).
      // A document linted by path (an RFC, an ADR) whose status word is its own ("Decision record") is read as a
      // draft: the word is not a snapshot's to judge. A declared snapshot is held to the status words.
      const fm: Record<string, unknown> = { ...model.frontmatter };
      const stage = this.stage;
      if (stage) fm.status = stage;
      else if (fm.status === undefined || fm.status === null || (!this.declared && typeof fm.status === 'string')) fm.status = 'draft';
      if (fm.title === undefined || fm.title === null) {
        const named = title?.text.trim() || frontmatterTitle(fm);
        if (named) fm.title = named;
      }
      const subject = { ...model, frontmatter: fm };
      let validate = this.context.schema.validate;
      const failure = validationFailure(validate, subject);
      if (failure) {
        // A custom schema that passed its trial but fails on this document: the built-in schema judges it instead.
        const source = this.context.schema.source;
        this.#schemaFailure = source
          ? l10n.t('Design Snapshot: the schema {0} failed on this document ({1}); the built-in schema was used', source, failure)
          : l10n.t('Design Snapshot: the schema in force failed on this document ({0}); the built-in schema was used', failure);
        validate = defaultSchema().validate;
        validate(subject);
      }
      this.#errors = validate.errors ? pruneErrors(validate.errors) : [];
    }
    return this.#errors;
  }

  /** The ```mermaid blocks, in document order. */
  get diagrams(): readonly DiagramBlock[] {
    return (this.#diagrams ??= diagramBlocks(this.parsed));
  }

  /** The ```estimate blocks with the value of each line. */
  get estimateBlocks(): readonly EstimateBlock[] {
    return (this.#blocks ??= this.context.estimates ? estimateBlocks(this.parsed.tree, this.lines, this.parsed.shift, this.context.evaluator) : []);
  }

  /** Each estimate-block line's value, placed at the end of its line. */
  get estimateAnnotations(): readonly EstimateAnnotation[] {
    return (this.#annotations ??= estimateAnnotations(this.estimateBlocks, this.lines, this.text));
  }

  /** An annotation per calculation written inline in the prose (✓ when it holds, else what its arithmetic gives). */
  get inlineAnnotations(): readonly EstimateAnnotation[] {
    return (this.#inlineAnnotations ??= inlineEstimateAnnotations(this.parsed.inlineEstimates, this.lines, this.context.config.tolerance));
  }

  /** Template scaffolding left in the text (guidance comments, placeholders, markers, variables), in document order. */
  get leftovers(): readonly Leftover[] {
    return templateLeftovers(this.parsed);
  }

  /**
   * What an author replaces first in a new snapshot: the first `<…>` placeholder after the frontmatter (selecting
   * it lets typing replace it), else the first other leftover there; undefined when nothing is left.
   */
  get firstToFill(): Range | undefined {
    const body = this.frontmatter.info ? this.frontmatter.info.range.end.line : 0;
    const inBody = this.leftovers.filter((l) => l.whole.start.line >= body);
    return (inBody.find((l) => l.kind === 'placeholder') ?? inBody[0])?.whole;
  }

  /** The ids of the sections the schema requires of this document (they depend on its frontmatter). */
  get requiredSections(): readonly string[] {
    return (this.#required ??= requiredSections(this.frontmatter.data, this.context.schema));
  }

  /** Every finding available without waiting: all rules, mermaid-syntax for diagrams whose verdict is known. */
  get findings(): readonly Finding[] {
    if (!this.#findings) {
      try {
        if (this.#unreadable !== undefined) {
          this.#findings = [this.#problem(l10n.t('This document was not analyzed: {0}; every other document is linted as usual. Expected Markdown that reads in a moment.', this.#unreadable), 'warning')];
          return this.#findings;
        }
        const parsed = this.parsed;
        if (this.#parseFailure !== undefined) throw new Error(this.#parseFailure);
        this.#findings = this.#timed(() => this.#run(parsed).sort(compareFindings));
        if (this.#schemaFailure) this.#findings.unshift(this.#problem(this.#schemaFailure, 'warning'));
      } catch (e) {
        // Whatever goes wrong reading one document stays a finding on that document; the other files keep theirs.
        this.#findings = [this.#problem(l10n.t('Design Snapshot could not analyze this document ({0}); expected it to be read, so please report this.', e instanceof Error ? e.message : String(e)), 'error')];
      }
    }
    return this.#findings;
  }

  /** True while an asynchronous rule (a diagram being parsed) may still add findings. */
  get pending(): boolean {
    void this.findings;
    return this.#unsettled > 0;
  }

  /** Every finding, asynchronous rules included; computed once. */
  allFindings(): Promise<readonly Finding[]> {
    const sync = this.findings;
    if (this.#pending.length === 0) return Promise.resolve(sync);
    return (this.#all ??= Promise.all(this.#pending).then(() => [...sync, ...this.#late].sort(compareFindings)));
  }

  /** Runs every rule once; reports made after a rule's first await go to #late. */
  #run(parsed: ParsedSnapshot): Finding[] {
    const { config, docsBase, rules } = this.context;
    const strict = this.strict;
    const declared = this.declared;
    const options = { lengthBudget: config.lengthBudget, docsBase, tolerance: config.tolerance, estimates: this.context.estimates, topics: config.topics };
    const findings: Finding[] = [];
    let sync = true;
    for (const rule of rules) {
      const severity = severityOf(rule, strict, config.rules);
      if (severity === 'off') continue;
      const ctx: RuleContext = {
        parsed,
        schema: this.context.schema,
        catalog: this.context.catalog,
        errors: this.schemaErrors,
        options,
        stage: this.stage,
        strict,
        declared,
        lengthBudgetChosen: config.lengthBudgetChosen,
        diagrams: () => this.diagrams,
        estimateBlocks: () => this.estimateBlocks,
        mermaid: this.context.mermaid,
        report: (r) => (sync ? findings : this.#late).push(toFinding(rule, r, severity, docsBase)),
      };
      try {
        const result = rule.check(ctx);
        if (result) {
          this.#unsettled++;
          this.#pending.push(
            result
              .catch((e: unknown) => void this.#late.push(this.#internalError(rule, e)))
              .finally(() => void this.#unsettled--),
          );
        }
      } catch (e) {
        findings.push(this.#internalError(rule, e));
      }
    }
    sync = false;
    return findings;
  }

  #internalError(rule: Rule, e: unknown): Finding {
    return this.#problem(l10n.t('Rule {0} failed on this document ({1}); expected it to run, so please report this.', rule.id, e instanceof Error ? e.message : String(e)));
  }

  /** An internal-error finding on the document's first line (a rule that failed is information; a document that could not be read is an error). */
  #problem(message: string, severity: Severity = 'info'): Finding {
    let range;
    try {
      range = this.lines.lineRange(0, this.text);
    } catch {
      range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    }
    return { ruleId: 'internal-error', severity, message, range, docs: `${this.context.docsBase}internal-error.md` };
  }
}
