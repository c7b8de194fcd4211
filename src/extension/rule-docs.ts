// Runs in the VS Code extension host: a rule's page always opens rendered (the Markdown preview), never as the
// editable source in the extension's folder, whether from the Problems view, a hover or the command.
import * as vscode from 'vscode';

export const SHOW_RULE_DOCUMENTATION = 'designSnapshot.showRuleDocumentation';

/**
 * The link a diagnostic's code carries: a command URI running Show Rule Documentation. The Problems view and the
 * diagnostic hover open code links with commands allowed, so the page opens rendered rather than as a text file.
 */
export function ruleDocsLink(ruleId: string): vscode.Uri {
  return vscode.Uri.parse(`command:${SHOW_RULE_DOCUMENTATION}?${encodeURIComponent(JSON.stringify([ruleId]))}`);
}

/** Opens the rule's page in the Markdown preview beside the editor (the snapshot stays in view); the source file is never shown. */
export async function showRulePage(extensionUri: vscode.Uri, ruleId: string): Promise<void> {
  // Rule ids are kebab-case words; anything else is no page of ours.
  if (!/^[a-z][a-z0-9-]*$/.test(ruleId)) return;
  await vscode.commands.executeCommand('markdown.showPreviewToSide', vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`));
}
