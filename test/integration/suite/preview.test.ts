// Runs inside the VS Code extension host: the diagram preview with its real webview, driven through the extension's API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DiagramPreview } from '../../../src/extension/preview/panel.js';
import { PREVIEW_VIEW_TYPE } from '../../../src/extension/preview/panel.js';
import { api, open, renderedWhere, workspaceUri, write } from './helpers.js';

const doc = (diagrams: string[]): string =>
  ['---', 'pattern: rag', 'status: draft', '---', '# Preview', '', ...diagrams.flatMap((d, i) => [`## Section ${i + 1}`, '', '```mermaid', d, '```', ''])].join('\n');

describe('Diagram preview', () => {
  let preview: DiagramPreview;
  const a = workspaceUri('docs', 'design', 'preview-a.md');
  const b = workspaceUri('docs', 'design', 'preview-b.md');

  before(async () => {
    preview = (await api()).preview;
    await write(a, doc(['flowchart LR\n  a --> b', 'sequenceDiagram\n  A->>B: hi', 'flowchart TD\n  a -->']));
    await write(b, doc(['pie\n  "x" : 1']));
  });

  afterEach(async () => {
    preview.panel?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('renders every diagram of the active snapshot; an edit re-renders only the diagram that changed', async () => {
    const editor = await open(a);
    const first = renderedWhere(preview, (e) => e.rendered + e.reused === 3, 'the first render');
    const before = preview.lastVersion;
    await vscode.commands.executeCommand('designSnapshot.openDiagramPreview');
    const r1 = await first;
    assert.equal(r1.errors, 1, 'the invalid third diagram');
    // The page is written with the snapshot in it (or gets it on 'ready'), never both: one document message.
    assert.deepEqual([r1.version, preview.lastVersion], [before + 1, before + 1], "the snapshot was sent once: the page's 'ready' did not ask for it again");
    assert.equal(preview.uri?.toString(), a.toString());
    assert.ok(preview.panel?.visible, 'the panel is shown');
    assert.equal(preview.panel?.viewColumn, vscode.ViewColumn.Two, 'beside the editor');

    const line = editor.document.getText().split('\n').indexOf('  a --> b');
    const edited = renderedWhere(preview, (e) => e.version > r1.version, 'the render after an edit');
    await editor.edit((e) => e.insert(new vscode.Position(line, '  a --> b'.length), ' --> c'));
    const r2 = await edited;
    assert.deepEqual([r2.rendered, r2.reused, r2.errors], [1, 2, 1], 'one diagram rendered again, the two unchanged ones left as they were');
  });

  it('follows the active editor to another snapshot, and ignores Markdown that is not a snapshot', async () => {
    await open(a);
    const first = renderedWhere(preview, () => true, 'a render of A');
    await vscode.commands.executeCommand('designSnapshot.openDiagramPreview');
    await first;
    const ofB = renderedWhere(preview, (e) => e.rendered + e.reused === 1, 'a render of B');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(b), vscode.ViewColumn.One);
    await ofB;
    assert.equal(preview.uri?.toString(), b.toString());
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri('README.md')), vscode.ViewColumn.One);
    assert.equal(preview.uri?.toString(), b.toString(), 'a README is not a snapshot: the preview stays on B');
  });

  it('a burst of edits ends on the newest version; no older render lands after a newer one', async () => {
    const editor = await open(a);
    const first = renderedWhere(preview, () => true, 'the first render');
    await vscode.commands.executeCommand('designSnapshot.openDiagramPreview');
    await first;
    const versions: number[] = [];
    const sub = preview.onDidRender((e) => versions.push(e.version));
    const line = editor.document.getText().split('\n').indexOf('  A->>B: hi');
    for (let i = 0; i < 8; i++) await editor.edit((e) => e.insert(new vscode.Position(line, editor.document.lineAt(line).text.length), '!'));
    // The last edit's version is the one sent once the debounce has nothing pending.
    await renderedWhere(preview, (e) => !preview.pending && e.version === preview.lastVersion, 'the render of the last edit');
    sub.dispose();
    assert.deepEqual(versions, [...versions].sort((x, y) => x - y), `versions in order: ${versions.join(', ')}`);
  });

  it('exports every diagram into the folder picked, one file each, skipping the invalid one and replacing nothing', async () => {
    await open(a);
    const first = renderedWhere(preview, () => true, 'the first render');
    await vscode.commands.executeCommand('designSnapshot.openDiagramPreview');
    await first;
    const folder = workspaceUri('docs', 'design', 'all-diagrams');
    await vscode.workspace.fs.createDirectory(folder);
    const taken = vscode.Uri.joinPath(folder, 'preview-a-section-1.svg');
    await write(taken, 'keep me');
    const { pickFormat, showOpenDialog } = preview.deps;
    preview.deps.pickFormat = async () => 'svg';
    preview.deps.showOpenDialog = async () => [folder];
    const written: vscode.Uri[] = [];
    try {
      const done = new Promise<void>((resolve) =>
        preview.onDidExport((u) => {
          written.push(u);
          if (written.length === 2) resolve();
        }),
      );
      assert.equal(await vscode.commands.executeCommand('designSnapshot.exportAllDiagrams'), true);
      await done;
    } finally {
      Object.assign(preview.deps, { pickFormat, showOpenDialog });
    }
    assert.deepEqual(written.map((u) => u.path.split('/').pop()), ['preview-a-section-1-2.svg', 'preview-a-section-2.svg'], 'the third diagram has an error: skipped');
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(taken)), 'keep me');
    for (const u of written) assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(u)), /^<svg[^>]*>[\s\S]*<rect class="ds-export-background"[^>]*fill="#ffffff"/);
  });

  it('designSnapshot.preview.exportTheme "match" exports in the editor\'s theme, on its background', async () => {
    await open(b);
    const config = vscode.workspace.getConfiguration();
    const theme = config.inspect<string>('workbench.colorTheme')?.globalValue;
    await config.update('workbench.colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
    await config.update('designSnapshot.preview.exportTheme', 'match', vscode.ConfigurationTarget.Global);
    const target = workspaceUri('docs', 'design', 'pie-dark.svg');
    const original = preview.deps.showSaveDialog;
    preview.deps.showSaveDialog = async () => target;
    try {
      const dark = renderedWhere(preview, (e) => e.theme === 'dark' && e.rendered + e.reused === 1, 'a render in the dark theme');
      await vscode.commands.executeCommand('designSnapshot.openDiagramPreview');
      await dark;
      const exported = new Promise<vscode.Uri>((r) => preview.onDidExport(r));
      // The HTML export goes through the same export theme; it names the page's colour scheme.
      assert.equal(await vscode.commands.executeCommand('designSnapshot.exportHtml'), true);
      await exported;
    } finally {
      preview.deps.showSaveDialog = original;
      await config.update('designSnapshot.preview.exportTheme', undefined, vscode.ConfigurationTarget.Global);
      await config.update('workbench.colorTheme', theme, vscode.ConfigurationTarget.Global);
    }
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(html, /<meta name="color-scheme" content="dark">/);
    const fill = /<rect class="ds-export-background"[^>]*fill="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.ok(fill && fill !== '#ffffff' && fill !== 'rgb(255, 255, 255)', `a dark background: ${fill}`);
  });

  it('is restored by the serializer from its saved state, and a broken state does not throw', async () => {
    await open(a);
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Diagram Preview', vscode.ViewColumn.Two);
    const restored = renderedWhere(preview, (e) => e.rendered + e.reused === 3, 'the restored render');
    await preview.restore(panel, { uri: a.toString() });
    await restored;
    assert.equal(preview.panel, panel);
    assert.ok(panel.webview.options.enableScripts);
    assert.deepEqual(
      panel.webview.options.localResourceRoots?.map((u) => u.path.split('/').slice(-2).join('/')),
      ['dist/webview'],
      'the webview may load only the built webview assets',
    );
    const disposed = new Promise<void>((r) => panel.onDidDispose(r));
    const other = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Diagram Preview', vscode.ViewColumn.Two);
    const working = renderedWhere(preview, (e) => e.rendered + e.reused === 3, 'the render of the panel restored from a broken state');
    await preview.restore(other, { uri: 42 });
    assert.equal(preview.panel, other, 'a state that does not validate still gives a working preview');
    await disposed;
    // It works: it shows the snapshot the preview was following. (Waiting also keeps the next test from disposing a
    // webview that is still starting, after which code-server was seen never to start the next one.)
    await working;
  });

  it('exports the snapshot as HTML through the save dialog, proposing a name that is not taken', async () => {
    await open(a);
    const first = renderedWhere(preview, () => true, 'the first render');
    await vscode.commands.executeCommand('designSnapshot.openDiagramPreview');
    await first;
    const taken = workspaceUri('docs', 'design', 'preview-a.html');
    await write(taken, 'keep me');
    const target = workspaceUri('docs', 'design', 'exported.html');
    let proposed: vscode.Uri | undefined;
    const original = preview.deps.showSaveDialog;
    preview.deps.showSaveDialog = async (o) => {
      proposed = o.defaultUri;
      return target;
    };
    try {
      const done = new Promise<vscode.Uri>((r) => preview.onDidExport(r));
      assert.equal(await vscode.commands.executeCommand('designSnapshot.exportHtml'), true);
      assert.equal((await done).toString(), target.toString());
    } finally {
      preview.deps.showSaveDialog = original;
    }
    assert.equal(proposed?.path.split('/').pop(), 'preview-a-2.html', 'the proposed name is free');
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(taken)), 'keep me');
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.equal((html.match(/<figure class="diagram"><svg/g) ?? []).length, 2);
    assert.match(html, /This diagram did not render/);
  });
});
