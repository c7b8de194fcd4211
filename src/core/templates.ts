import * as l10n from '@vscode/l10n';
import { parseDocument } from 'yaml';

/** A snapshot template: Markdown with frontmatter, whose `template:` field describes it. */
export interface Template {
  /** The file name without `.md`; also the `pattern` a snapshot made from it carries. */
  id: string;
  name: string;
  description: string;
  tags: string[];
  /** Where it came from: "built-in" or the workspace file's path. */
  origin: string;
  /** The template's text, metadata included. */
  text: string;
}

/** A template that could not be read, named by its file, with the reason. */
export interface TemplateProblem {
  source: string;
  message: string;
}

/** Values for the `{{title}}`, `{{author}}` and `{{date}}` variables. */
export interface TemplateVariables {
  title: string;
  author: string;
  /** ISO date, e.g. 2026-11-23. */
  date: string;
}

const ID = /^[a-z0-9][a-z0-9-]*$/;

/** Reads one template's metadata; a malformed one comes back as a TemplateProblem. */
export function parseTemplate(fileName: string, text: string, origin: string): Template | TemplateProblem {
  const id = fileName.replace(/\.md$/i, '');
  const source = origin === 'built-in' ? l10n.t('built-in template {0}', fileName) : origin;
  if (!ID.test(id)) return { source, message: l10n.t('template ids are kebab-case file names; "{0}" is not', id) };
  const m = /^(?:\uFEFF)?---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!m) return { source, message: l10n.t('expected YAML frontmatter with a "template:" field (name, description)') };
  const doc = parseDocument(m[1] ?? '');
  if (doc.errors.length) return { source, message: l10n.t('frontmatter is not valid YAML: {0}', doc.errors[0]?.message.split('\n')[0] ?? '') };
  const data: unknown = doc.toJS();
  const meta = (data as { template?: unknown } | null)?.template;
  if (typeof meta !== 'object' || meta === null) return { source, message: l10n.t('expected a "template:" field with name and description') };
  const { name, description, tags } = meta as Record<string, unknown>;
  if (typeof name !== 'string' || !name.trim()) return { source, message: l10n.t('expected "template.name" to be a non-empty string') };
  if (typeof description !== 'string' || !description.trim()) {
    return { source, message: l10n.t('expected "template.description" to be a non-empty string') };
  }
  const tagList = Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
  return { id, name, description, tags: tagList, origin, text };
}

export function isTemplateProblem(t: Template | TemplateProblem): t is TemplateProblem {
  return 'message' in t;
}

/**
 * The snapshot a template produces: variables filled in, the `template:`
 * metadata removed, everything else (guidance, placeholders) kept as written.
 */
export function renderTemplate(t: Template, vars: TemplateVariables): string {
  const text = t.text.replace(/^\uFEFF/, '');
  // One line each: a title with a line break would end the YAML string and the heading it fills.
  const oneLine = (v: string): string => v.replace(/[\r\n\u2028\u2029\u0085]+/g, ' ').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  const values: Record<string, string> = { title: oneLine(vars.title), author: oneLine(vars.author), date: oneLine(vars.date) };
  const fill = (s: string, escape: (v: string) => string): string =>
    s.replace(/\{\{\s*(title|author|date)\s*\}\}/g, (_, k: string) => escape(values[k] ?? ''));
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!m) return fill(text, (v) => v);
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const kept: string[] = [];
  let skipping = false;
  for (const line of (m[1] ?? '').split(/\r?\n/)) {
    if (/^template:/.test(line)) skipping = true;
    else if (skipping && /^\S/.test(line)) skipping = false;
    if (!skipping) kept.push(line);
  }
  // In the frontmatter the variables sit inside double-quoted YAML strings: escape for those.
  const yaml = fill(kept.join(nl), (v) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"'));
  return `---${nl}${yaml}${nl}---${nl}${fill(text.slice(m[0].length), (v) => v)}`;
}
