// Runs in Node: the CLI's language. English is written in the source; another language is a bundle exported by
// @vscode/l10n-dev (l10n/bundle.l10n.<locale>.json, the same files the extension reads), loaded when one is asked for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTranslations } from '../core/index.js';

/** A bundle's messages: English text → text in the bundle's language. */
export type L10nBundle = Record<string, string>;

/** The environment variable that picks the CLI's language when no --locale is given. */
export const LOCALE_ENV = 'DESIGN_SNAPSHOT_LOCALE';

/**
 * Takes --locale X (or --locale=X) out of the arguments, wherever it stands: it applies to every command.
 * Returns the arguments left and the locale asked for (the flag, else DESIGN_SNAPSHOT_LOCALE).
 */
export function takeLocale(argv: string[], env: Record<string, string | undefined>): { argv: string[]; locale: string | undefined } {
  const rest: string[] = [];
  let locale: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--locale') locale = argv[++i] ?? '';
    else if (a.startsWith('--locale=')) locale = a.slice('--locale='.length);
    else rest.push(a);
  }
  return { argv: rest, locale: locale ?? (env[LOCALE_ENV] || undefined) };
}

function readBundle(dir: string, locale: string): L10nBundle | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(dir, `bundle.l10n.${locale}.json`), 'utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as L10nBundle) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Loads the bundle of `locale` ("de-CH" falls back to "de") from `<packageRoot>/l10n`, or English for none or "en".
 * Returns the bundle (for worker threads, which load it too) and whether the locale asked for has none.
 */
export function useLocale(locale: string | undefined, packageRoot: string): { bundle: L10nBundle | undefined; missing: boolean } {
  const wanted = locale?.trim().toLowerCase();
  const dir = join(packageRoot, 'l10n');
  let bundle: L10nBundle | undefined;
  if (wanted && !/^en(-|$)/.test(wanted) && /^[a-z0-9-]+$/.test(wanted)) {
    bundle = readBundle(dir, wanted) ?? (wanted.includes('-') ? readBundle(dir, wanted.split('-')[0] as string) : undefined);
  }
  // Always configured, so a second run in the same process (the tests) never keeps the previous language.
  useTranslations(bundle ?? {});
  return { bundle, missing: !!wanted && !/^en(-|$)/.test(wanted) && !bundle };
}
