// Runs in Node: the engine's own words reach people translated. A lint in the pseudo locale (qps-ploc) over fixtures
// that trigger every rule shows each finding's message, and each fix's title, pseudo-localised around its data.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { RULES, type Finding } from '../../src/core/index.js';
import { lintSequentially } from '../../src/cli/lint-files.js';
import { useLocale } from '../../src/cli/locale.js';
import { main, type CliIo } from '../../src/cli/main.js';
import { ROOT } from '../unit/helpers.js';

/** Every Markdown file under `dir`, sorted. */
function markdownUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? markdownUnder(p) : /\.md$/.test(n) ? [p] : [];
    });
}

/** The rules' ok and not-ok fixtures, the templates and the examples: together they trigger every rule. */
const FILES = ['test/fixtures/rules', 'templates', 'examples'].flatMap((d) => markdownUnder(join(ROOT, d))).map((p) => relative(ROOT, p));

/** Quoted text is data (the document's words, a heading, a name) or code: "…", “…” and `…`, within a line; a quote ends a run. */
const unquote = (s: string): string => s.replace(/"[^"\n]*"|“[^”\n]*”|`[^`\n]*`/g, ' ¦ ');
const normal = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();
/** Text to look data up in: as written, and with its quoted parts taken out as a message's are. */
const corpus = (text: string): string => normal(`${text}\n${text.split('\n').map(unquote).join('\n')}`);

/** Every string of the built-in schema: section titles, aliases and descriptions, x-message, x-topics. Data. */
function schemaStrings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) schemaStrings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) schemaStrings(x, out);
  return out;
}
const SCHEMA = corpus(schemaStrings(JSON.parse(readFileSync(join(ROOT, 'schemas/design-snapshot.schema.json'), 'utf8'))).join('\n'));

/**
 * Third-party parsers' own messages, which a finding quotes as its cause: ajv's ("must match pattern"), mathjs's
 * ("Units do not match") and the yaml package's ("Flow sequence in block collection must be …"). English, and not ours.
 */
const THIRD_PARTY = [/^must\b/, /^(?:Units do not match|Undefined symbol|Value expected|Unexpected)\b/, /^(?:Flow (?:sequence|mapping)|Implicit keys|Nested mappings)\b/];

/**
 * The English left in a message or title of the engine's, given the linted document's text. Untranslated means: a run
 * of two or more plain-ASCII words (letters, with inner ' or -), outside quotes and backticks, that is not data. A word
 * with punctuation before or after it ("(", ",", ";", ":") ends a run, as data is joined with punctuation ("Data model,
 * Data"). Data is what the linted document says, what the schema says, and a third-party parser's message (THIRD_PARTY);
 * matched case-insensitively, since a schema's sentence may start lower-cased mid-message. Numbers, units ("req/s"),
 * paths and ids are no words. Pseudo-localised text has no ASCII letters, so it never makes a run.
 */
export function untranslated(text: string, document: string): string[] {
  const data = corpus(document);
  const runs: string[] = [];
  let run: string[] = [];
  const end = (): void => {
    if (run.length >= 2) runs.push(run.join(' '));
    run = [];
  };
  for (const [token] of unquote(text).matchAll(/\S+/g)) {
    const m = /^([([]*)([A-Za-z]+(?:['’-][A-Za-z]+)*)([).,;:!?\]…]*)$/.exec(token);
    if (!m) {
      end();
      continue;
    }
    if (m[1]) end();
    run.push(m[2] as string);
    if (m[3]) end();
  }
  end();
  return runs.filter((r) => !data.includes(normal(r)) && !SCHEMA.includes(normal(r)) && !THIRD_PARTY.some((p) => p.test(r)));
}

/** Pseudo-localised letters ("Ŧḗḗḿƥŀȧȧŧḗḗ"): some of the text went through the qps-ploc bundle. */
const PSEUDO = /[\u0100-\u024f\u1e00-\u1eff]/;

async function cli(argv: string[]): Promise<string> {
  let text = '';
  const io: CliIo = { stdout: (t) => (text += t), stderr: (t) => (text += t), cwd: ROOT, packageRoot: ROOT, env: {}, today: () => '2026-11-24', author: () => 'tester' };
  await main(argv, io);
  return text;
}

const documents = new Map(FILES.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));

test('l10n: the untranslated check sees English around data, and passes data, quotes and pseudo-localised text', () => {
  const doc = '## Data model\n\nWe answer from the model.\n';
  assert.deepEqual(untranslated('Section "Data model" is empty; expected content under the heading', doc), ['is empty', 'expected content under the heading']);
  assert.deepEqual(untranslated('Insert section "Data model"', doc), ['Insert section']);
  assert.deepEqual(untranslated('Şḗḗƈŧīǿǿƞ "Data model" īş ḗḗḿƥŧẏ (also: Data model, Failure modes and mitigations); we answer from the model', doc), []);
  assert.deepEqual(untranslated('Ƒřǿǿƞŧ "created" īş 3 (must match pattern "^\\d{4}$"); expected a date such as 2026-01-31.', doc), []);
  assert.deepEqual(untranslated('Ḗşŧīḿȧȧŧḗḗ 115 QPS ƀŭŭŧ `1M × 10 ÷ 86,400 s` req/s p99 ≈ 116', doc), []);
});

test('l10n: lint --locale qps-ploc --format json shows every finding message pseudo-localised around its data, for every rule', async () => {
  const english = JSON.parse(await cli(['lint', '--format', 'json', ...FILES])) as { files: Array<{ path: string; diagnostics: Array<{ ruleId: string; message: string }> }> };
  const pseudo = JSON.parse(await cli(['lint', '--locale', 'qps-ploc', '--format', 'json', ...FILES])) as typeof english;
  const seen = new Set<string>();
  const left: string[] = [];
  let englishRuns = 0;
  for (const [i, file] of pseudo.files.entries()) {
    const doc = documents.get(file.path) ?? '';
    for (const d of file.diagnostics) {
      seen.add(d.ruleId);
      const runs = untranslated(d.message, doc);
      if (runs.length || !PSEUDO.test(d.message)) left.push(`${file.path} ${d.ruleId}: ${JSON.stringify(runs)} in ${d.message}`);
    }
    // The same run in English: the check would see English there (so a message that bypassed l10n would fail it).
    for (const d of english.files[i]?.diagnostics ?? []) if (untranslated(d.message, doc).length) englishRuns++;
  }
  assert.deepEqual([...RULES.map((r) => r.id)].filter((id) => !seen.has(id)), [], 'rules the fixtures never trigger');
  assert.ok(englishRuns > 200, `the check sees English in ${englishRuns} English messages`);
  assert.deepEqual(left, []);
  // English again afterwards, in the same process (nothing cached in the pseudo locale).
  assert.equal(await cli(['lint', '--format', 'json', ...FILES]), `${JSON.stringify(english)}\n`);
});

test('l10n: in the pseudo locale every quick fix title is pseudo-localised around its data', async () => {
  useLocale('qps-ploc', ROOT);
  try {
    const outcomes = await lintSequentially(
      FILES.map((path) => ({ path: join(ROOT, path), named: 'file' as const })),
      { docsBase: 'docs/rules/', root: ROOT },
    );
    const fixes = outcomes.flatMap((o) => o.findings.filter((f): f is Finding & { fix: NonNullable<Finding['fix']> } => !!f.fix).map((f) => ({ file: relative(ROOT, o.path), f })));
    assert.ok(new Set(fixes.map((x) => x.f.ruleId)).size >= 4, `fixes from ${[...new Set(fixes.map((x) => x.f.ruleId))].join(', ')}`);
    const left = fixes.filter(({ file, f }) => untranslated(f.fix.title, documents.get(file) ?? '').length || !PSEUDO.test(f.fix.title)).map(({ file, f }) => `${file} ${f.ruleId}: ${f.fix.title}`);
    assert.deepEqual(left, []);
  } finally {
    useLocale(undefined, ROOT);
  }
});
