// Runs in Node at development time: writes the files generated from the schema; --check fails when they are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import schema from '../schemas/design-snapshot.schema.json';
import { fileURLToPath } from 'node:url';
import { nodeHost } from '../src/cli/node-host.js';
import { createEngine, defaultSchema } from '../src/core/index.js';

const root = new URL('../', import.meta.url);

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

async function readmeWithTemplates(): Promise<string> {
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  const { templates } = await createEngine(nodeHost).listTemplates(fileURLToPath(new URL('templates', root)));
  const rows = templates.map((t) => `| \`${t.id}\` | ${t.name} | ${t.description} |`);
  const table = ['| id | Template | What it is for |', '| --- | --- | --- |', ...rows].join('\n');
  return readme.replace(/(<!-- templates:start[^>]*-->)[\s\S]*?(<!-- templates:end -->)/, `$1\n${table}\n$2`);
}

const outputs: Record<string, string> = { 'docs/sections.md': sectionsDoc(), 'README.md': await readmeWithTemplates() };
const check = process.argv.includes('--check');
let stale = 0;
for (const [path, text] of Object.entries(outputs)) {
  const url = new URL(path, root);
  let current = '';
  try {
    current = readFileSync(url, 'utf8');
  } catch {
    // A missing file is stale.
  }
  if (current === text) continue;
  if (check) {
    console.error(`${path} is stale: run npm run gen and commit the result.`);
    stale++;
  } else {
    writeFileSync(url, text);
    console.log(`wrote ${path}`);
  }
}
process.exitCode = stale ? 1 : 0;
