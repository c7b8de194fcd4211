// Runs in the VS Code extension host: the "Snapshot Review" tree — the active snapshot's scorecard, one node per
// review dimension with the findings behind it, refreshed whenever the snapshot is linted again.
import * as vscode from 'vscode';
import { scorecard, type Dimension, type Finding, type Scorecard } from '../core/index.js';
import { toRange, type DiagnosticsController } from './diagnostics.js';
import { plainText } from './plain-text.js';
import { statusName } from '../shared/review-words.js';

export const SCORECARD_VIEW = 'designSnapshot.scorecard';

export type ScorecardNode = { kind: 'dimension'; uri: vscode.Uri; dimension: Dimension } | { kind: 'finding'; uri: vscode.Uri; finding: Finding };

const ICONS: Record<Dimension['status'], vscode.ThemeIcon> = {
  covered: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  thin: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  missing: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  'not-applicable': new vscode.ThemeIcon('circle-slash'),
};

export class ScorecardView implements vscode.TreeDataProvider<ScorecardNode>, vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<ScorecardNode | undefined>();
  readonly onDidChangeTreeData = this.#changed.event;
  readonly #disposables: vscode.Disposable[] = [];
  readonly view: vscode.TreeView<ScorecardNode>;
  /** The scorecard the tree shows, and the published findings it was computed from; undefined when no snapshot is active. */
  #card: { uri: vscode.Uri; findings: readonly Finding[]; card: Scorecard } | undefined;

  constructor(readonly controller: DiagnosticsController) {
    this.view = vscode.window.createTreeView(SCORECARD_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.#disposables.push(
      this.view,
      this.#changed,
      controller.onDidLint((uri) => {
        if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.refresh();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
    );
    // Nothing is linted yet: the tree starts empty, and the first lint of the active snapshot fills it.
  }

  /** The scorecard shown now (for tests and commands). */
  get current(): Scorecard | undefined {
    return this.#card?.card;
  }

  /** Recomputes from the active snapshot's last published lint (nothing is parsed again) and tells the tree. */
  refresh(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const state = doc ? this.controller.state(doc.uri) : undefined;
    if (!doc || !state) {
      this.#card = undefined;
      this.view.description = undefined;
    } else if (this.#card?.findings !== state.findings) {
      const card = scorecard(state.analysis, state.findings);
      this.#card = { uri: doc.uri, findings: state.findings, card };
      const { covered, thin, missing } = card.summary;
      this.view.description = vscode.l10n.t('{0} covered · {1} thin · {2} missing', covered, thin, missing);
    }
    this.#changed.fire(undefined);
  }

  getChildren(node?: ScorecardNode): ScorecardNode[] {
    const card = this.#card;
    if (!card) return [];
    if (!node) return card.card.dimensions.map((dimension) => ({ kind: 'dimension', uri: card.uri, dimension }));
    if (node.kind === 'dimension') return node.dimension.findings.map((finding) => ({ kind: 'finding', uri: node.uri, finding }));
    return [];
  }

  getTreeItem(node: ScorecardNode): vscode.TreeItem {
    if (node.kind === 'dimension') {
      const d = node.dimension;
      const item = new vscode.TreeItem(d.title, d.findings.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = `${node.uri.toString()}#${d.id}`;
      item.description = `${statusName(d.status)} — ${plainText(d.reason)}`;
      item.iconPath = ICONS[d.status];
      const about = vscode.l10n.t('{0}: {1} ({2})', d.title, statusName(d.status), plainText(d.reason));
      item.tooltip = d.sections.length ? `${about}\n${vscode.l10n.t('Sections: {0}', d.sections.join(', '))}` : about;
      item.contextValue = `dimension.${d.status}`;
      return item;
    }
    const f = node.finding;
    const item = new vscode.TreeItem(plainText(f.message.replace(/;.*$/s, '')), vscode.TreeItemCollapsibleState.None);
    const where = vscode.l10n.t('line {0} · {1}', f.range.start.line + 1, f.ruleId);
    item.description = f.topic ? `${where} (${f.topic})` : where;
    item.tooltip = new vscode.MarkdownString(`${f.message}\n\n[${f.ruleId}](${f.docs})`);
    item.iconPath = new vscode.ThemeIcon(f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'info');
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Go to finding'), arguments: [node.uri, { selection: toRange(f.range) }] };
    return item;
  }

  dispose(): void {
    for (const d of this.#disposables) d.dispose();
  }
}
