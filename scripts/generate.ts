// Runs in Node at development time: writes the files generated from the schema, the templates and the rule
// registry; --check fails when one is stale (npm test runs it).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import schema from '../schemas/design-snapshot.schema.json';
import { nodeHost } from '../src/cli/node-host.js';
import { createEngine, defaultSchema, RULES } from '../src/core/index.js';
import { l10nOutputs } from './l10n.js';

const root = new URL('../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');
type Json = Record<string, unknown>;

function sectionsDoc(): string {
  const required = new Set(schema.properties.sections.required);
  const conditional = new Set(schema.allOf.flatMap((c) => c.then.properties.sections.required));
  const rows = defaultSchema().catalog.sections.map((s) => {
    const need = required.has(s.id) ? 'required' : conditional.has(s.id) ? 'required for GenAI patterns' : 'optional';
    return `| \`${s.id}\` | ${s.title} | ${s.aliases.join(', ') || '—'} | ${need} | ${(s.description ?? '').replace(/\|/g, '\\|')} |`;
  });
  return [
    '<!-- Generated from schemas/design-snapshot.schema.json by `npm run gen`; do not edit by hand. -->',
    '# Sections of a design snapshot',
    '',
    'Headings match case-insensitively; numbering ("2."), punctuation, "&" for "and" and hyphens do not matter. The order below is the canonical order `section-order` checks.',
    '',
    '| id | Heading | Also accepted | Needed | What a good section holds |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

function replaceBetween(text: string, name: string, body: string): string {
  const re = new RegExp(`(<!-- ${name}:start[^>]*-->)[\\s\\S]*?(<!-- ${name}:end -->)`);
  if (!re.test(text)) throw new Error(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end --> markers`);
  return text.replace(re, `$1\n${body}\n$2`);
}

const severityText = (s: string): string =>
  s === 'stage' ? 'warning in draft, error from review on' : s === 'review' ? 'info in draft, warning from review on' : s === 'scaffold' ? 'info in draft (one finding for the whole document), error from review on (one per item)' : s;

async function readme(): Promise<string> {
  const { templates } = await createEngine({ host: nodeHost }).listTemplates(fileURLToPath(new URL('templates', root)));
  const templateTable = ['| id | Template | What it is for |', '| --- | --- | --- |', ...templates.map((t) => `| \`${t.id}\` | ${t.name} | ${t.description} |`)].join('\n');
  const ruleTable = [
    '| Rule | Checks | Default severity |',
    '| --- | --- | --- |',
    ...RULES.map((r) => `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.description.replace(/\|/g, '\\|')} | ${severityText(r.severity)} |`),
  ].join('\n');
  return replaceBetween(replaceBetween(read('README.md'), 'templates', templateTable), 'rules', ruleTable);
}

/** package.json with the designSnapshot.lint.severity setting's rule ids from the registry. */
function packageJson(): string {
  const pkg = JSON.parse(read('package.json')) as Json;
  const props = ((pkg.contributes as Json).configuration as Json).properties as Record<string, Json>;
  const severity = props['designSnapshot.lint.severity'];
  if (!severity) throw new Error('package.json has no designSnapshot.lint.severity setting');
  severity.propertyNames = { enum: RULES.map((r) => r.id), enumDescriptions: RULES.map((r) => `%rule.${r.id}.description%`) };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** package.nls.json, the manifest's English strings, with each rule's description from the registry. */
function packageNls(): string {
  const nls = JSON.parse(read('package.nls.json')) as Record<string, string>;
  const own = Object.fromEntries(Object.entries(nls).filter(([k]) => !k.startsWith('rule.')));
  return `${JSON.stringify({ ...own, ...Object.fromEntries(RULES.map((r) => [`rule.${r.id}.description`, r.description])) }, null, 2)}\n`;
}

/** The config file's schema with one property per rule id, so editors complete and explain them. */
function configSchema(): string {
  const json = JSON.parse(read('schemas/config.schema.json')) as Json;
  const rules = (json.properties as Record<string, Json>).rules as Json;
  rules.properties = Object.fromEntries(RULES.map((r) => [r.id, { $ref: '#/$defs/severity', description: `${r.description} Default: ${severityText(r.severity)}.` }]));
  return `${JSON.stringify(json, null, 2)}\n`;
}

const nlsText = packageNls();
const outputs: Record<string, string> = {
  'docs/sections.md': sectionsDoc(),
  'README.md': await readme(),
  'package.json': packageJson(),
  'package.nls.json': nlsText,
  'schemas/config.schema.json': configSchema(),
  ...(await l10nOutputs(root, nlsText)),
};
const check = process.argv.includes('--check');
let stale = 0;
for (const [path, text] of Object.entries(outputs)) {
  let current = '';
  try {
    current = read(path);
  } catch {
    // A missing file is stale.
  }
  if (current === text) continue;
  if (check) {
    console.error(`${path} is stale: run npm run gen and commit the result.`);
    stale++;
  } else {
    mkdirSync(new URL('.', new URL(path, root)), { recursive: true });
    writeFileSync(new URL(path, root), text);
    console.log(`wrote ${path}`);
  }
}
process.exitCode = stale ? 1 : 0;
