// Runs in Node (from bench/run.ts, or alone: node --import tsx bench/activation.ts [--samples N]): the extension's
// activate() in VS Code's two extension hosts, measured in the same run. Three code-servers (VS Code 1.100.3) in
// headless Chromium: one runs the extension in its Node extension host (the desktop's); two run it in the browser's web
// worker extension host (remote.extensionKind web) on a virtual workspace, one with VS Code's built-in web extensions
// moved into that worker too (as on vscode.dev and github.dev, where the worker is the only host), one with ours alone
// in it. Each sample is a fresh page, so a fresh extension host and a cold activation, started the way a user starts
// it: by opening a snapshot. Samples rotate between the hosts, so machine noise falls on all alike.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CODE_SERVER, ROOT, startHarness, waitForFile, type Harness } from '../test/integration/launch.js';
import { harnessExtension } from '../test/web/launch.js';
import { median } from './median.js';

/**
 * Where a sample ran: the desktop's Node extension host; the browser's web worker with VS Code's built-in web
 * extensions beside ours (as on vscode.dev and github.dev, which have no other host); the web worker with ours alone
 * (code-server's default, where the built-ins run in its Node host).
 */
type Host = 'desktop' | 'web' | 'webAlone';

/** What one sample reports (written by the probe, bench/host/activation-host.ts). */
export interface ActivationSample {
  platform: 'desktop' | 'web';
  /** activate() from its first line to its return. */
  activateMs: number;
  /** True when something had activated the extension before the snapshot opened. */
  activeBefore: boolean;
}


/** activate() times (ms) per host, in the order measured. */
export type ActivationTimes = Record<Host, number[]>;

/** One cold activation of the extension at `root` in a fresh page of `h`; `runner` is the probe as that host loads it. */
async function sample(h: Harness, root: string, host: Host, runner: string, folder?: string): Promise<ActivationSample> {
  const file = join(root, 'bench', '.tmp', `activation-${host === 'desktop' ? 'desktop' : 'web'}.json`);
  mkdirSync(dirname(file), { recursive: true });
  rmSync(file, { force: true });
  const context = await h.browser.newContext();
  let console_ = '';
  try {
    const page = await context.newPage();
    page.on('console', (m) => (console_ += `${m.type()}: ${m.text()}\n`));
    const url = new URL(h.url([['extensionDevelopmentPath', root], ['extensionTestsPath', runner]]));
    if (folder) url.searchParams.set('folder', folder);
    await page.goto(url.toString());
    await waitForFile(file, 120_000, () => (/No extension host found that can launch the test runner/.test(console_) ? `the probe did not start in the ${host} host:\n${console_.slice(-2000)}` : undefined));
    const s = JSON.parse(readFileSync(file, 'utf8')) as ActivationSample;
    if (s.platform !== (host === 'desktop' ? 'desktop' : 'web')) throw new Error(`expected the ${host} extension host, the extension ran in the ${s.platform} one`);
    return s;
  } finally {
    await context.close();
  }
}

/**
 * Cold activations in both hosts, `samples` each, per build: this checkout's, and any `others` (folders of another
 * checkout with its dist/ built, such as the previous commit's, compared in the same run). The probe is this
 * checkout's in every case.
 */
export async function benchActivation(samples = 11, others: Record<string, string> = {}): Promise<Record<string, ActivationTimes>> {
  for (const f of ['dist/extension.cjs', 'dist/web/extension.js', 'out/bench/activation-host.cjs', 'out/bench/activation-web.js', 'out/test-web/memfs.js']) {
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} is not built: run npm run build`);
  }
  const builds: Record<string, string> = { ...others, this: ROOT };
  for (const [label, root] of Object.entries(builds)) {
    for (const f of ['dist/extension.cjs', 'dist/web/extension.js']) if (!existsSync(join(root, f))) throw new Error(`${label}: ${join(root, f)} is not built`);
  }
  const fixture = join(ROOT, 'test/fixtures/workspace');
  const harness = harnessExtension(fixture, join(ROOT, 'out/bench/activation-web.js'));
  const manifest = JSON.parse(readFileSync(join(harness, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  const times: Record<string, ActivationTimes> = Object.fromEntries(Object.keys(builds).map((label) => [label, { desktop: [], web: [], webAlone: [] }]));
  const ours = { 'design-snapshot.design-snapshot': ['web'] };
  const builtIns = Object.fromEntries(webBuiltIns().map((id) => [id, ['web']]));
  const harnesses: Partial<Record<Host, Harness>> = {};
  try {
    harnesses.desktop = await startHarness(fixture, true);
    harnesses.web = await startHarness(fixture, true, [harness], { 'remote.extensionKind': { ...builtIns, ...ours } });
    harnesses.webAlone = await startHarness(fixture, true, [harness], { 'remote.extensionKind': ours });
    const runner = (host: Host): string =>
      host === 'desktop' ? join(ROOT, 'out/bench/activation-host.cjs') : join(dirname(harnesses[host]?.workspace ?? ''), 'extensions', `${manifest.publisher}.${manifest.name}-${manifest.version}`, 'runner.js');
    const hosts: Host[] = ['desktop', 'web', 'webAlone'];
    for (let i = 0; i < samples; i++) {
      // Which host (and build) goes first rotates too: none always starts right after another's page closed.
      const order = [...hosts.slice(i % 3), ...hosts.slice(0, i % 3)];
      const labels = i % 2 ? Object.keys(builds).reverse() : Object.keys(builds);
      for (const host of order) {
        for (const label of labels) {
          const h = harnesses[host];
          if (!h) throw new Error(`no harness for the ${host} host`);
          const s = await sample(h, builds[label] ?? ROOT, host, runner(host), host === 'desktop' ? undefined : 'dsmem:/workspace');
          times[label]?.[host].push(s.activateMs);
        }
      }
    }
  } finally {
    for (const h of Object.values(harnesses)) await h.stop();
    rmSync(harness, { recursive: true, force: true });
  }
  return times;
}

/** VS Code's built-in extensions that have a web entry: on vscode.dev they share the web worker host with ours. */
function webBuiltIns(): string[] {
  const dir = join(dirname(CODE_SERVER), '..', '..', 'lib', 'vscode', 'extensions');
  return readdirSync(dir).flatMap((d) => {
    const f = join(dir, d, 'package.json');
    if (!existsSync(f)) return [];
    const p = JSON.parse(readFileSync(f, 'utf8')) as { publisher: string; name: string; browser?: string };
    return p.browser ? [`${p.publisher}.${p.name}`] : [];
  });
}

/** The section of bench/RESULTS.md, and the verdict on the target. */
export function activationSection(times: ActivationTimes): { markdown: string; verdicts: string[] } {
  const web = median(times.web);
  const desktop = median(times.desktop);
  const row = (host: Host, what: string): string => `| ${what} | ${median(times[host]).toFixed(1)} ms | ${Math.min(...times[host]).toFixed(1)}–${Math.max(...times[host]).toFixed(1)} ms |`;
  const markdown = `## Activation in each extension host (median of ${times.web.length} cold activations each, same run)

\`activate()\` from its first line to its return, in a fresh extension host each time, started by opening a snapshot (\`onLanguage:markdown\`), as a user starts it. Every host is code-server 4.100.3's (VS Code 1.100.3) in headless Chromium; samples rotate between them (\`bench/activation.ts\`). On vscode.dev and github.dev the web worker is the only extension host, so VS Code's built-in web extensions (Markdown, Emmet, Git base, merge conflicts, …) activate beside ours there; the first web row runs them there, as those sites do, and the target is judged on it. The second row is code-server's default, where the built-ins run in its Node host and ours is alone in the worker.

| Extension host | Median | Range |
| --- | --- | --- |
${row('web', 'web worker (the browser, as on vscode.dev and github.dev: VS Code\'s built-in web extensions in the same worker), virtual workspace')}
${row('webAlone', '… the same web worker with our extension alone in it (code-server runs the built-ins in its Node host)')}
${row('desktop', 'desktop (Node)')}
`;
  const verdicts = [`- Activation in the browser: ${web <= desktop ? 'meets' : 'MISSES'} "activation in the browser ≤ the desktop activation time" (median ${web.toFixed(1)} ms vs ${desktop.toFixed(1)} ms).`];
  return { markdown, verdicts };
}

// `node --import tsx bench/activation.ts [--samples N] [--compare DIR]` runs this part alone (DIR: another checkout,
// built, measured in the same run); with --json (as bench/run.ts calls it) the last line is the result as JSON.
if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string): string | undefined => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const compare = arg('--compare');
  const times = await benchActivation(arg('--samples') ? Number(arg('--samples')) : undefined, compare ? { [compare]: resolve(compare) } : {});
  const r = activationSection(times.this ?? { desktop: [], web: [], webAlone: [] });
  if (process.argv.includes('--json')) console.log(JSON.stringify(r));
  else {
    for (const [label, t] of Object.entries(times)) {
      for (const host of ['web', 'webAlone', 'desktop'] as const) console.log(`${label} ${host}: median ${median(t[host]).toFixed(2)} ms; ${t[host].map((x) => x.toFixed(1)).join(', ')}`);
    }
    console.log(`${r.markdown}\n${r.verdicts.join('\n')}`);
  }
}
