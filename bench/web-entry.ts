// Runs in Node: the browser entry's section of bench/RESULTS.md: bundle sizes from dist/. (activate() in the web worker
// host against the desktop one is bench/activation.ts.)
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;

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
  return `## Browser entry (VS Code for the Web)

| Bundle | What | Size | gzip |
| --- | --- | --- | --- |
${rows.join('\n')}
`;
}
