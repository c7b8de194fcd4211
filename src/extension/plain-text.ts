// Runs in the VS Code extension host: core messages are written in Markdown (hovers render them); where VS Code shows
// text as it is (the Problems view, notifications, quick-fix titles, quick picks, tree labels), code is quoted instead.

/** "an ```estimate block" → "an ‘estimate’ block"; "`pattern:` is missing" → "‘pattern:’ is missing". */
export function plainText(text: string): string {
  return text.replace(/```([\w-]+)/g, '‘$1’').replace(/`([^`\n]+)`/g, '‘$1’');
}
