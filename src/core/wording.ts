import * as l10n from '@vscode/l10n';

/**
 * Items joined for a sentence in the user's language: "a", "a and b", "a, b and c". The items are already worded
 * (translated phrases, or the document's own words); the last join is the language's.
 */
export function andList(items: readonly string[]): string {
  if (items.length < 2) return items[0] ?? '';
  return l10n.t('{0} and {1}', items.slice(0, -1).join(', '), items[items.length - 1] ?? '');
}

let generation = 0;

/**
 * The translations every `l10n.t` call of the engine and its hosts speaks (an empty bundle: English). Hosts set them
 * here rather than through `l10n.config`, so caches that hold worded text know when the language changed.
 */
export function useTranslations(contents: l10n.l10nJsonFormat): void {
  l10n.config({ contents });
  generation++;
}

/**
 * Changes whenever the translations do: caches that hold worded text (an explained diagram error, an estimate
 * block's refusals) compare it, so a process that lints in two languages (the CLI's tests) never shows the words of
 * the first in the second.
 */
export function languageMark(): number {
  return generation;
}
