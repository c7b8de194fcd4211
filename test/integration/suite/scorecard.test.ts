// Runs inside the VS Code extension host: the Snapshot Review tree follows the active snapshot and its edits.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ScorecardNode, ScorecardView } from '../../../src/extension/scorecard-view.js';
import { api, open, workspaceUri, write } from './helpers.js';

const SNAPSHOT = `---
title: Reply drafts
status: review
pattern: rag
---
# Reply drafts

## Context
Agents at our help desk write 70,000 replies a week; most restate what the knowledge base already says about plans, roaming and billing errors, yet each reply takes about five minutes to write.

## Requirements
- Propose a reply draft for an open ticket, grounded in knowledge-base articles, linked underneath.
- Draft ready within 4 s of opening a ticket (p90).

## Capacity estimates
- Load: 70,000 tickets/week ÷ 144,000 s ≈ 0.49 drafts/s.
- Cost: 14,000 drafts/day × 5,000 tokens × $0.6 ÷ 1M ≈ $42/day.

## Architecture
\`\`\`mermaid
flowchart LR
  desk[Help desk] --> drafter[Draft service]
  drafter --> search[(KB search index)]
  drafter --> llm[LLM]
\`\`\`

## Data and model design
Articles are split by section and embedded nightly; the index is refreshed within an hour of an article edit. The hosted model gets the five best sections and the ticket, and is told to use nothing else.

## Failure modes
| Failure | Detection | Mitigation | User impact |
| --- | --- | --- | --- |
| Search finds nothing | top score below threshold | show article suggestions only | agent writes by hand |
| LLM too slow | p90 > 6 s | drop the draft | no draft |
| Article outdated | edit newer than index | reindex on edit | older wording |

## Evaluation
Offline: 300 past tickets with the replies senior agents sent; drafts judged for correctness (≥ 90% to ship). Online: A/B test on 10% of agents, watching edit distance and handle time.

## Safety and security
Customer names are masked before the LLM; ticket text is treated as data, never as instructions.

## Trade-offs
Canned responses cannot adapt to a ticket that mixes issues.
`;

function roots(view: ScorecardView): Array<Extract<ScorecardNode, { kind: 'dimension' }>> {
  return view.getChildren().filter((n): n is Extract<ScorecardNode, { kind: 'dimension' }> => n.kind === 'dimension');
}

/** Resolves when the tree's dimensions satisfy `predicate`; checks now, then on every change of the tree. */
function treeWhere(view: ScorecardView, predicate: (dims: ReturnType<typeof roots>) => boolean, what: string, timeoutMs = 20_000): Promise<ReturnType<typeof roots>> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const dims = roots(view);
      if (!predicate(dims)) return;
      sub.dispose();
      clearTimeout(timer);
      resolve(dims);
    };
    const sub = view.onDidChangeTreeData(() => check());
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}; tree: ${roots(view).map((d) => `${d.dimension.id}=${d.dimension.status}`).join(', ') || 'empty'}`));
    }, timeoutMs);
    check();
  });
}

const statusOf = (dims: ReturnType<typeof roots>, id: string): string | undefined => dims.find((d) => d.dimension.id === id)?.dimension.status;

describe('Snapshot Review tree', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the review dimensions of the open snapshot, and updates after an edit', async () => {
    const { scorecard } = await api();
    const uri = workspaceUri('docs', 'design', 'review-tree.md');
    await write(uri, SNAPSHOT);
    const editor = await open(uri);
    const dims = await treeWhere(scorecard, (d) => d.length === 9 && statusOf(d, 'evaluation') === 'covered', 'the scorecard of the open snapshot');
    assert.deepEqual(
      dims.map((d) => scorecard.getTreeItem(d).label),
      ['Requirements', 'Estimates', 'Architecture', 'Data and model', 'Failure modes', 'Evaluation', 'Safety', 'Cost and latency', 'Trade-offs'],
    );
    assert.equal(statusOf(dims, 'safety'), 'covered');
    assert.match(String(scorecard.getTreeItem(dims[5] as ScorecardNode).description), /^covered/);

    // "We will test it" is not an evaluation plan: the tree turns Evaluation thin, with the red flag under it.
    const text = editor.document.getText();
    const from = text.indexOf('Offline: 300 past tickets');
    const to = text.indexOf('\n', from);
    await editor.edit((b) => b.replace(new vscode.Range(editor.document.positionAt(from), editor.document.positionAt(to)), 'We will test it with a few tickets before launch.'));
    const after = await treeWhere(scorecard, (d) => statusOf(d, 'evaluation') === 'thin', 'Evaluation thin after the edit');
    const evaluation = after.find((d) => d.dimension.id === 'evaluation');
    assert.ok(evaluation);
    const children = scorecard.getChildren(evaluation);
    assert.ok(
      children.some((c) => c.kind === 'finding' && c.finding.ruleId === 'red-flag-eval-plan'),
      children.map((c) => (c.kind === 'finding' ? c.finding.ruleId : '')).join(', '),
    );
    const item = scorecard.getTreeItem(children.find((c) => c.kind === 'finding' && c.finding.ruleId === 'red-flag-eval-plan') as ScorecardNode);
    assert.equal(item.command?.command, 'vscode.open', 'a finding opens its place in the snapshot');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('is empty when the active editor is not a snapshot', async () => {
    const { scorecard } = await api();
    await open(workspaceUri('README.md'));
    await treeWhere(scorecard, (d) => d.length === 0, 'an empty tree for a README');
  });
});
