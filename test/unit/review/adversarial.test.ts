import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText } from '../../../src/core/index.js';
import { fixture } from '../helpers.js';

/**
 * Inputs an adversarial read of the review rules wrote against a change that read more words (test/fixtures/
 * review-adversarial: each says in its opening comment what went wrong). Each keeps the reading a reviewer gives it: the
 * finding named is absent (a good design in other words) or present (a real gap the change had hidden).
 */
const CASES: Array<[file: string, finding: RegExp, present: boolean]> = [
  ['01-once-in-production-drift', /^topic-missing\[drift-monitoring\]/, false],
  ['02-once-release-live-rollback', /^topic-missing\[rollback\]/, false],
  ['03-once-we-go-live-ab-test', /^red-flag-eval-plan/, false],
  ['04-once-we-know-tenant-safety', /^red-flag-safety: .*data leakage/, false],
  ['05-once-campaign-live-monitoring', /^red-flag-eval-plan/, false],
  ['06-will-be-agreed-thresholds-drift', /^topic-missing\[drift-monitoring\]/, false],
  ['07-label-no-manual-steps-rollback', /^topic-missing\[rollback\]/, false],
  ['08-label-no-manual-checks-drift', /^topic-missing\[drift-monitoring\]/, false],
  ['09-label-release-bar-no-ships', /^red-flag-eval-plan/, false],
  ['10-so-drift-is-caught-exclusion', /^topic-missing\[drift-monitoring\]/, false],
  ['11-grounding-never-come-straight', /^red-flag-grounding/, false],
  ['12-grounding-answered-directly-from-tool', /^red-flag-grounding/, false],
  ['13-grounding-small-talk-directly', /^red-flag-grounding/, false],
  ['14-fm-runbook-column-fallback-ignored', /^red-flag-failure-modes/, false],
  ['15-fm-inferred-column-any-text-counts', /^red-flag-failure-modes: Failure mode "Ranker quietly favours out-of-stock items"/, true],
  ['16-fm-inferred-column-we-would-hear', /^red-flag-failure-modes: Failure mode "Ranker quietly favours out-of-stock items"/, true],
  ['17-past-trial-sentence-holds-release-gate', /^red-flag-eval-plan/, false],
  ['18-not-reviewed-sampling-plan', /^red-flag-eval-plan/, false],
  ['19-must-approve-prompt-hides-tool-risk', /^red-flag-safety: .*unsafe tool execution/, true],
  ['20-zero-purchases-counts-as-cold-start', /^topic-missing\[cold-start\]/, true],
  ['21-duplicate-impressions-not-dq', /^topic-missing\[data-quality\]/, false],
  ['22-diagram-gpu-sum-mixed-types', /^number-consistency: The GPU count/, false],
  ['23-diagram-per-pod-box-hides-mismatch', /^number-consistency: The GPU count/, true],
  ['24-summary-cost-ignored', /^number-consistency: The monthly cost/, true],
  ['25-share-in-parens-hides-volume', /^number-consistency: The volume/, true],
  ['26-bound-without-cost-word-dropped', /^number-consistency: The monthly cost/, true],
  ['27-gbp-compared-with-usd', /^number-consistency: The monthly cost/, false],
  ['28-weekly-active-users-vs-daily', /^number-consistency: The user count/, false],
  ['29-every-day-retraining-window', /^number-consistency: The volume/, false],
  ['30-across-the-4-regions-makes-region-whole', /^number-consistency: The request rate/, false],
  ['31-up-to-qps-read-as-sustain', /^number-consistency: The request rate/, false],
];

test('review rules: the adversarial inputs keep the reading a reviewer gives them', () => {
  const wrong: string[] = [];
  for (const [file, finding, present] of CASES) {
    const found = lintText(fixture(`review-adversarial/${file}.md`)).map((f) => `${f.ruleId}${f.topic ? `[${f.topic}]` : ''}: ${f.message}`);
    if (found.some((f) => finding.test(f)) !== present) wrong.push(`${file}: expected ${present ? 'a' : 'no'} finding ${finding}`);
  }
  assert.deepEqual(wrong, []);
});
