// Runs in Node at development time (npm run gen, and the package tests): the English bundle exported from every
// l10n.t call of the engine and its hosts (the core, the extension, the CLI, code they share and the preview webview), and its
// pseudo-localised twins (qps-ploc), for a run that shows at a glance any text that does not go through l10n.
import { readdirSync, readFileSync } from 'node:fs';
import { getL10nJson, getL10nPseudoLocalized, type l10nJsonFormat } from '@vscode/l10n-dev';

/**
 * The folders whose l10n.t calls make the bundle: the core (its findings' messages, fixes' titles and the other text
 * it hands the hosts, which each host shows through the @vscode/l10n configuration it makes) and the hosts, the
 * preview webview among them (the extension embeds VS Code's bundle in its page; src/webview/l10n.ts configures it).
 */
export const L10N_SOURCES = ['src/core', 'src/extension', 'src/cli', 'src/shared', 'src/webview'];

/** The TypeScript files under `dir` (relative to `root`), sorted. */
export function sourceFiles(root: URL, dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(new URL(`${dir}/`, root), { withFileTypes: true })) {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...sourceFiles(root, path));
    else if (/\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name)) out.push(path);
  }
  return out.sort();
}

/** A bundle as the file holds it: keys sorted, so the file changes only where a message does. */
const asFile = (bundle: l10nJsonFormat): string =>
  `${JSON.stringify(Object.fromEntries(Object.entries(bundle).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), null, 2)}\n`;

/** l10n/bundle.l10n.json, l10n/bundle.l10n.qps-ploc.json and package.nls.qps-ploc.json (from `packageNls`, the text of package.nls.json), as they should read. */
export async function l10nOutputs(root: URL, packageNls: string): Promise<Record<string, string>> {
  const files = L10N_SOURCES.flatMap((dir) => sourceFiles(root, dir)).map((path) => ({ extension: '.ts', contents: readFileSync(new URL(path, root), 'utf8') }));
  const bundle = await getL10nJson(files);
  const nls = JSON.parse(packageNls) as l10nJsonFormat;
  return {
    'l10n/bundle.l10n.json': asFile(bundle),
    'l10n/bundle.l10n.qps-ploc.json': asFile(getL10nPseudoLocalized(bundle)),
    'package.nls.qps-ploc.json': asFile(getL10nPseudoLocalized(nls)),
  };
}
