// Runs in the preview webview, before any other of its modules (preview.ts imports it first): configures
// @vscode/l10n with the translations the host embedded in the page, so every l10n.t call of the webview, and of the
// core code it bundles (mermaid-errors' explanations), speaks VS Code's display language from the first render on.
// No bundle (English, or unreadable data) leaves l10n.t returning its English message.
import type { l10nJsonFormat } from '@vscode/l10n';
import { useTranslations } from '../core/wording.js';

const data = document.getElementById('l10n-bundle')?.textContent;
if (data) {
  try {
    const contents: unknown = JSON.parse(data);
    if (contents && typeof contents === 'object' && !Array.isArray(contents)) useTranslations(contents as l10nJsonFormat);
  } catch {
    // Not JSON: the preview stays in English rather than not showing at all.
  }
}
