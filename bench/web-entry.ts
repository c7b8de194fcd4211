// Runs in Node: the browser entry's section of bench/RESULTS.md. Bundle sizes from dist/, and activate() in the web
// worker host against the desktop one, as the last runs of the web and desktop integration suites recorded them.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;

function activationMs(root: string, suite: string): number | undefined {
  const file = join(root, 'test-results', `integration-${suite}.json`);
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, 'utf8')) as { activationMs?: number }).activationMs;
}

/** The section, or a line saying what to build first. */
export function webEntrySection(root: string): string {
  const bundles: Array<[string, string]> = [
    ['dist/web/extension.js', 'browser entry (web worker extension host: vscode.dev, github.dev)'],
    ['dist/web/mermaid-worker.js', "mermaid-syntax's Web Worker (DOM-free parse; loaded at the first diagram)"],
    ['dist/extension.cjs', 'desktop entry, for comparison'],
    ['dist/mermaid-worker.cjs', "desktop mermaid-syntax worker thread, for comparison"],
  ];
  const rows = bundles
    .filter(([file]) => existsSync(join(root, file)))
    .map(([file, what]) => `| \`${file}\` | ${what} | ${kib(statSync(join(root, file)).size)} | ${kib(gzipSync(readFileSync(join(root, file))).length)} |`);
  const web = activationMs(root, 'web');
  const desktop = activationMs(root, 'trusted');
  const ms = (v: number | undefined): string => (v === undefined ? 'not measured (run the suite)' : `${v.toFixed(1)} ms`);
  const verdict = web !== undefined && desktop !== undefined ? `${web <= desktop ? 'meets' : 'MISSES'} "activation in the browser ≤ on the desktop" (${web.toFixed(1)} ms vs ${desktop.toFixed(1)} ms)` : '';
  return `## Browser entry (VS Code for the Web)

| Bundle | What | Size | gzip |
| --- | --- | --- | --- |
${rows.join('\n')}

| activate() (from its first line to its return; the bundle's load before it is not included) | Time |
| --- | --- |
| web worker extension host (code-server 4.100.3's workbench in headless Chromium, \`npm run test:web\`) | ${ms(web)} |
| desktop (Node) extension host (code-server 4.100.3, \`npm run test:integration\`) | ${ms(desktop)} |
${verdict ? `\n${verdict}.\n` : ''}`;
}
