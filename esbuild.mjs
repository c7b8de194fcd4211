// Runs in Node at build time: bundles each host of the engine into dist/.
import { build } from 'esbuild';

const watch = process.argv.includes('--watch');
const common = { bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none' };

await Promise.all([
  build({
    ...common,
    entryPoints: { cli: 'src/cli/main.ts', 'lint-worker': 'src/cli/lint-worker.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Bundled CommonJS dependencies (ajv) call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  }),
]);
if (watch) console.log('watch mode is not supported; rerun npm run build');
