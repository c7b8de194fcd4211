import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHostMessage, parsePreviewState, parseWebviewMessage } from '../../src/shared/messages.js';

const diagram = { source: 'graph TD', section: 'Architecture', startLine: 3, endLine: 5 };
const options = { exportTheme: 'light', pngScale: 2 };

test('messages: well-formed host messages pass, with nothing extra carried over', () => {
  const doc = { type: 'document', version: 4, uri: 'file:///a.md', title: 'A', diagrams: [diagram], options, extra: 'dropped' };
  assert.deepEqual(parseHostMessage(doc), { type: 'document', version: 4, uri: 'file:///a.md', title: 'A', diagrams: [diagram], options });
  assert.deepEqual(parseHostMessage({ type: 'requestExportAll', format: 'png' }), { type: 'requestExportAll', format: 'png' });
  assert.deepEqual(parseHostMessage({ type: 'empty', reason: 'none' }), { type: 'empty', reason: 'none' });
  assert.deepEqual(parseHostMessage({ type: 'requestHtmlExport' }), { type: 'requestHtmlExport' });
});

test('messages: malformed host messages are dropped', () => {
  for (const bad of [
    null,
    'document',
    [],
    { type: 'unknown' },
    { type: 'document', version: -1, uri: 'u', title: '', diagrams: [], options },
    { type: 'document', version: 1, uri: 'u', title: '', diagrams: [] },
    { type: 'document', version: 1, uri: 'u', title: '', diagrams: [], options: { exportTheme: 'sepia', pngScale: 2 } },
    { type: 'document', version: 1, uri: 'u', title: '', diagrams: [], options: { exportTheme: 'light', pngScale: 40 } },
    { type: 'requestExportAll', format: 'pdf' },
    { type: 'document', version: 1.5, uri: 'u', title: '', diagrams: [] },
    { type: 'document', version: 1, uri: 'u', title: '', diagrams: [{ ...diagram, startLine: 9 }] },
    { type: 'document', version: 1, uri: 'u', title: '', diagrams: [{ ...diagram, source: 42 }] },
    { type: 'document', version: 1, uri: 'u', title: '', diagrams: {} },
    { type: 'empty' },
  ]) {
    assert.equal(parseHostMessage(bad), undefined, JSON.stringify(bad));
  }
});

test('messages: the webview may only ask for what the host offers, in the shapes it expects', () => {
  assert.deepEqual(parseWebviewMessage({ type: 'reveal', uri: 'file:///a.md', startLine: 1, endLine: 2 }), { type: 'reveal', uri: 'file:///a.md', startLine: 1, endLine: 2 });
  assert.ok(parseWebviewMessage({ type: 'exportDiagram', format: 'svg', index: 0, section: 'A', data: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' }));
  assert.ok(parseWebviewMessage({ type: 'exportDiagram', format: 'png', index: 0, section: 'A', data: 'data:image/png;base64,iVBORw0KGgo=' }));
  assert.ok(parseWebviewMessage({ type: 'exportHtml', uri: 'file:///a.md', svgs: ['<svg></svg>', null], errors: [null, 'x'], colorScheme: 'light' }));
  const files = [{ index: 0, section: 'A', data: '<svg></svg>' }, { index: 2, section: 'C', data: '<svg viewBox="0 0 1 1"></svg>' }];
  assert.deepEqual(parseWebviewMessage({ type: 'exportAll', format: 'svg', files, skipped: 1 }), { type: 'exportAll', format: 'svg', files, skipped: 1 });
  assert.deepEqual(parseWebviewMessage({ type: 'copy', format: 'svg', data: '<svg></svg>' }), { type: 'copy', format: 'svg', data: '<svg></svg>' });
  assert.deepEqual(parseWebviewMessage({ type: 'copied', format: 'png' }), { type: 'copied', format: 'png' });
  assert.deepEqual(parseWebviewMessage({ type: 'askExportAll' }), { type: 'askExportAll' });
  assert.deepEqual(parseWebviewMessage({ type: 'error', message: 'Could not export' }), { type: 'error', message: 'Could not export' });
  for (const bad of [
    { type: 'reveal', uri: 'file:///a.md', startLine: 5, endLine: 2 },
    { type: 'exportDiagram', format: 'svg', index: 0, section: 'A', data: '<script>alert(1)</script>' },
    { type: 'exportDiagram', format: 'png', index: 0, section: 'A', data: 'data:text/html;base64,PHNjcmlwdD4=' },
    { type: 'exportDiagram', format: 'pdf', index: 0, section: 'A', data: '<svg></svg>' },
    { type: 'exportHtml', uri: 'file:///a.md', svgs: [1], errors: [], colorScheme: 'light' },
    { type: 'exportHtml', uri: 'file:///a.md', svgs: [], errors: [] },
    { type: 'exportAll', format: 'svg', files: [{ index: 0, section: 'A', data: '<img src=x onerror=alert(1)>' }], skipped: 0 },
    { type: 'exportAll', format: 'png', files: [{ index: 0, section: 'A', data: '<svg></svg>' }], skipped: 0 },
    { type: 'copy', format: 'png', data: 'data:image/png;base64,AAAA' },
    { type: 'copy', format: 'svg', data: 'javascript:alert(1)' },
    { type: 'rendered', version: 1, rendered: 1, reused: 0, errors: 0, ms: Number.NaN, theme: 'light' },
    { type: 'runCommand', command: 'workbench.action.terminal.new' },
    { type: 'error', message: { html: '<b>x</b>' } },
  ]) {
    assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
  }
});

test('messages: the saved webview state is checked before a reload restores it', () => {
  assert.deepEqual(parsePreviewState({ uri: 'file:///a.md' }), { uri: 'file:///a.md' });
  const views = [{ zoom: 'auto', left: 0, top: 0 }, { zoom: 1.5, left: 0.25, top: 1 }, { zoom: 'fit', left: 0, top: 0 }];
  assert.deepEqual(parsePreviewState({ uri: 'file:///a.md', views }), { uri: 'file:///a.md', views });
  // A view that does not validate is dropped on its own; the rest of the state stays.
  assert.deepEqual(parsePreviewState({ uri: 'file:///a.md', views: [{ zoom: 99, left: 0, top: 0 }, { zoom: 'auto', left: 2, top: 0 }, views[1]] }), { uri: 'file:///a.md', views: [null, null, views[1]] });
  assert.equal(parsePreviewState({ uri: 3 }), undefined);
  assert.equal(parsePreviewState(undefined), undefined);
});
