// Runs inside the VS Code extension host: a hostile document cannot freeze the host every extension shares.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { HOSTILE_CASES } from '../../fixtures/hostile/cases.js';
import { diagnosticsWhere, open, ruleOf, workspaceUri, write } from './helpers.js';

/** The longest gap between ticks of a 50 ms timer while `during` runs: how long the host's thread was held. */
async function longestStall<T>(during: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last - 50);
    last = now;
  }, 50);
  try {
    const result = await during();
    return { result, stallMs };
  } finally {
    clearInterval(tick);
  }
}

describe('Hostile documents', () => {
  it('a document whose Markdown takes seconds to parse never stalls the host: other extensions answer within 1 s, and it is reported as not analyzed', async () => {
    // 80 KB of "](": micromark's footnote extension reads it in time quadratic in its length (13 s on the CLI).
    const hostile = HOSTILE_CASES.find((c) => c.id === 'link-brackets');
    assert.ok(hostile);
    const uri = workspaceUri('docs', 'design', 'hostile-brackets.md');
    await write(uri, hostile.doc);
    // What other extensions do meanwhile: VS Code's own Markdown extension lists an ordinary file's headings.
    const other = workspaceUri('docs', 'hostile-neighbour.md');
    await write(other, '# Notes\n\n## One\n\nText.\n');
    const symbols = (): Thenable<unknown[]> => vscode.commands.executeCommand<unknown[]>('vscode.executeDocumentSymbolProvider', other);
    await vscode.workspace.openTextDocument(other);
    assert.ok((await symbols()).length > 0, 'the Markdown extension answers (warm)');
    const { result: answers, stallMs } = await longestStall(async () => {
      await open(uri);
      // While the parse runs, the host answers other extensions' requests, three times over.
      const answered: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        await symbols();
        answered.push(performance.now() - t);
      }
      const ds = await diagnosticsWhere(uri, (x) => x.some((d) => ruleOf(d) === 'internal-error'), 'the not-analyzed finding', 30_000);
      assert.match(ds.find((d) => ruleOf(d) === 'internal-error')?.message ?? '', /This document was not analyzed: reading its Markdown took longer than 3 s/);
      return answered;
    });
    assert.ok(Math.max(...answers) < 1000, `the Markdown extension answered in ${answers.map((a) => Math.round(a)).join(', ')} ms`);
    assert.ok(stallMs < 1000, `the host's thread was held for ${Math.round(stallMs)} ms`);
    // Other suites lint the whole workspace: the hostile file goes.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri);
    await vscode.workspace.fs.delete(other);
  });
});
