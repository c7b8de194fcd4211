import type { ParsedSnapshot } from './model.js';
import type { Range } from './position.js';
import type { SchemaError } from './schema.js';

/** The JSON pointer of an ajv error split into unescaped segments. */
export function pointerSegments(instancePath: string): string[] {
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const WRAPPERS = new Set(['contains', 'anyOf', 'oneOf', 'not', 'if']);

/**
 * Drops the errors a reader does not need: `if` (its `then` failure is reported
 * on its own) and those nested under a failed contains/anyOf/oneOf/not, which
 * ajv reports for every item or branch tried.
 */
export function pruneErrors(errors: readonly SchemaError[]): SchemaError[] {
  const wrappers = errors.filter((e) => WRAPPERS.has(e.keyword)).map((e) => `${e.schemaPath}/`);
  return errors.filter((e) => e.keyword !== 'if' && !wrappers.some((w) => e.schemaPath.startsWith(w)));
}

/** The `x-message` of the schema that failed, or of a missing property's own schema. */
export function schemaMessage(error: SchemaError): string | undefined {
  const parent = error.parentSchema as Record<string, unknown> | undefined;
  if (error.keyword === 'required') {
    const props = parent?.properties as Record<string, Record<string, unknown>> | undefined;
    const missing = (error.params as { missingProperty?: string }).missingProperty;
    const own = missing ? props?.[missing]?.['x-message'] : undefined;
    if (typeof own === 'string') return own;
  }
  const msg = parent?.['x-message'];
  return typeof msg === 'string' ? msg : undefined;
}

/** The source range of the deepest part of the model on an error's path that has one. */
export function locate(parsed: ParsedSnapshot, instancePath: string): Range | undefined {
  let node: unknown = parsed.model;
  let found: Range | undefined;
  for (const seg of pointerSegments(instancePath)) {
    if (typeof node !== 'object' || node === null) break;
    node = (node as Record<string, unknown>)[seg];
    const r = (node as { range?: Range } | undefined)?.range;
    if (r && typeof r === 'object' && 'start' in r) found = r;
  }
  return found;
}

/** Where a finding about the whole document goes: the title, else the frontmatter, else line 1. */
export function documentAnchor(parsed: ParsedSnapshot): Range {
  return parsed.title?.range ?? parsed.frontmatter?.range ?? parsed.lines.lineRange(0, parsed.text);
}
