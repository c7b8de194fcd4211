import * as l10n from '@vscode/l10n';
import { Concept } from './concepts.js';

/**
 * Review topics: the pitfalls reviewers raise for each pattern (drift, feedback
 * loops, training/serving skew…), kept as data in the schema's `x-topics` so a
 * team adds, changes or drops them in its own schema or config.
 */
export interface Topic {
  id: string;
  title: string;
  /** Patterns the topic applies to; "*" adds every other pattern whose design has a model in it (and meets `requires`). */
  patterns: string[];
  /** Canonical id of the section the topic belongs in (where a finding is reported). */
  section: string;
  /** What the topic means. */
  description: string;
  /** Why reviewers raise it. */
  why: string;
  /** What a good answer looks like. */
  expected: string;
  /** The ways people write it (see Concept for the syntax). */
  phrasings: string[];
  /** Ways of writing it that do not cover it ("drift is handled by retraining", a gate before release): a mention in a sentence holding one is not counted. */
  excludes?: string[];
  /** With "*" among the patterns: the topic applies to the patterns not listed only when the document commits to one of these (same syntax), "trains on our own data". */
  requires?: string[];
  /** False when no reason rules the topic out ("drift is not a concern: hosted model" still leaves it uncovered); true by default. */
  canRuleOut?: boolean;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.trim().length > 0);

/** One `x-topics` entry as declared: a full topic, a change to a known one, or `{"id", "enabled": false}`. */
export interface TopicEntry extends Partial<Topic> {
  id: string;
  enabled?: boolean;
}

/**
 * Reads a schema's `x-topics`; returns the entries or a message naming the
 * first entry at fault. Entries are merged by id over the topics they extend.
 */
export function readTopicEntries(value: unknown): TopicEntry[] | string {
  if (value === undefined) return [];
  // Keys and ids (x-topics[2].why, "id") are the schema's own names: code, not translated.
  if (!Array.isArray(value)) return l10n.t('x-topics: expected an array of topics');
  const out: TopicEntry[] = [];
  for (const [i, e] of value.entries()) {
    const at = `x-topics[${i}]`;
    if (!isObject(e) || typeof e.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(e.id)) return l10n.t('{0}: expected an object with a kebab-case "id"', at);
    for (const k of ['title', 'section', 'description', 'why', 'expected'] as const) if (e[k] !== undefined && typeof e[k] !== 'string') return l10n.t('{0}: expected a string', `${at}.${k}`);
    for (const k of ['patterns', 'phrasings', 'requires', 'excludes'] as const) if (e[k] !== undefined && !strings(e[k])) return l10n.t('{0}: expected an array of non-empty strings', `${at}.${k}`);
    for (const k of ['enabled', 'canRuleOut'] as const) if (e[k] !== undefined && typeof e[k] !== 'boolean') return l10n.t('{0}: expected true or false', `${at}.${k}`);
    const known = new Set(['id', 'title', 'patterns', 'section', 'description', 'why', 'expected', 'phrasings', 'requires', 'excludes', 'canRuleOut', 'enabled']);
    const extra = Object.keys(e).find((k) => !known.has(k));
    if (extra) return l10n.t('{0}: unknown key "{1}"; expected {2}', at, extra, [...known].join(', '));
    for (const list of [e.phrasings, e.requires, e.excludes]) {
      if (!Array.isArray(list)) continue;
      for (const p of list as string[]) {
        try {
          new Concept(e.id, [p]);
        } catch (err) {
          return l10n.t('{0}: "{1}" is not a usable phrasing ({2})', `${at}.phrasings`, p, (err as Error).message);
        }
      }
    }
    out.push(e as unknown as TopicEntry);
  }
  return out;
}

/**
 * Topics after merging `entries` over `base` by id: a known id takes the fields
 * given (phrasings and patterns replace the old lists), `enabled: false` drops
 * it, and a new id must be complete (it is skipped with a message otherwise).
 */
export function mergeTopics(base: readonly Topic[], entries: readonly TopicEntry[]): { topics: Topic[]; problem?: string } {
  const byId = new Map(base.map((t) => [t.id, t]));
  for (const e of entries) {
    if (e.enabled === false) {
      byId.delete(e.id);
      continue;
    }
    const fields: Partial<Topic> = { ...e };
    delete (fields as TopicEntry).enabled;
    const prev = byId.get(e.id);
    if (prev) {
      byId.set(e.id, { ...prev, ...fields });
      continue;
    }
    const missing = (['title', 'patterns', 'section', 'description', 'why', 'expected', 'phrasings'] as const).filter((k) => fields[k] === undefined);
    if (missing.length) return { topics: [...byId.values()], problem: l10n.t('x-topics: new topic "{0}" needs {1}', e.id, missing.join(', ')) };
    byId.set(e.id, fields as Topic);
  }
  return { topics: [...byId.values()] };
}

/** Concepts compiled once per topic object: its phrasings, the ways that do not cover it, what it requires. */
const compiled = { phrasings: new WeakMap<Topic, Concept>(), excludes: new WeakMap<Topic, Concept>(), requires: new WeakMap<Topic, Concept>() };

function conceptOf(t: Topic, field: keyof typeof compiled, id: string, phrasings: string[]): Concept {
  let c = compiled[field].get(t);
  if (!c) {
    c = new Concept(id, phrasings);
    compiled[field].set(t, c);
  }
  return c;
}

/** The concept a topic's phrasings make. */
export function topicConcept(t: Topic): Concept {
  return conceptOf(t, 'phrasings', t.id, t.phrasings);
}

/** The concept of the ways of writing a topic that do not cover it, if any. */
export function topicExclusion(t: Topic): Concept | undefined {
  return t.excludes?.length ? conceptOf(t, 'excludes', `${t.id}:excludes`, t.excludes) : undefined;
}

/** The concept of what a topic requires of a document to apply, if it requires anything. */
export function topicCondition(t: Topic): Concept | undefined {
  return t.requires?.length ? conceptOf(t, 'requires', `${t.id}:requires`, t.requires) : undefined;
}
