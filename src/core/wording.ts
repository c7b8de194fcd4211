import * as l10n from '@vscode/l10n';

/**
 * Items joined for a sentence in the user's language: "a", "a and b", "a, b and c". The items are already worded
 * (translated phrases, or the document's own words); the last join is the language's.
 */
export function andList(items: readonly string[]): string {
  if (items.length < 2) return items[0] ?? '';
  return l10n.t('{0} and {1}', items.slice(0, -1).join(', '), items[items.length - 1] ?? '');
}

/**
 * A stand-in for the language @vscode/l10n is configured with (which it does not expose): caches that hold
 * worded text (an explained diagram error, an estimate block's refusals) compare it, so a process that lints in
 * two languages (the CLI's tests) never shows the words of the first in the second.
 */
export function languageMark(): string {
  return andList(['1', '2']);
}
