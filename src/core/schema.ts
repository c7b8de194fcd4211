import * as l10n from '@vscode/l10n';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { RE2JS } from 're2js';
import defaultSchemaJson from '../../schemas/design-snapshot.schema.json';
import { headingKey, readHeading, type HeadingMatch, type KeyLookup } from './headings.js';
import { mergeTopics, readTopicEntries, type Topic } from './review/topics.js';

/** The `$id` of the built-in schema; a custom schema extends it with `{"$ref": DEFAULT_SCHEMA_ID}`. */
export const DEFAULT_SCHEMA_ID = defaultSchemaJson.$id;

/** The keywords this project adds to JSON Schema (annotations; ajv ignores them when validating). */
export const VOCABULARY = ['x-aliases', 'x-heads', 'x-words', 'x-evidence', 'x-message', 'x-stub', 'x-topics'] as const;

/** One canonical section as the schema describes it. */
export interface SectionSpec {
  id: string;
  /** The heading a quick fix writes. */
  title: string;
  aliases: string[];
  /** Last words that make a short heading name this section ("Serving architecture" → architecture). */
  heads?: string[];
  /**
   * Words that make a short top-level heading name this section wherever they stand in it, when the heading names
   * no section otherwise and no other section's words are in it ("When it breaks", "Sizing it", "Judging quality").
   * "fail*" matches any word that starts so; several words match as a phrase.
   */
  words?: string[];
  /**
   * When a document has no heading for the section but covers it anyway: in at least `paragraphs` paragraphs,
   * list items or table rows that use one of `terms` ("fail*" matches failure, fails…), in at least
   * `calculations` lines of arithmetic, or in `quantities` paragraphs dense with numbers and units. Then the
   * section is not reported missing.
   */
  evidence?: SectionEvidence;
  description?: string;
  /** What a quick fix inserts under the heading. */
  stub?: string;
}

/** What shows a section is covered without a heading of its own (see SectionSpec.evidence). */
export interface SectionEvidence {
  terms?: string[];
  paragraphs?: number;
  calculations?: number;
  /** Paragraphs or table rows that each state three quantities with units or more: numbers worked through. */
  quantities?: number;
  /** Paragraphs that commit to the section in so many words: "requirement" (user stories, "Goal: …", or a list whose items mostly say what the design must or should do), "failure-handling" ("if X fails, we retry"). */
  statements?: { kind: string; min: number };
  /** Names that show the section on their own when they label something: a subheading, a table column or a lead-in ("**Cons:**", "Negative tests:"); same syntax as terms. */
  labels?: string[];
  /** Code blocks or tables that define a data schema (a protobuf message, a CRD, a Pydantic model, a "Field | Type" table): so many show a data model. */
  definitions?: number;
}

/** The canonical sections of a schema, in the order a snapshot should list them. */
export class SectionCatalog implements KeyLookup {
  readonly sections: readonly SectionSpec[];
  readonly #byKey = new Map<string, string[]>();
  /** Keys a team's config names: those name only what the team says. */
  readonly #preferredKeys = new Set<string>();
  readonly #heads = new Map<string, string>();
  /** x-words per section: single words (exact or "stem*") and phrases, matched on a heading's key. */
  readonly #words: Array<{ id: string; exact: Set<string>; stems: string[]; phrases: string[] }> = [];
  readonly #order = new Map<string, number>();
  readonly #byId = new Map<string, SectionSpec>();

  /** `preferred` aliases (a team's own, from its config) win over the schema's when both name a heading. */
  constructor(sections: SectionSpec[], preferred: Readonly<Record<string, readonly string[]>> = {}) {
    this.sections = sections;
    // A name two sections list names both ("Goals": the problem's scope and the requirements), in catalog order.
    const add = (name: string, id: string, preferredOnly = false): void => {
      const key = headingKey(name);
      if (!key) return;
      const ids = this.#byKey.get(key);
      if (!ids) this.#byKey.set(key, [id]);
      else if (!preferredOnly && !this.#preferredKeys.has(key) && !ids.includes(id)) ids.push(id);
    };
    for (const [id, names] of Object.entries(preferred)) {
      for (const n of names) {
        add(n, id, true);
        this.#preferredKeys.add(headingKey(n));
      }
    }
    sections.forEach((s, i) => {
      this.#order.set(s.id, i);
      this.#byId.set(s.id, s);
      for (const h of [s.id, s.title, ...s.aliases]) add(h, s.id);
      for (const w of s.heads ?? []) {
        const key = headingKey(w);
        if (key && !this.#heads.has(key)) this.#heads.set(key, s.id);
      }
      if (s.words?.length) {
        const entry = { id: s.id, exact: new Set<string>(), stems: [] as string[], phrases: [] as string[] };
        for (const w of s.words) {
          const stem = w.trim().toLowerCase().endsWith('*');
          const key = headingKey(stem ? w.trim().slice(0, -1) : w);
          if (!key) continue;
          if (key.includes(' ')) entry.phrases.push(` ${key} `);
          else if (stem) entry.stems.push(key);
          else entry.exact.add(key);
        }
        this.#words.push(entry);
      }
    });
  }

  /** The sections whose x-words a heading key holds (each once, in catalog order). */
  words(key: string): string[] {
    if (!this.#words.length) return [];
    const list = key.split(' ');
    const padded = ` ${key} `;
    return this.#words
      .filter((e) => list.some((w) => e.exact.has(w) || e.stems.some((s) => w.startsWith(s))) || e.phrases.some((p) => padded.includes(p)))
      .map((e) => e.id);
  }

  exact(key: string): readonly string[] | undefined {
    return this.#byKey.get(key);
  }

  head(word: string): string | undefined {
    return this.#heads.get(word);
  }

  /** Every section a heading names, most certain first ("Model development and offline evaluation" → data-model, evaluation). */
  match(heading: string): string[] {
    return readHeading(heading, this).ids;
  }

  /** match(), and how sure it is. */
  read(heading: string): HeadingMatch {
    return readHeading(heading, this);
  }

  /** The section a heading names ("2. High-level design:" → "architecture"), or undefined. */
  idOf(heading: string): string | undefined {
    return this.match(heading)[0];
  }

  get(id: string): SectionSpec | undefined {
    return this.#byId.get(id);
  }

  /** Position of a section in the canonical order; unknown ids sort last. */
  order(id: string): number {
    return this.#order.get(id) ?? Number.MAX_SAFE_INTEGER;
  }

  /** This catalog with more accepted headings per section id (a config file's `aliases`), which win over the schema's. */
  withAliases(extra: Readonly<Record<string, readonly string[]>>): SectionCatalog {
    if (Object.keys(extra).length === 0) return this;
    const known = Object.fromEntries(Object.entries(extra).filter(([id]) => this.#byId.has(id)));
    return new SectionCatalog(
      this.sections.map((s) => (known[s.id] ? { ...s, aliases: [...s.aliases, ...(known[s.id] ?? []).filter((a) => !s.aliases.includes(a))] } : s)),
      known,
    );
  }
}

/** A custom schema that could not be used, named by its file, with the reason. */
export interface SchemaProblem {
  source: string;
  message: string;
}

/** A compiled schema with its section catalog; compiled once and cached. */
export interface CompiledSchema {
  validate: ValidateFunction;
  catalog: SectionCatalog;
  /** The review topics (`x-topics`): the built-in ones, merged with a custom schema's own when it extends the built-in. */
  topics: readonly Topic[];
  /** Where a custom schema came from; undefined for the built-in one. */
  source?: string;
}

export type SchemaError = ErrorObject;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The `pattern` keywords of a custom schema run in RE2 (re2js): time linear in the text, whatever the pattern. A
 * schema comes from the repository being linted; with JavaScript's backtracking engine `"^(a+)+$"` took 38 s on a
 * 30-character line. RE2 has no lookaround or backreferences: such a pattern makes the schema unusable, with a
 * message that says so, and the built-in schema lints meanwhile.
 */
const linearRegExp = Object.assign(
  (pattern: string, flags: string): { test: (s: string) => boolean; toString: () => string } => {
    let re: RE2JS;
    try {
      // JSON Schema patterns are ECMA-262: its \uXXXX and \u{…} escapes are RE2's \x{…}.
      re = RE2JS.compile(pattern.replace(/(?<!\\)((?:\\\\)*)\\u(?:\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{4}))/g, (_, pre: string, braced?: string, four?: string) => `${pre}\\x{${braced ?? four}}`));
    } catch (e) {
      throw new Error(`pattern ${JSON.stringify(pattern)} is not supported by the linear-time engine patterns run in (RE2: no lookaround, backreferences, \\p{Script=…}, or repeat counts over 1000): ${(e as Error).message}`);
    }
    // ajv caches compiled patterns by their toString(): it must differ per pattern, as a RegExp's does.
    return { test: (s: string) => re.matcher(s).find(), toString: () => `/${pattern}/${flags}` };
  },
  { code: 'linearRegExp' },
);

function newAjv(linear = false): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    ...(linear ? { code: { regExp: linearRegExp } } : {}),
  });
  ajv.addVocabulary([...VOCABULARY]);
  return ajv;
}

/** Reads the section specs declared at properties.sections.properties of one schema. */
function declaredSections(schema: Json): SectionSpec[] {
  const props = isObject(schema.properties) && isObject(schema.properties.sections) ? schema.properties.sections.properties : undefined;
  if (!isObject(props)) return [];
  return Object.entries(props).flatMap(([id, spec]) => {
    if (!isObject(spec)) return [];
    const aliases = Array.isArray(spec['x-aliases']) ? spec['x-aliases'].filter((a): a is string => typeof a === 'string') : [];
    const heads = Array.isArray(spec['x-heads']) ? spec['x-heads'].filter((a): a is string => typeof a === 'string') : undefined;
    const words = Array.isArray(spec['x-words']) ? spec['x-words'].filter((a): a is string => typeof a === 'string') : undefined;
    const ev = isObject(spec['x-evidence']) ? spec['x-evidence'] : undefined;
    const evidence: SectionEvidence | undefined = ev
      ? {
          ...(Array.isArray(ev.terms) ? { terms: ev.terms.filter((t): t is string => typeof t === 'string') } : {}),
          ...(typeof ev.paragraphs === 'number' ? { paragraphs: ev.paragraphs } : {}),
          ...(typeof ev.calculations === 'number' ? { calculations: ev.calculations } : {}),
          ...(typeof ev.quantities === 'number' ? { quantities: ev.quantities } : {}),
          ...(isObject(ev.statements) && typeof ev.statements.kind === 'string' && typeof ev.statements.min === 'number' ? { statements: { kind: ev.statements.kind, min: ev.statements.min } } : {}),
          ...(Array.isArray(ev.labels) ? { labels: ev.labels.filter((t): t is string => typeof t === 'string') } : {}),
          ...(typeof ev.definitions === 'number' ? { definitions: ev.definitions } : {}),
        }
      : undefined;
    return [
      {
        id,
        title: typeof spec.title === 'string' ? spec.title : id,
        aliases,
        ...(heads ? { heads } : {}),
        ...(words ? { words } : {}),
        ...(evidence ? { evidence } : {}),
        ...(typeof spec.description === 'string' ? { description: spec.description } : {}),
        ...(typeof spec['x-stub'] === 'string' ? { stub: spec['x-stub'] } : {}),
      },
    ];
  });
}

/**
 * Merges a custom schema's sections into the built-in ones: a known id takes the
 * custom title and aliases in place; a new id goes after the section listed
 * before it in the custom schema.
 */
function mergeSections(base: SectionSpec[], custom: SectionSpec[]): SectionSpec[] {
  const out = [...base];
  let cursor = -1;
  for (const spec of custom) {
    const at = out.findIndex((s) => s.id === spec.id);
    if (at >= 0) {
      const prev = out[at] as SectionSpec;
      // What the custom schema leaves out (a title, aliases, heads) stays as the built-in schema has it.
      out[at] = {
        ...prev,
        ...spec,
        title: spec.title === spec.id ? prev.title : spec.title,
        aliases: spec.aliases.length ? spec.aliases : prev.aliases,
        ...(spec.heads ?? prev.heads ? { heads: spec.heads ?? prev.heads ?? [] } : {}),
        ...(spec.words ?? prev.words ? { words: spec.words ?? prev.words ?? [] } : {}),
      };
      cursor = at;
    } else {
      out.splice(cursor + 1, 0, spec);
      cursor++;
    }
  }
  return out;
}

function refersTo(schema: unknown, id: string): boolean {
  if (Array.isArray(schema)) return schema.some((s) => refersTo(s, id));
  if (!isObject(schema)) return false;
  return Object.entries(schema).some(([k, v]) => (k === '$ref' && typeof v === 'string' && v.startsWith(id)) || refersTo(v, id));
}

let builtIn: CompiledSchema | undefined;

/** The built-in schema's topics. */
function builtInTopics(): Topic[] {
  const entries = readTopicEntries((defaultSchemaJson as Json)['x-topics']);
  if (typeof entries === 'string') throw new Error(`the built-in schema's ${entries}`);
  const merged = mergeTopics([], entries);
  if (merged.problem) throw new Error(`the built-in schema's ${merged.problem}`);
  return merged.topics;
}

/** The built-in schema, compiled on first use. */
export function defaultSchema(): CompiledSchema {
  if (!builtIn) {
    const ajv = newAjv();
    builtIn = { validate: ajv.compile(defaultSchemaJson), catalog: new SectionCatalog(declaredSections(defaultSchemaJson)), topics: builtInTopics() };
  }
  return builtIn;
}

/**
 * Compiles a custom schema's text. It replaces the built-in schema, or extends
 * it when it refers to DEFAULT_SCHEMA_ID; any failure comes back as a
 * SchemaProblem. The engine caches the result by file and text.
 */
export function compileSchema(text: string, source: string): CompiledSchema | SchemaProblem {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { source, message: l10n.t('not valid JSON: {0}', (e as Error).message) };
  }
  if (!isObject(json)) return { source, message: l10n.t('expected a JSON Schema object at the top level') };
  try {
    const ajv = newAjv(true);
    const extendsDefault = refersTo(json, DEFAULT_SCHEMA_ID);
    if (json.$id !== DEFAULT_SCHEMA_ID) ajv.addSchema(defaultSchemaJson);
    const validate = ajv.compile(json);
    const own = declaredSections(json);
    const sections = extendsDefault ? mergeSections(declaredSections(defaultSchemaJson), own) : own;
    // Topics merge by id over the built-in ones when the schema extends the built-in; otherwise they replace them.
    const entries = readTopicEntries(json['x-topics']);
    if (typeof entries === 'string') return { source, message: entries };
    const merged = mergeTopics(extendsDefault ? defaultSchema().topics : [], entries);
    if (merged.problem) return { source, message: merged.problem };
    // A schema that compiles can still fail on every document ({"$ref": "#"} recurses until the stack overflows):
    // one trial validation finds that now, once, instead of in each document.
    const trial = validationFailure(validate, TRIAL_MODEL);
    if (trial) return { source, message: l10n.t('not a usable JSON Schema: validating a snapshot with it fails ({0})', trial) };
    return { validate, catalog: new SectionCatalog(sections), topics: merged.topics, source };
  } catch (e) {
    return { source, message: l10n.t('not a usable JSON Schema: {0}', (e as Error).message) };
  }
}

/** A snapshot model with every field a schema may look at, for the trial validation. */
const TRIAL_RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } };
const TRIAL_ITEM = { text: 'Trial', range: TRIAL_RANGE };
const TRIAL_MODEL = {
  frontmatter: { title: 'Trial', pattern: 'rag-assistant', status: 'draft', owner: 'trial', date: '2026-01-01' },
  sections: Object.fromEntries(
    declaredSections(defaultSchemaJson).map((s) => [
      s.id,
      {
        heading: s.title,
        range: TRIAL_RANGE,
        text: 'Trial: 100 QPS.',
        lowerText: 'trial: 100 qps.',
        wordCount: 3,
        entries: [TRIAL_ITEM],
        listItems: [TRIAL_ITEM],
        tables: [{ header: ['A'], columns: ['a'], rows: [['1']], range: TRIAL_RANGE }],
        code: [{ lang: 'mermaid', content: 'flowchart LR\n  A --> B', range: TRIAL_RANGE, contentLine: 1 }],
        numbers: [{ value: 100, raw: '100', unit: 'QPS', unitKind: 'rate', range: TRIAL_RANGE }],
        calculations: [TRIAL_ITEM],
        diagrams: [],
      },
    ]),
  ),
};

/** Why validating `subject` throws (a stack overflow, a pattern that fails), or undefined when it does not. */
export function validationFailure(validate: ValidateFunction, subject: unknown): string | undefined {
  try {
    validate(subject);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** True for the problem side of compileSchema's result. */
export function isSchemaProblem(v: CompiledSchema | SchemaProblem): v is SchemaProblem {
  return 'message' in v;
}
