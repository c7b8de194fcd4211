// Runs in the browser build's mermaid Web Worker, in place of DOMPurify (esbuild.mjs aliases 'dompurify' to this
// file for that bundle only). A worker has no DOM, so the real DOMPurify has no sanitize there and mermaid's parse
// would fail on its first label; the worker only parses and never renders, so there is nothing to sanitize. The
// preview, which renders, keeps the real DOMPurify.
const inert = {
  isSupported: false,
  sanitize: (dirty: unknown): string => String(dirty ?? ''),
  addHook: (): void => undefined,
  removeHook: (): void => undefined,
  removeHooks: (): void => undefined,
  removeAllHooks: (): void => undefined,
  setConfig: (): void => undefined,
  clearConfig: (): void => undefined,
  isValidAttribute: (): boolean => false,
};

export default inert;
