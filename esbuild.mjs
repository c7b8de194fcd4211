// Runs in Node at build time: bundles each host of the engine into dist/.
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import { rollup } from 'rollup';

const watch = process.argv.includes('--watch');

// happy-dom ships a self-signed certificate with its private key for HTTPS in its fetch(). Mermaid's parser
// never fetches, and no private key belongs in our package (vsce's secret scan rightly refuses it): stub it out.
const noHappyDomCertificate = {
  name: 'no-happy-dom-certificate',
  setup(b) {
    b.onLoad({ filter: /happy-dom[\\/]lib[\\/]fetch[\\/]certificate[\\/]FetchHTTPSCertificate\.js$/ }, () => ({
      contents: 'export default { cert: "", key: "" };',
      loader: 'js',
    }));
  },
};
// Node hosts only parse diagrams (src/shared/mermaid-extras.ts): the icon check needs each pack's icon names, not
// their 11 MB of SVG bodies, and ELK's renderer (with its own copy of mermaid's rendering code) never runs there.
const nodeMermaidExtras = {
  name: 'node-mermaid-extras',
  setup(b) {
    b.onLoad({ filter: /@iconify-json[\\/][^\\/]+[\\/]icons\.json$/ }, async (args) => {
      const set = JSON.parse(await readFile(args.path, 'utf8'));
      const names = (o) => Object.fromEntries(Object.entries(o ?? {}).map(([k, v]) => [k, v.parent ? { parent: v.parent } : { body: '' }]));
      return { contents: JSON.stringify({ prefix: set.prefix, icons: names(set.icons), aliases: names(set.aliases) }), loader: 'json' };
    });
    b.onLoad({ filter: /layout-elk[\\/]dist[\\/]chunks[\\/].*[\\/]render-[^\\/]*\.mjs$/ }, () => ({
      contents: 'export const render = () => Promise.reject(new Error("ELK lays diagrams out in the Diagram Preview; Node hosts only parse."));',
      loader: 'js',
    }));
  },
};
// The built-in templates as a module (file name → text), for both extension hosts: the browser's cannot list a folder
// of the extension (src/extension/host.ts, withBuiltInTemplates).
const builtInTemplates = {
  name: 'built-in-templates',
  setup(b) {
    b.onResolve({ filter: /^design-snapshot:built-in-templates$/ }, (args) => ({ path: args.path, namespace: 'built-in-templates' }));
    b.onLoad({ filter: /.*/, namespace: 'built-in-templates' }, async () => {
      const names = (await readdir('templates')).filter((n) => n.endsWith('.md')).sort();
      const files = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await readFile(`templates/${n}`, 'utf8')])));
      return { contents: `export default ${JSON.stringify(files)};`, loader: 'js', watchFiles: names.map((n) => `templates/${n}`) };
    });
  },
};
// The browser's mermaid worker only parses and has no DOM: DOMPurify, which needs one, gives way to an inert stand-in.
const inertDomPurify = {
  name: 'inert-dompurify',
  setup(b) {
    b.onResolve({ filter: /^dompurify$/ }, () => ({ path: new URL('src/shared/dompurify-inert.ts', import.meta.url).pathname }));
  },
};
const common = { bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none' };
/**
 * Code for VS Code's web worker extension host: CommonJS, as that host loads it; platform browser, so a Node built-in
 * anywhere fails the build; packages' "worker" builds over their "browser" ones, since a web worker has no DOM
 * (decode-named-character-reference's browser build calls document.createElement at load and throws there).
 */
const webWorkerExtension = { platform: 'browser', conditions: ['worker'], format: 'cjs', target: ['chrome120'], external: ['vscode'] };

/**
 * What the preview page preloads (dist/webview/preload.json), from esbuild's metafile (which lazy module each of its
 * chunks holds) and the chunks rollup merged them into (mergeWebviewChunks):
 * - `entry`: preview.js's own static imports, which the page's HTML preloads beside preview.js itself (otherwise
 *   the browser finds them only once preview.js has arrived and been parsed: one more round trip before any script);
 * - `core`: the chunks import('mermaid') needs (its static import closure), preloaded by preview.js as its first act
 *   instead of one level of imports at a time;
 * - `modules`: per lazily loaded module of mermaid (a diagram type such as flowDiagram, a layout such as dagre,
 *   ELK's renderer, an icon pack, the parser of a Langium-based diagram type such as pie), its chunks: the page
 *   preloads those of the diagrams a snapshot has as soon as it receives them, so their fetches overlap mermaid's
 *   start instead of each render waiting for its own.
 */
function previewPreload(metafile, merged) {
  // Which merged chunk holds each of esbuild's chunks, and each merged chunk's static imports.
  const owner = new Map();
  const imports = new Map();
  for (const c of merged) {
    imports.set(c.fileName, c.imports);
    for (const id of c.moduleIds) owner.set(relative(WEBVIEW_SPLIT, id), c.fileName);
  }
  const statics = (file, seen = new Set()) => {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const i of imports.get(file) ?? []) statics(i, seen);
    return seen;
  };
  const ownerOf = (esbuildFile) => {
    const o = owner.get(relative(WEBVIEW_SPLIT, esbuildFile));
    if (!o) throw new Error(`${esbuildFile} is in no merged chunk: the preload lists would be wrong`);
    return o;
  };
  // A Langium-based type's parser (pie, gitGraph, architecture, packet…), which mermaid imports only once the
  // diagram's own module runs: preloaded under its own name, or its fetch starts in the middle of the first render.
  const parserOf = (from) => {
    const type = /@mermaid-js\/parser\/dist\/chunks\/mermaid-parser\.core\/([A-Za-z]+)-[A-Z0-9]{8}\.mjs$/.exec(from)?.[1];
    return type && `parser-${type}`;
  };
  const coreFile = Object.keys(metafile.outputs).find((f) => /\/chunks\/mermaid\.core-[^/]+\.js$/.test(f));
  if (!coreFile) throw new Error('no mermaid.core chunk in the webview build: the preload list would be empty');
  const entry = statics('preview.js');
  const coreSet = statics(ownerOf(coreFile));
  const modules = {};
  for (const [file, out] of Object.entries(metafile.outputs)) {
    const from = out.entryPoint ?? '';
    // mermaid's own lazy modules (not the copies bundled inside @mermaid-js/layout-elk), ELK's renderer, the packs.
    const name = /node_modules\/mermaid\/dist\/chunks\/mermaid\.core\/([A-Za-z0-9-]+?)-[A-Z0-9]{8}\.mjs$/.exec(from)?.[1]
      ?? (/layout-elk\/dist\/chunks\/mermaid-layout-elk\.core\/render-/.test(from) ? 'elk' : undefined)
      ?? /@iconify-json\/([a-z]+)\/icons\.json$/.exec(from)?.[1]
      ?? parserOf(from);
    // 'diagram' names several small diagram types (packet, radar, treemap…): too vague to preload by.
    if (!name || name === 'diagram') continue;
    modules[name] = [...statics(ownerOf(file))].filter((f) => !entry.has(f) && !coreSet.has(f));
  }
  return { entry: [...entry].filter((f) => f !== 'preview.js'), core: [...coreSet].filter((f) => !entry.has(f)), modules };
}

/** Where esbuild writes the webview's modules, split into chunks, before rollup merges the small ones (out/ is not packaged). */
const WEBVIEW_SPLIT = 'out/webview-split';

/**
 * esbuild splits the webview into one chunk per set of modules that load together: 218 files, 65 of them for the
 * benchmark's ten diagrams, each a fetch through the webview's resource path, which serves them one after another
 * (2–3 ms each, measured). Rollup merges the chunks under 20 kB into others where that runs no code a page would not
 * have run (its experimentalMinChunkSize): the benchmark's ten diagrams then load 26 files instead of 65, and a
 * snapshot of flowcharts 11 instead of 32, for about the same bytes (1849 and 825 KiB against 1865 and 828).
 */
async function mergeWebviewChunks(metafile) {
  // preview.js's own static imports stay a chunk of their own: merged into preview.js, they would make it a module
  // that other chunks import from (and happy-dom, which runs the built preview in the package tests, cannot load it).
  const entryImports = new Set((metafile.outputs[`${WEBVIEW_SPLIT}/preview.js`]?.imports ?? []).filter((i) => i.kind === 'import-statement').map((i) => resolve(i.path)));
  // A merged chunk is named after its largest part of 4 kB or more that esbuild named after a module (mermaid.core,
  // flowDiagram…), else after its largest part; rollup would take its first, and a 0.2 kB parser stub could name 670 kB
  // of Langium.
  const size = (id) => statSync(id, { throwIfNoEntry: false })?.size ?? 0;
  const largest = (ids) => ids.reduce((a, b) => (size(b) > size(a) ? b : a), ids[0]);
  const mergedChunkName = (c) => {
    const named = c.moduleIds.filter((id) => !/\/chunk-[A-Z0-9]+\.js$/.test(id) && size(id) >= 4096);
    const part = largest(named.length ? named : c.moduleIds);
    return `chunks/${part ? basename(part, '.js') : c.name}-[hash].js`;
  };
  const bundle = await rollup({
    input: `${WEBVIEW_SPLIT}/preview.js`,
    logLevel: 'warn',
    onwarn: (w) => {
      // esbuild's chunks import each other in cycles (mermaid's own modules do); rollup keeps their order.
      if (w.code !== 'CIRCULAR_DEPENDENCY') throw new Error(`rollup, merging the webview's chunks: ${w.message}`);
    },
  });
  const { output } = await bundle.write({
    dir: 'dist/webview',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: mergedChunkName,
    experimentalMinChunkSize: 20_000,
    manualChunks: (id) => (entryImports.has(id) ? 'preview-imports' : undefined),
  });
  await bundle.close();
  return output.filter((o) => o.type === 'chunk');
}

// Chunks are content-hashed: clear the old ones so dist/webview (and the .vsix) holds only this build's.
await Promise.all(['dist/webview', WEBVIEW_SPLIT].map((d) => rm(d, { recursive: true, force: true })));
await mkdir('dist/webview', { recursive: true });
await Promise.all([
  build({
    ...common,
    entryPoints: { cli: 'src/cli/main.ts', 'lint-worker': 'src/cli/lint-worker.ts' },
    outdir: 'dist',
    plugins: [noHappyDomCertificate, nodeMermaidExtras],
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Mermaid and happy-dom stay in the bundle: nearly every snapshot has a diagram, and loading them
    // from node_modules measured 0.8 s slower per process. Their code runs only on the first diagram.
    // Bundled CommonJS dependencies (ajv) call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  }),
  build({
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.cjs',
    plugins: [builtInTemplates],
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    minify: true,
  }),
  // The web extension (package.json "browser"): the same extension for VS Code's web worker extension host (vscode.dev,
  // github.dev). A .js name although the package is "type": "module": VS Code 1.100's web host appends ".js" to an
  // entry that lacks it, and decides CommonJS or ES module by `main` (dist/extension.cjs), so CommonJS it is.
  build({
    ...common,
    entryPoints: ['src/extension/browser.ts'],
    outfile: 'dist/web/extension.js',
    plugins: [builtInTemplates],
    ...webWorkerExtension,
    minify: true,
    metafile: true,
  }).then(({ metafile }) => writeFile('dist/web/extension.meta.json', JSON.stringify(metafile))),
  // Mermaid's parser in a Web Worker of the web extension, DOM-free: the same parse as the Node hosts' (icon names
  // only, no ELK renderer), with DOMPurify inert (the worker renders nothing). One classic script, no chunks: a
  // worker started from a blob: URL cannot resolve relative imports.
  build({
    ...common,
    entryPoints: ['src/extension/mermaid-web-worker.ts'],
    outfile: 'dist/web/mermaid-worker.js',
    plugins: [inertDomPurify, nodeMermaidExtras],
    platform: 'browser',
    format: 'iife',
    target: ['chrome120'],
    minify: true,
    sourcemap: false,
  }),
  // Mermaid's parser on a minimal DOM, run in a worker thread of the extension host from the first diagram on.
  build({
    ...common,
    entryPoints: ['src/extension/mermaid-worker.ts'],
    outfile: 'dist/mermaid-worker.cjs',
    plugins: [noHappyDomCertificate, nodeMermaidExtras],
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
  }),
  // The Markdown parser for large or odd documents, in a worker thread of the extension host with a time budget.
  build({
    ...common,
    entryPoints: ['src/extension/markdown-worker.ts'],
    outfile: 'dist/markdown-worker.cjs',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
  }),
  // The preview webview (browser): mermaid, ELK, the icon packs and @vscode-elements/elements live only here. ES
  // modules split into chunks: the page loads preview.js (its UI), then mermaid's core; each diagram type, ELK and
  // each icon pack is a chunk of its own, loaded the first time a diagram needs it (esbuild splits, then rollup
  // merges the small chunks: mergeWebviewChunks). The CSP lets in chunks from the webview's own root only
  // (src/extension/preview/html.ts).
  build({
    ...common,
    entryPoints: ['src/webview/preview.ts'],
    outdir: WEBVIEW_SPLIT,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    platform: 'browser',
    format: 'esm',
    target: ['chrome120'],
    minify: true,
    sourcemap: false,
    metafile: true,
  }).then(async ({ metafile }) => writeFile('dist/webview/preload.json', `${JSON.stringify(previewPreload(metafile, await mergeWebviewChunks(metafile)))}\n`)),
  build({ ...common, entryPoints: ['src/webview/preview.css'], outdir: 'dist/webview', minify: true, sourcemap: false }).then(async () => {
    // codicons for @vscode-elements' icons: loaded from the webview's own root, never from a CDN.
    for (const f of ['codicon.css', 'codicon.ttf']) await copyFile(`node_modules/@vscode/codicons/dist/${f}`, `dist/webview/${f}`);
  }),
  // The benchmarks' probes, loaded as the test runner inside the extension host by bench/editor.ts and
  // bench/activation.ts; the activation probe also as the web worker host loads it (bench/activation.ts).
  build({
    ...common,
    entryPoints: { 'editor-host': 'bench/host/editor-host.ts', 'activation-host': 'bench/host/activation-host.ts' },
    outdir: 'out/bench',
    outExtension: { '.js': '.cjs' },
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  }),
  build({ ...common, entryPoints: { 'activation-web': 'bench/host/activation-host.ts' }, outdir: 'out/bench', ...webWorkerExtension }),
  // The web suite, run by VS Code's web worker extension host in the browser, with mocha's browser build bundled; and
  // the harness extension that holds its workspace (an in-memory file system) and, as runner.js, the suite itself.
  build({
    ...common,
    entryPoints: { index: 'test/web/index.ts', memfs: 'test/web/memfs/extension.ts' },
    outdir: 'out/test-web',
    plugins: [builtInTemplates],
    ...webWorkerExtension,
  }),
  // The integration suite, loaded by mocha inside the extension host; mocha itself stays in node_modules.
  build({
    ...common,
    entryPoints: { index: 'test/integration/index.ts', suite: 'test/integration/suite/all.ts' },
    outdir: 'out/test',
    outExtension: { '.js': '.cjs' },
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
  }),
]);
if (watch) console.log('watch mode is not supported; rerun npm run build');
