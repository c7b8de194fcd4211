import * as l10n from '@vscode/l10n';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020.js';
import picomatch from 'picomatch/posix';
import configSchemaJson from '../../schemas/config.schema.json';
import type { Severity } from './finding.js';

/** The stages the rules know; a status word in the frontmatter maps onto one of them. */
export type Stage = 'draft' | 'review' | 'approved' | 'superseded';
export const STAGES: readonly Stage[] = ['draft', 'review', 'approved', 'superseded'];

/** What `.design-snapshot/config.json` may hold (schemas/config.schema.json). */
export interface ConfigFile {
  $schema?: string;
  rules?: Record<string, Severity | 'off'>;
  lengthBudget?: number;
  estimates?: { tolerance?: number };
  include?: string[];
  exclude?: string[];
  aliases?: Record<string, string[]>;
  status?: Record<string, Stage>;
  /** Review topics switched "off" (or back "on") by id, over the schema's `x-topics`. */
  topics?: Record<string, 'on' | 'off'>;
}

/** The options every host layers over the config file: an editor's explicitly set settings, a CLI flag. */
export interface ConfigOverrides {
  rules?: Record<string, Severity | 'off'>;
  lengthBudget?: number;
  tolerance?: number;
  include?: string[];
  exclude?: string[];
  topics?: Record<string, 'on' | 'off'>;
}

/** A config file that could not be used, named by its file, with the exact problem. */
export interface ConfigProblem {
  source: string;
  message: string;
}

/** The options in force for one document: defaults, then the config file, then the host's overrides. */
export interface ResolvedConfig {
  /** The config file in force; undefined when none was found (or it was broken: see `problem`). */
  source?: string;
  /** The folder globs are relative to: the one holding `.design-snapshot/`, else the host's root. */
  base?: string;
  problem?: ConfigProblem;
  rules: Readonly<Record<string, Severity | 'off'>>;
  lengthBudget: number;
  /** True when the config file or the host set the budget or the length-budget rule: then it holds for every document, not only declared snapshots. */
  lengthBudgetChosen: boolean;
  tolerance: number;
  include: readonly string[];
  exclude: readonly string[];
  aliases: Readonly<Record<string, readonly string[]>>;
  /** Status words (lower-cased) → stage. */
  status: Readonly<Record<string, Stage>>;
  /** Review topics switched off (or on) by id. */
  topics: Readonly<Record<string, 'on' | 'off'>>;
}

export const DEFAULT_INCLUDE: readonly string[] = ['**/docs/design/**/*.md'];
/** Never snapshots by path alone: index pages, changelogs, and anything in dot-folders or node_modules. */
export const DEFAULT_EXCLUDE: readonly string[] = ['**/README.md', '**/index.md', '**/CHANGELOG.md', '**/.*/**', '**/node_modules/**'];
/**
 * Status words of ADRs, MADR, KEPs, RFCs, PEPs and design-doc templates, and the stage each means. A team maps its
 * own words (or remaps these) with `status` in its config.
 */
export const STATUS_WORDS: Readonly<Record<string, Stage>> = Object.freeze({
  // Being written or not yet agreed on.
  wip: 'draft', 'work in progress': 'draft', 'in progress': 'draft', 'pre-draft': 'draft', idea: 'draft', exploring: 'draft', planning: 'draft', planned: 'draft',
  open: 'draft', deferred: 'draft', postponed: 'draft', 'on hold': 'draft', provisional: 'draft', pending: 'draft', todo: 'draft', new: 'draft',
  // Asking for review.
  proposed: 'review', proposal: 'review', 'in review': 'review', 'under review': 'review', 'ready for review': 'review', 'needs review': 'review',
  rfc: 'review', discussion: 'review', 'under discussion': 'review', 'last call': 'review', 'final comment period': 'review', fcp: 'review',
  // Agreed on, being built or built.
  accepted: 'approved', approve: 'approved', implementable: 'approved', implemented: 'approved', 'in implementation': 'approved', active: 'approved',
  adopted: 'approved', final: 'approved', done: 'approved', completed: 'approved', complete: 'approved', shipped: 'approved', released: 'approved',
  merged: 'approved', published: 'approved', finished: 'approved', stable: 'approved', 'in production': 'approved', decided: 'approved', agreed: 'approved',
  // No longer current.
  rejected: 'superseded', withdrawn: 'superseded', deprecated: 'superseded', obsolete: 'superseded', replaced: 'superseded', retired: 'superseded',
  abandoned: 'superseded', declined: 'superseded', archived: 'superseded', cancelled: 'superseded', canceled: 'superseded', "won't do": 'superseded', wontfix: 'superseded',
});

export const DEFAULT_LENGTH_BUDGET = 1500;
export const DEFAULT_TOLERANCE = 0.1;

/** The configuration when there is no config file. */
export const DEFAULT_CONFIG: ResolvedConfig = Object.freeze({
  rules: {},
  lengthBudget: DEFAULT_LENGTH_BUDGET,
  lengthBudgetChosen: false,
  tolerance: DEFAULT_TOLERANCE,
  include: DEFAULT_INCLUDE,
  exclude: DEFAULT_EXCLUDE,
  aliases: {},
  status: STATUS_WORDS,
  topics: {},
});

type Json = Record<string, unknown>;

let validator: ReturnType<Ajv2020['compile']> | undefined;

function validateConfig(data: unknown): ErrorObject[] {
  validator ??= new Ajv2020({ allErrors: true, strict: true, verbose: true }).compile(configSchemaJson);
  return validator(data) ? [] : [...(validator.errors ?? [])];
}

function where(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function describeValue(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

/** One ajv error in words: the key at fault and what was expected there. */
function explain(e: ErrorObject, data: unknown, ruleIds: readonly string[]): string {
  const at = where(e.instancePath);
  const value = e.instancePath.split('/').slice(1).reduce<unknown>((o, k) => (o as Json | undefined)?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], data);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      // Keys, rule ids, JSON types and values are code (data); ajv's own message is its English text.
      if (at === 'rules') return unknownRule(key, ruleIds);
      const keys = Object.keys(((e.parentSchema as Json | undefined)?.properties as Json | undefined) ?? {}).filter((k) => k !== '$schema').join(', ');
      return at ? l10n.t('{0}: unknown key "{1}"; expected {2}', at, key, keys) : l10n.t('unknown key "{0}"; expected {1}', key, keys);
    }
    case 'type': {
      const type = String((e.params as { type: string }).type);
      const expected = type === 'object' ? l10n.t('an object') : /^[aeiou]/.test(type) ? l10n.t('an {0}', type) : l10n.t('a {0}', type);
      return l10n.t('{0}: expected {1}, not {2}', at || l10n.t('the file'), expected, describeValue(value));
    }
    case 'enum':
      return l10n.t('{0}: expected one of {1}, not {2}', at, ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', '), describeValue(value));
    default:
      return `${at || l10n.t('the file')}: ${e.message ?? l10n.t('invalid')}${value !== undefined && typeof value !== 'object' ? ` (${describeValue(value)})` : ''}`;
  }
}

/**
 * Reads a config file's text. A file that is not JSON, has an unknown key, a
 * value of the wrong type or an unknown rule id comes back as a problem naming
 * the key and what was expected; the caller then keeps the defaults.
 */
export function parseConfig(text: string, source: string, ruleIds: readonly string[]): ConfigFile | ConfigProblem {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { source, message: l10n.t('not valid JSON: {0}', (e as Error).message) };
  }
  const errors = validateConfig(data);
  if (errors.length) {
    // The schema's own rule list is generated from the registry; a registry the schema does not know yet (a
    // stale generated file in development) must not reject valid ids, so unknown ids are checked here too.
    const messages = [...new Set(errors.map((e) => explain(e, data, ruleIds)))];
    return { source, message: messages.join('; ') };
  }
  const config = data as ConfigFile;
  const unknown = Object.keys(config.rules ?? {}).filter((id) => !ruleIds.includes(id));
  if (unknown.length) return { source, message: unknownRule(unknown[0] ?? '', ruleIds) };
  return config;
}

function unknownRule(id: string, ruleIds: readonly string[]): string {
  return l10n.t('rules: unknown rule id "{0}"; expected one of {1}', id, ruleIds.join(', '));
}

export function isConfigProblem(v: ConfigFile | ConfigProblem): v is ConfigProblem {
  // A valid config has no "source" key (the schema allows none), so this tells the two apart.
  return 'source' in v && 'message' in v;
}

/** Defaults ⊕ the config file ⊕ the host's overrides (an override set by the user wins; per rule for severities). */
export function layerConfig(file: ConfigFile | undefined, overrides: ConfigOverrides | undefined, at: { source?: string; base?: string; problem?: ConfigProblem }): ResolvedConfig {
  const status: Record<string, Stage> = { ...STATUS_WORDS };
  for (const [word, stage] of Object.entries(file?.status ?? {})) status[statusKey(word)] = stage;
  return {
    ...(at.source ? { source: at.source } : {}),
    ...(at.base ? { base: at.base } : {}),
    ...(at.problem ? { problem: at.problem } : {}),
    rules: { ...file?.rules, ...overrides?.rules },
    lengthBudget: overrides?.lengthBudget ?? file?.lengthBudget ?? DEFAULT_LENGTH_BUDGET,
    lengthBudgetChosen: overrides?.lengthBudget !== undefined || file?.lengthBudget !== undefined || overrides?.rules?.['length-budget'] !== undefined || file?.rules?.['length-budget'] !== undefined,
    tolerance: overrides?.tolerance ?? file?.estimates?.tolerance ?? DEFAULT_TOLERANCE,
    include: overrides?.include ?? file?.include ?? DEFAULT_INCLUDE,
    exclude: overrides?.exclude ?? file?.exclude ?? DEFAULT_EXCLUDE,
    aliases: file?.aliases ?? {},
    status,
    topics: { ...file?.topics, ...overrides?.topics },
  };
}

/** A status as it is looked up: lower case, single spaces, no surrounding punctuation ("In-Review." → "in review"). */
function statusKey(word: string): string {
  return word
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}']+$/gu, '')
    .trim();
}

/**
 * The stage a frontmatter status means: the stage itself, or a status word (built in, or the config's) that maps
 * onto one; "Superseded by ADR-0005" and "Accepted (2024-01-02)" are read by their first words. Undefined otherwise.
 */
export function stageOf(status: unknown, config: Pick<ResolvedConfig, 'status'>): Stage | undefined {
  if (typeof status !== 'string') return undefined;
  const key = statusKey(status);
  if ((STAGES as readonly string[]).includes(key)) return key as Stage;
  if (config.status[key]) return config.status[key];
  // The longest leading phrase that is a known word: "superseded by …", "accepted on 2024-01-02".
  const words = key.split(' ');
  for (let n = Math.min(words.length - 1, 4); n >= 1; n--) {
    const lead = words.slice(0, n).join(' ');
    if ((STAGES as readonly string[]).includes(lead)) return lead as Stage;
    if (config.status[lead]) return config.status[lead];
  }
  return undefined;
}

/** Whether a document is linted as a snapshot, and why, in words for the log. */
export interface SnapshotVerdict {
  isSnapshot: boolean;
  /** What decided: the frontmatter (either way), an exclude glob, an include glob, or nothing matched. */
  by: 'frontmatter' | 'exclude' | 'include' | 'none';
  reason: string;
}

/** Compiles a glob for `snapshotVerdict` (case-insensitive, dot-files included); hosts cache the result. */
export function compileGlob(glob: string): (path: string) => boolean {
  const re = picomatch.makeRe(glob, { dot: true, nocase: true });
  return (p) => re.test(p);
}

/**
 * Decides whether a document is a snapshot: its frontmatter first (`pattern:` or
 * `designSnapshot: true` make it one, `designSnapshot: false` makes it not one),
 * then its path against the include and exclude globs.
 */
export function snapshotVerdict(
  frontmatter: Record<string, unknown>,
  relativePath: string | undefined,
  config: Pick<ResolvedConfig, 'include' | 'exclude'>,
  matcher: (glob: string) => (path: string) => boolean = compileGlob,
): SnapshotVerdict {
  if (frontmatter.designSnapshot === false) return { isSnapshot: false, by: 'frontmatter', reason: 'its frontmatter says designSnapshot: false' };
  if (typeof frontmatter.pattern === 'string' && frontmatter.pattern.length > 0) return { isSnapshot: true, by: 'frontmatter', reason: `its frontmatter has pattern: ${frontmatter.pattern}` };
  if (frontmatter.designSnapshot === true) return { isSnapshot: true, by: 'frontmatter', reason: 'its frontmatter has designSnapshot: true' };
  if (relativePath === undefined) return { isSnapshot: false, by: 'none', reason: 'it has no pattern: or designSnapshot: true in its frontmatter, and no path to match against include' };
  const excluded = config.exclude.find((g) => matcher(g)(relativePath));
  if (excluded) return { isSnapshot: false, by: 'exclude', reason: `${relativePath} matches exclude ${excluded}` };
  const included = config.include.find((g) => matcher(g)(relativePath));
  if (included) return { isSnapshot: true, by: 'include', reason: `${relativePath} matches include ${included}` };
  return { isSnapshot: false, by: 'none', reason: `${relativePath} matches no include glob (${config.include.join(', ') || 'none'}) and its frontmatter has no pattern:` };
}
