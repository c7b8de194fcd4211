// Runs in Node: what the end-to-end tests share — a code-server window driven through headless Chromium.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { ROOT, startHarness, type Harness } from '../integration/launch.js';

export interface Workbench {
  h: Harness;
  page: Page;
  /** Saves a screenshot as test-results/<folder>/<name>.png. */
  shot: (name: string) => Promise<void>;
  /** Runs a command from the palette by its title, as a person would. */
  palette: (title: string) => Promise<void>;
  /** Opens a file of the workspace from the Explorer (compact folders: `folder` is the row to expand first). */
  openFromExplorer: (folder: string, file: string) => Promise<void>;
}

/** Starts code-server on a copy of `fixture` with this extension in development mode, and opens its window. */
export async function openWorkbench(fixture: string, shots: string): Promise<Workbench> {
  const dir = join(ROOT, 'test-results', shots);
  mkdirSync(dir, { recursive: true });
  const h = await startHarness(join(ROOT, fixture), true);
  const page = await h.browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(h.url([['extensionDevelopmentPath', ROOT]]));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  // The explorer shows the workspace once the window is connected to the server.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  const row = (text: string) => page.locator('.explorer-folders-view .monaco-list-row', { hasText: text }).first();
  return {
    h,
    page,
    shot: async (name) => void (await page.screenshot({ path: join(dir, `${name}.png`) })),
    palette: async (title) => {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill(`>${title}`);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
      await page.keyboard.press('Enter');
    },
    openFromExplorer: async (folder, file) => {
      await row(folder).click();
      await row(file).click();
      // The extension's status bar item appears once it is loaded and has linted the snapshot.
      await page.locator('.statusbar-item', { hasText: /Snapshot \d+\/\d+/ }).waitFor({ timeout: 120_000 });
    },
  };
}

/** The preview's page: VS Code nests each webview's content in an inner frame of its own iframe. */
export function previewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}
