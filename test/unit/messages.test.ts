import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHostMessage, parsePreviewState, parseWebviewMessage } from '../../src/shared/messages.js';

const diagram = { source: 'graph TD', section: 'Architecture', startLine: 3, endLine: 5 };

test('messages: well-formed host messages pass, with nothing extra carried over', () => {
  const doc = { type: 'document', version: 4, uri: 'file:///a.md', title: 'A', diagrams: [diagram], extra: 'dropped' };
  assert.deepEqual(parseHostMessage(doc), { type: 'document', version: 4, uri: 'file:///a.md', title: 'A', diagrams: [diagram] });
  assert.deepEqual(parseHostMessage({ type: 'empty', reason: 'none' }), { type: 'empty', reason: 'none' });
  assert.deepEqual(parseHostMessage({ type: 'requestHtmlExport' }), { type: 'requestHtmlExport' });
});

test('messages: malformed host messages are dropped', () => {
  for (const bad of [
    null,
    'document',
    [],
    { type: 'unknown' },
    { type: 'document', version: -1, uri: 'u', title: '', diagrams: [] },
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
  assert.ok(parseWebviewMessage({ type: 'exportHtml', uri: 'file:///a.md', svgs: ['<svg></svg>', null], errors: [null, 'x'] }));
  assert.deepEqual(parseWebviewMessage({ type: 'error', message: 'Could not export' }), { type: 'error', message: 'Could not export' });
  for (const bad of [
    { type: 'reveal', uri: 'file:///a.md', startLine: 5, endLine: 2 },
    { type: 'exportDiagram', format: 'svg', index: 0, section: 'A', data: '<script>alert(1)</script>' },
    { type: 'exportDiagram', format: 'png', index: 0, section: 'A', data: 'data:text/html;base64,PHNjcmlwdD4=' },
    { type: 'exportDiagram', format: 'pdf', index: 0, section: 'A', data: '<svg></svg>' },
    { type: 'exportHtml', uri: 'file:///a.md', svgs: [1], errors: [] },
    { type: 'rendered', version: 1, rendered: 1, reused: 0, errors: 0, ms: Number.NaN, theme: 'light' },
    { type: 'runCommand', command: 'workbench.action.terminal.new' },
    { type: 'error', message: { html: '<b>x</b>' } },
  ]) {
    assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
  }
});

test('messages: the saved webview state is checked before a reload restores it', () => {
  assert.deepEqual(parsePreviewState({ uri: 'file:///a.md' }), { uri: 'file:///a.md' });
  assert.equal(parsePreviewState({ uri: 3 }), undefined);
  assert.equal(parsePreviewState(undefined), undefined);
});
