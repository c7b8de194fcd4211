// Runs in the browser build's mermaid Web Worker, before mermaid loads: the one piece of a window that mermaid's
// parsers (not its renderers) read. A sequence diagram's `box` line asks `window.CSS.supports('color', …)` to tell
// its colour from its title; a worker has no window. The answer splits colour from title and never makes a diagram
// valid or invalid, which is all this worker reports. test/unit/mermaid-web-worker.test.ts checks, diagram by diagram,
// that this DOM-free parse agrees with the DOM-backed one of the Node hosts.
const scope = globalThis as Record<string, unknown>;
if (scope.window === undefined) {
  scope.window = {
    CSS: {
      supports: (property: string, value: string): boolean => property === 'color' && /^(?:(?:rgba?|hsla?)\s*\(.*\)|[a-z]+)$/i.test(value.trim()),
    },
  };
}
export {};
