import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText } from '../../../src/core/index.js';
import { at, fixture, lintFixture } from '../helpers.js';

const RULE = 'number-consistency';

test('number-consistency: targets met with headroom, per-replica GPUs, growth, load tests, thresholds and alternatives pass', () => {
  assert.deepEqual(lintFixture('rules/number-consistency/ok.md', RULE), []);
});

test('number-consistency: users, cost, latency budget, peak rate and GPUs that disagree are reported at the later statement', () => {
  const found = lintFixture('rules/number-consistency/not-ok.md', RULE);
  assert.deepEqual(found.map(at), ['18:9 warning', '20:37 warning', '23:3 warning', '28:1 warning', '36:16 warning']);
  const [users, cost, latency, rate, gpus] = found.map((f) => f.message);
  assert.match(users ?? '', /user count \(dau\) disagrees across sections: "Capacity estimates" states "1M DAU", but "Context" states "2M DAU" \(line 9\)/);
  assert.match(cost ?? '', /"\$43,800\/month", above the limit "under \$20k\/month" set in "Requirements" \(line 15\)/);
  assert.match(latency ?? '', /latency budget \(3 stages adding up to 340 ms\), above the limit "p99 < 200 ms" set in "Requirements" \(line 13\)/);
  assert.match(rate ?? '', /peak = 580 req\/s, above the capacity "300 QPS"/);
  assert.match(gpus ?? '', /the diagram states "8× A100", but "Capacity estimates" states gpus = 24 GPU \(line 29\)/);
});

test('number-consistency: the tolerance is the estimate tolerance', () => {
  const text = fixture('rules/number-consistency/not-ok.md').replace('2M DAU', '1.1M DAU');
  assert.equal(lintText(text).filter((f) => f.ruleId === RULE && /user count/.test(f.message)).length, 0);
  assert.equal(lintText(text, { tolerance: 0.05 }).filter((f) => f.ruleId === RULE && /user count/.test(f.message)).length, 1);
});

test('number-consistency: a latency budget written as one calculation is compared too', () => {
  const text = fixture('rules/number-consistency/ok.md').replace('- Cost: 32 GPUs', '- Latency: 80 ms + 250 ms + 150 ms = 480 ms end to end at p99.\n- Cost: 32 GPUs');
  assert.deepEqual(lintText(text).filter((f) => f.ruleId === RULE).map(at), ['21:38 warning']);
});

test('number-consistency: average and peak, p50 and p99, one region and the whole, reads and writes, before and after the cache, year 1 and year 3 are different quantities', () => {
  assert.deepEqual(lintFixture('rules/number-consistency/scopes-ok.md', RULE), []);
});

test('number-consistency: a stage table adding up past the target, a cost over the ceiling and a GPU count the diagram contradicts are reported', () => {
  const found = lintFixture('rules/number-consistency/tables-not-ok.md', RULE);
  assert.deepEqual(found.map(at), ['22:1 warning', '28:37 warning', '35:13 warning']);
  assert.match(found[0]?.message ?? '', /latency \(p99\) disagrees across sections: the latency budget \(4 stages adding up to 950 ms\), above the limit "under 800 ms" set in "Requirements" \(line 13\)/);
  assert.match(found[2]?.message ?? '', /the diagram states "8x L4", but "Capacity estimates" states "25 GPUs" \(line 27\)/);
});

test('number-consistency: stages that run in parallel, or rows that are alternatives (endpoints, models), do not add up', () => {
  const base = fixture('rules/number-consistency/tables-not-ok.md');
  const parallel = base.replace('| Reranking | 150 ms |', '| Reranking (in parallel with search) | 150 ms |');
  assert.deepEqual(lintText(parallel).filter((f) => f.ruleId === RULE && /latency/.test(f.message)), []);
  const endpoints = base.replace('| Stage | p99 latency |', '| Endpoint | p99 latency |');
  assert.deepEqual(lintText(endpoints).filter((f) => f.ruleId === RULE && /latency/.test(f.message)), []);
});

test('number-consistency: a table of stages with a total row is read at its total; a cost table is read at its total or sum', () => {
  const base = fixture('rules/number-consistency/tables-not-ok.md');
  const total = base.replace('| Generation (streamed, first 120 tokens) | 700 ms |', '| Generation (streamed, first 120 tokens) | 500 ms |\n| Total | 750 ms |');
  assert.deepEqual(lintText(total).filter((f) => f.ruleId === RULE && /latency/.test(f.message)), []);
  const over = base.replace('| Generation (streamed, first 120 tokens) | 700 ms |', '| Generation (streamed, first 120 tokens) | 500 ms |\n| Total | 900 ms |');
  assert.match(lintText(over).filter((f) => f.ruleId === RULE && /latency/.test(f.message))[0]?.message ?? '', /the latency budget \(its total, 900 ms\), above the limit "under 800 ms"/);
  const costs = base.replace('- Cost: 25 GPUs × $1.2/hr × 730 h ≈ $21,900/month.', 'Monthly cost:\n\n| Item | Cost |\n| --- | --- |\n| GPUs | $9,000/month |\n| Vector DB | $2,500/month |\n| Logging | $1,500/month |');
  const found = lintText(costs).filter((f) => f.ruleId === RULE && /cost/.test(f.message));
  assert.deepEqual(found.map((f) => f.message.slice(0, 120)), []);
  const dearer = costs.replace('$9,000/month', '$14,000/month');
  assert.match(lintText(dearer).filter((f) => f.ruleId === RULE && /cost/.test(f.message))[0]?.message ?? '', /the cost table \(3 items adding up to \$18,000\/month\), above the limit "under \$15k\/month"/);
});

test('number-consistency: volumes (logins a second, reviews a quarter, accounts a day), a capacity sized below the requirement, a budget for one stage and the design\'s cost among the trade-offs are compared', () => {
  const found = lintFixture('rules/number-consistency/volumes-not-ok.md', RULE);
  assert.deepEqual(found.map(at), ['16:19 warning', '17:76 warning', '19:21 warning', '25:1 warning', '42:28 warning']);
  assert.match(found[1]?.message ?? '', /volume \(peak\) disagrees across sections: "Capacity estimates" states "4,200 logins\/s", but "Requirements" states "9,000 login attempts\/s" \(line 12\)/);
  assert.match(found[3]?.message ?? '', /the latency budget \(its total, 50 ms\), above the limit "p99 40 ms" set in "Requirements" \(line 13\)/);
  assert.match(found[4]?.message ?? '', /"Cost" states "\$14k", but "Trade-offs" states "\$9k" \(line 39\)/);
});

test('number-consistency: agreeing volumes, a share of a volume, a capacity above the requirement, GPUs needed before headroom and an alternative\'s cost pass', () => {
  const text = fixture('rules/number-consistency/volumes-not-ok.md')
    .replace('about 900k new accounts/day', 'about 1.2M new accounts/day')
    .replace('we size for ≈ 4,200 logins/s peak', 'we provision for 12,000 logins/s peak')
    .replace('Security reviews: 60 reviews/month.', 'Security reviews: 100 reviews/month.')
    .replace('| **Total** | **50 ms** |', '| **Total** | **40 ms** |')
    .replace('| Model scoring | 20 ms |', '| Model scoring | 10 ms |')
    .replace('about $9k a month', 'about $14k a month');
  assert.deepEqual(lintFixture('rules/number-consistency/volumes-not-ok.md', RULE).length, 5);
  assert.deepEqual(lintText(text).filter((f) => f.ruleId === RULE).map((f) => f.message.slice(0, 120)), []);
});

test('number-consistency: a count for one of many ("40 questions each per day") is not the total; a range on a diagram ("2-5 × H100") is not one count', () => {
  const text = fixture('rules/number-consistency/volumes-not-ok.md');
  const messages = (t: string): string[] => lintText(t).filter((f) => f.ruleId === RULE).map((f) => f.message);
  const base = messages(text).length;
  // Each analyst's questions beside the team's total: no new finding. The same figure as a total disagrees.
  const perOne = text.replace('- Security reviews: 60 reviews/month.', '- Security reviews: 60 reviews/month.\n- 220 analysts ask about 40 questions each per day; 220 × 40 = 8,800 questions/day.').replace('## Trade-offs\n', '## Trade-offs\nAnalysts send 8,800 questions/day today.\n');
  assert.equal(messages(perOne).length, base);
  assert.equal(messages(perOne.replace('Analysts send 8,800 questions/day today.', 'Analysts send 40 questions/day today.')).length, base + 1);
  // A pool drawn as "2-8x L4" (autoscaled between two counts) beside 25 GPUs in the estimates: a range, not a count
  // that disagrees; drawn as "8x L4" it does.
  const tables = fixture('rules/number-consistency/tables-not-ok.md');
  const gpus = (t: string): string[] => messages(t).filter((m) => m.includes('GPU count'));
  assert.equal(gpus(tables).length, 1);
  assert.deepEqual(gpus(tables.replace('8x L4', '2-8x L4')), []);
  assert.deepEqual(gpus(tables.replace('8x L4', '2 to 8x L4')), []);
});

test('number-consistency: GPU-hours are not a GPU count; a peak set earlier in the sentence is not a weekly total', () => {
  const doc = (estimates: string): string => `---\ntitle: T\npattern: rag\nstatus: review\n---\n# T\n\n## Requirements\n- About 60 questions a week from 180 staff.\n\n## Capacity estimates\n${estimates}\n\n## Architecture\n\`\`\`mermaid\nflowchart LR\n  a[Trainer: 4 x A100] --> b[Index]\n\`\`\`\n`;
  const nc = (text: string): string[] => lintText(text).filter((f) => f.ruleId === 'number-consistency').map((f) => f.message.slice(0, 40));
  assert.deepEqual(nc(doc('- Training: 4 × A100 for ~14 h per run ≈ 56 GPU-hours ≈ £170 a run.\n- Peak is the Monday of a new programme: perhaps 25 questions in an hour.')), []);
  // The same figures stated as what they are not are still compared.
  assert.equal(nc(doc('- Training needs 56 GPUs.\n- Load: about 250 questions a week.')).length, 2);
});

/** A snapshot with the sections given (heading → body), in order. */
function snapshot(sections: Record<string, string>, pattern = 'agent'): string {
  return `---\ntitle: T\npattern: ${pattern}\nstatus: review\n---\n# T\n\n${Object.entries(sections).map(([h, body]) => `## ${h}\n${body}\n`).join('\n')}`;
}
const consistency = (text: string): string[] => lintText(text).filter((f) => f.ruleId === RULE).map((f) => f.message);

test('number-consistency: an alert threshold, a tool rule on money, a share of another volume and GPUs drawn on several boxes are not the figures they resemble', () => {
  // An alert threshold is a bound the estimate keeps under, not another estimate of the cost.
  assert.deepEqual(consistency(snapshot({ Estimates: '- Total ≈ $2,400/month.', 'Cost and latency': '- Budget alert at $3,000/month.' })), []);
  assert.equal(consistency(snapshot({ Estimates: '- Total ≈ $3,600/month.', 'Cost and latency': '- Budget alert at $3,000/month.' })).length, 1);
  // A bound on money in a tool's rules is not the system's cost.
  const tools = snapshot({ Architecture: '| Tool | Limits |\n| --- | --- |\n| `license_request` | catalogue items ≤ $30/month auto-approved |', Estimates: '- Large-model cost ≈ $300/month.' });
  assert.deepEqual(consistency(tools), []);
  // A volume said as a share of another is a part of it.
  const share = snapshot({ Requirements: '- Moderator capacity: 45 FTE ≈ 35k reviews/day.', Architecture: '- The blind random sample costs ~1,800 moderator reviews a day (~5% of capacity).' }, 'content-moderation');
  assert.deepEqual(consistency(share), []);
  // GPUs on two boxes add up; a box counted per replica leaves the diagram's total unread.
  const diagram = (a: string, b: string): string =>
    snapshot({ Estimates: '- GPUs: 16 × H100 in total.', Architecture: `\`\`\`mermaid\nflowchart LR\n  R[Router] --> S[${a}]\n  R --> L[${b}]\n\`\`\`` }, 'llm-serving');
  assert.deepEqual(consistency(diagram('8B model, 8 x H100', '70B model, 8 x H100')), []);
  assert.deepEqual(consistency(diagram('8B model, 8 x H100', '70B, 2 replicas x TP4 = 8 x H100')), []);
  assert.match(consistency(diagram('8B model, 8 x H100', '70B model, 16 x H100')).join('\n'), /GPU count disagrees/);
});

test('number-consistency: a peak the requirements say comes "up to", money in euros, users with words before the unit, counts "every day" and figures before an arrow are read', () => {
  const peak = snapshot({ Requirements: '- Peak load: up to 120 QPS during an outage.', Architecture: 'Capacity: the cluster is sized for a 60 QPS peak.' }, 'rag');
  assert.match(consistency(peak).join('\n'), /request rate \(peak\) disagrees/);
  const euros = snapshot({ Estimates: '- ~4,000 conversations/day → ~€18,000/month for model usage.', 'Cost and latency': '- Monthly model spend: ≈ €27,000 at current pricing.' }, 'chatbot');
  assert.match(consistency(euros).join('\n'), /monthly cost disagrees/);
  const users = snapshot({ Requirements: '- About 2.1M daily active users.', Estimates: '- 1.4M DAU × ~3 loads/day ≈ 4.2M loads/day.' }, 'recsys');
  assert.match(consistency(users).join('\n'), /user count \(dau\) disagrees/);
  const orders = snapshot({ Requirements: '- ~3,200 work orders every day across the 4 regions.', Estimates: '- 2,100 work orders/day in total.' });
  assert.match(consistency(orders).join('\n'), /volume disagrees/);
  const arrow = snapshot({ Requirements: '- ~180,000 invoices per month.', Estimates: '- 120,000 invoices/month → ~5,500 per working day; month-end peaks of ~1,200 per hour.' }, 'doc-processing');
  assert.match(consistency(arrow).join('\n'), /volume disagrees/);
});

test('number-consistency: prices in the problem statement are not the design\'s cost', () => {
  const text = snapshot({ Problem: 'The app has 2.4M subscribers on monthly (€12.99) and annual (€89.99) plans.', Cost: '- Monthly training and weekly scoring: ~€600/month.' }, 'recsys');
  assert.deepEqual(consistency(text), []);
});

test('number-consistency: a range, a price of one thing, a cost before caching, what is left after a filter and a day\'s count beside a rate of the moment are not the figures they resemble', () => {
  assert.deepEqual(consistency(snapshot({ Cost: '- ≈ $2k per month infra.', 'Trade-offs': '- The exploration sample costs real fraud losses (estimated $15–25k per month), accepted as the price of unbiased labels.' }, 'fraud-detection')), []);
  assert.deepEqual(consistency(snapshot({ Estimates: '- OCR ≈ $21 per month; LLM ≈ $110 per month.', Cost: '- ≈ $130 per month for OCR and LLM together, ≈ $0.03 per report.' }, 'doc-processing')), []);
  assert.deepEqual(consistency(snapshot({ Estimates: '| Item | Value |\n| --- | --- |\n| Cost before caching | ≈ $7.6k / month |\n| Cost with 30% cache hits | ≈ $5.3k / month |', Cost: '- ≈ $5.3k per month with caching.' }, 'rag')), []);
  assert.deepEqual(consistency(snapshot({ Problem: 'Our SOC receives ~9,000 SIEM alerts per day after deduplication.', Estimates: '- Pre-filter handles ~45% of alerts.\n- Remaining ~5,000 alerts/day × ~6 model calls.' })), []);
  assert.deepEqual(consistency(snapshot({ Problem: 'Readers post about 180,000 comments per day.', Architecture: '- The classifier tier is sized for 300 comments/s at peak.' }, 'content-moderation')), []);
  // The same figures where they are the same quantity still disagree.
  assert.match(consistency(snapshot({ Problem: 'Our SOC receives ~9,000 SIEM alerts per day after deduplication.', Estimates: '- ~5,000 alerts/day × ~6 model calls.' })).join('\n'), /volume disagrees/);
  assert.match(consistency(snapshot({ Problem: 'Readers post about 180,000 comments per day.', Architecture: '- On average 4 comments/s reach the classifier.' }, 'content-moderation')).join('\n'), /volume \(avg\) disagrees/);
});

test('number-consistency: per-node words belong to the figure of their own comma-separated part, not to a GPU total beside them', () => {
  const row = (cell: string): string => snapshot({ Estimates: `| Item | Value |\n| --- | --- |\n| GPUs | ${cell} |`, Cost: '- 12× H100 at $2.10/GPU-hour (reserved) → 12 × 730 = 8,760 GPU-hours ≈ $18,400/month.' }, 'llm-serving');
  assert.match(consistency(row('→ 8× H100 (80 GB) across 2 nodes, TP=4, one replica per node')).join('\n'), /GPU count disagrees/);
  assert.match(consistency(row('16 GPUs, 2 per replica')).join('\n'), /GPU count disagrees/);
  // A count per node is still no total.
  assert.deepEqual(consistency(row('8 H100s per node, 2 nodes')), []);
  assert.deepEqual(consistency(row('4× H100 per replica')), []);
});

test('number-consistency: a level named among a calculation\'s results is not the level of its inputs', () => {
  const hires = (n: string): string => snapshot({ Requirements: '- About 900 new hires per month.', Estimates: `- ${n} new hires/month × ~30 turns ≈ 42,000 turns/month, ~1,400 turns/day, peak maybe 5 turns/s on Mondays.` }, 'agent');
  assert.match(consistency(hires('1,400')).join('\n'), /volume disagrees/);
  assert.deepEqual(consistency(hires('900')), []);
});

test('number-consistency: a figure after "per" is what another figure is counted by, not a level of its own', () => {
  const sized = (cost: string): string => snapshot({ Scale: '- Global peak: ~22k requests/s (Friday evening).', Cost: `- Ranker inference on CPU (ONNX, int8): ${cost}, ~2,100 vCPU globally.` }, 'recsys');
  assert.deepEqual(consistency(sized('~95 vCPU per 1k requests/s → ~850 vCPU for the EU peak')), []);
  assert.match(consistency(sized('~95 vCPU at 1k requests/s → ~850 vCPU for the EU peak')).join('\n'), /request rate \(peak\) disagrees/);
});

test('number-consistency: a level word after "×" is the next factor\'s, and one after "rising to" the next level\'s', () => {
  const intake = (estimate: string): string => snapshot({ Requirements: '- Volume to support: 6,000 submissions per month, rising to ~8,000 in the renewal peak months.', Estimates: `- ${estimate} ≈ 180k pages/month.` }, 'doc-processing');
  assert.match(consistency(intake('4,000 submissions/month × ~45 pages average')).join('\n'), /volume disagrees/);
  assert.deepEqual(consistency(intake('6,000 submissions/month × ~30 pages average')), []);
});

test('number-consistency: GPUs for training or tuning are not the serving fleet', () => {
  const gpus = (approach: string): string => snapshot({ Approach: `- ${approach}`, Cost: '- Serving: 22 H100s at full use on Monday mornings.' }, 'doc-processing');
  assert.deepEqual(consistency(gpus('LoRA fine-tune, 3 epochs, 8×H100, ~14 hours per run.')), []);
  assert.deepEqual(consistency(gpus('Training: 2 epochs on 4 × A100, about 9 hours.')), []);
  assert.match(consistency(gpus('The extractor is served from 8×H100.')).join('\n'), /GPU count disagrees/);
});

test('number-consistency: a stage table whose unit is in the column header adds up', () => {
  const table = (pdmp: string): string =>
    snapshot({ Requirements: '- Scoring at fill entry: **p95 ≤ 300 ms** end to end.', 'Serving path and latency budget': `| Step (p95) | ms |\n|---|---|\n| Feature fetch | 30 |\n| PDMP lookup | ${pdmp} |\n| Model | 18 |` }, 'fraud-detection');
  assert.match(consistency(table('360')).join('\n'), /latency budget \(3 stages adding up to 408 ms\)/);
  assert.deepEqual(consistency(table('200')), []);
});

test('number-consistency: a load level in a later clause with a figure of its own is that figure\'s', () => {
  const photos = (volume: string): string => snapshot({ Requirements: `- Volume: ${volume} photos/day across 140 active sites; peak ~900/hour at the end of the day shift.`, Estimates: '- 2,500 photos/day → ~15% to the VLM ≈ 375 VLM calls/day.' }, 'content-moderation');
  assert.match(consistency(photos('6,000')).join('\n'), /volume disagrees/);
  assert.deepEqual(consistency(photos('2,500')), []);
  // A clause without a figure still sets the level of the one before it.
  assert.deepEqual(consistency(snapshot({ Requirements: '- Volume: 6,000 photos/day — at peak, on the first Monday of the month.', Estimates: '- 2,500 photos/day → ~15% to the VLM ≈ 375 VLM calls/day.' }, 'content-moderation')), []);
});

test('number-consistency: a figure measured on an approach tried before is not the design\'s', () => {
  const tried = (sentence: string): string => snapshot({ Requirements: '- Inline check before a message is broadcast: p95 ≤ 30 ms added latency.', Design: `- ${sentence}` }, 'content-moderation');
  assert.deepEqual(consistency(tried('We tried a zero-shot LLM for stage 1 on a day of replayed traffic: quality was fine, p95 was 900 ms.')), []);
  assert.match(consistency(tried('Stage 1 on a day of replayed traffic: quality was fine, p95 was 900 ms.')).join('\n'), /latency \(p95\) disagrees/);
});

test('number-consistency: a heading that serves two sections holds its figures once', () => {
  const doc = '---\ntitle: T\npattern: agent\nstatus: review\n---\n# T\n\n## Goals\n- First draft of an itinerary in under 20 s p95; each refinement in under 8 s p95.\n\n## Design\nA planner calls supplier tools.\n';
  assert.deepEqual(consistency(doc), []);
});

test('number-consistency: what a step leaves, a rate per pod or per reader, and a share computed from a peak are not the figures they resemble', () => {
  const alerts = (estimate: string): string => snapshot({ Problem: 'Our SOC receives about 14,000 alerts a day from EDR and email security.', Estimates: `- ${estimate}` }, 'agent');
  assert.deepEqual(consistency(alerts('About 70% are duplicates, collapsed without the model. That leaves ~4,200 alerts/day for the agent.')), []);
  assert.match(consistency(alerts('The agent sees ~4,200 alerts/day.')).join('\n'), /volume disagrees/);
  const pods = (capacity: string): string => snapshot({ Requirements: '- Peak 1,900 req/s on the home feed.', Capacity: `- ${capacity}` }, 'recsys');
  assert.deepEqual(consistency(pods('14 c6i.4xlarge pods at ~140 req/s each, 20 provisioned for headroom.')), []);
  assert.deepEqual(consistency(snapshot({ Requirements: '- Peak 1,900 req/s on the home feed.', 'Data quality': '- Bot filter: more than 120 events/min per reader.' }, 'recsys')), []);
  const cached = (rate: string): string => snapshot({ Requirements: '- Peak ~560 QPS on Sunday afternoons.', Estimates: `- 45% of traffic is answered from the result cache, so the ranker sees roughly ${rate} at peak.` }, 'search-ranking');
  assert.deepEqual(consistency(cached('560 × 0.55 ≈ 310 QPS')), []);
  assert.match(consistency(cached('310 QPS')).join('\n'), /request rate \(peak\) disagrees/);
});

test('number-consistency: "a single 8×A100 node" is a total; GPUs of two named models are two fleets; GPU-seconds are compute time', () => {
  const gpus = (pipeline: string, inference = ''): string => snapshot({ Estimates: `- One epoch: 576M ÷ 2,000 = 288,000 GPU-seconds = 80 GPU-hours.\n- To fit the window: 160 ÷ 10 = 16 A100s.${inference}`, Pipeline: `- ${pipeline}` }, 'training-pipeline');
  assert.match(consistency(gpus('The job runs on a single 8×A100 node reserved overnight.')).join('\n'), /GPU count disagrees/);
  assert.deepEqual(consistency(gpus('The job runs on 8×A100 per node, two nodes.')), []);
  assert.match(consistency(gpus('The job runs on a single 8×A100 node reserved overnight.', '\n- Inference is a separate fleet: 6 × L4.')).join('\n'), /states "8×A100", but "Estimates" states "16 A100s"/);
  assert.deepEqual(consistency(gpus('The job runs on 16 A100s.')), []);
});

test('number-consistency: a stage table with async rows adds up when the author writes its total', () => {
  const table = (total: string): string => snapshot({ Requirements: '- Scoring inline: **p99 ≤ 50 ms** for the whole check.', 'Latency budget (p99)': `| Step | ms |\n|---|---|\n| Rules | 4 |\n| Feature lookup | 15 |\n| Reputation lookup | 35 |\n| Model | 8 |\n| Logging (async write) | 1 |${total}` }, 'fraud-detection');
  assert.match(consistency(table('\n| **Total** | **63 — inside budget** |')).join('\n'), /latency budget \(its total, 63 ms\)/);
  assert.deepEqual(consistency(table('')), []);
});

test('number-consistency: "N bills on the peak day", "Peak day = N bills" and a bare "N/day" after a count of the same kind are volumes', () => {
  const bills = (requirement: string, sizing: string): string[] => consistency(snapshot({ Requirements: `- ${requirement}`, Sizing: `- ${sizing}` }, 'doc-processing'));
  assert.match(bills('Throughput: 9,000 statements on the peak day.', 'Peak day = 4,000 statements → 13,000 pages.').join('\n'), /volume \(peak\) disagrees/);
  assert.deepEqual(bills('Throughput: 9,000 statements on the peak day.', 'Peak day = 9,000 statements → 29,000 pages.'), []);
  assert.match(bills('About 20,000 scanned statements on a normal day, 31,000/day in the last week of the quarter at peak.', 'Quarter-end peak: 12,000 statements/day × 3 pages.').join('\n'), /volume \(peak\) disagrees/);
  assert.deepEqual(bills('About 20,000 scanned statements on a normal day, 31,000/day in the last week of the quarter at peak.', 'Quarter-end peak: 31,000 statements/day × 3 pages.'), []);
  // "on the first day" is one day, not a level; an operand and a result of a calculation are not volumes of their own.
  assert.deepEqual(bills('12,000 statements on the first day of the migration.', 'Average 3,000 statements/day.'), []);
  assert.deepEqual(bills('~80,000 meters report; peak every meter at once: 80k × 0.2/s = 16,000/s.', 'Average 4,000 readings/s.'), []);
  assert.deepEqual(bills('Average 20,000 statements/day.', 'About 20,000 scanned statements on a normal day, 6k/month in OCR spend.'), []);
});

test('number-consistency: the figure an alert "fires at" is a limit; a trade-off that opens with "A over B" measures B', () => {
  const alert = (line: string): string[] => consistency(snapshot({ 'Back of the envelope': '- In total about $310/month.', 'Cost and latency': `- ${line}` }, 'rag'));
  assert.deepEqual(alert('The spend alert fires at $600/month.'), []);
  assert.match(alert('The service runs at $600/month.').join('\n'), /monthly cost disagrees/);
  const tradeOff = (line: string): string[] => consistency(snapshot({ Requirements: '- Scoring inline: p99 < 60 ms.', 'Trade-offs': `- ${line}` }, 'fraud-detection'));
  assert.deepEqual(tradeOff('Gradient boosting over a sequence transformer: the transformer caught ~2 % more offline but needs 250 ms at p99.'), []);
  assert.match(tradeOff('Gradient boosting keeps scoring simple; it needs 250 ms at p99.').join('\n'), /latency \(p99\) disagrees/);
});

test('number-consistency: "450 concurrent conversations" is a count at once, compared only with another; "a single node with 4 A100s" is the whole fleet', () => {
  const chats = (sizing: string): string[] => consistency(snapshot({ Requirements: '- Peak load: 450 concurrent conversations on Friday afternoons.', Sizing: `- ${sizing}` }, 'chatbot'));
  assert.match(chats('Peak sizing: we plan for 150 concurrent conversations, each sending a message every ~40 s.').join('\n'), /volume \(peak\) disagrees/);
  assert.deepEqual(chats('Peak sizing: we plan for 450 concurrent conversations, each sending a message every ~40 s.'), []);
  assert.deepEqual(chats('Average day: 9,000 conversations; at peak ~11 conversations/s start.'), []);
  const gpus = (pipeline: string): string[] => consistency(snapshot({ Estimates: '- Training must fit in ~4 h: 32 GPU-hours / 4 = 8 A100s.', Pipeline: `- ${pipeline}` }, 'training-pipeline'));
  assert.match(gpus('Training runs on our reserved machine, a single node with 4 A100s.').join('\n'), /GPU count disagrees/);
  assert.deepEqual(gpus('Training runs on two nodes with 4 A100s each.'), []);
});

test('number-consistency: "12 H100 GPUs = 6 replicas" is the fleet; "1.6 M pick events per day" counts picks; an aside about next year is its own; "some clinics see 40 a day" and "~11× the calls" are not the design', () => {
  const gpus = (architecture: string): string[] => consistency(snapshot({ Estimates: '- 10,000 tok/s → 10 GPUs; +20% headroom → **12 H100 GPUs = 6 replicas**.', Architecture: `- ${architecture}` }, 'llm-serving'));
  assert.match(gpus('The pool runs on one 8×H100 node (4 replicas at TP=2).').join('\n'), /GPU count disagrees/);
  assert.deepEqual(gpus('The pool runs on 12 H100s (6 replicas at TP=2).'), []);
  const picks = (requirement: string): string[] => consistency(snapshot({ Requirements: `- ${requirement}`, Estimates: '- Rows: 1.1 M picks/day × 90 days ≈ 99 M rows.' }, 'training-pipeline'));
  assert.match(picks("Volume: ~1.6 M pick events per day across the 14 DCs (we expect ~2.3 M/day during next year's Q4 peak).").join('\n'), /volume disagrees/);
  assert.deepEqual(picks("Volume: ~1.1 M pick events per day across the 14 DCs (we expect ~2.3 M/day during next year's Q4 peak)."), []);
  const visits = (line: string): string[] => consistency(snapshot({ Context: '- About 1.2 M appointments a year across 230 clinics.', 'Trade-offs': `- ${line}` }, 'ml-monitoring'));
  assert.deepEqual(visits('Weekly rather than daily PSI: some clinics see 40 appointments a day, too few for daily numbers.'), []);
  const spend = (line: string): string[] => consistency(snapshot({ Cost: '- Encoder: 2 × T4, ~$600/month.', 'Trade-offs': `- ${line}` }, 'content-moderation'));
  assert.deepEqual(spend('LLM on everything: simpler, but ~11× the calls (~$15k/month); the classifier gate keeps it affordable.'), []);
});

test('number-consistency: a concurrent count per pod, a bare rate with a noun of its own and "16 A100s each night" read as written', () => {
  const sessions = (architecture: string): string[] => consistency(snapshot({ Requirements: '- The service must support 2,000 concurrent sessions.', Architecture: `- ${architecture}` }, 'chatbot'));
  assert.deepEqual(sessions('The chat service runs 10 pods with 200 concurrent sessions per pod.'), []);
  assert.deepEqual(sessions('The chat service runs 10 pods that hold 200 concurrent sessions each.'), []);
  assert.deepEqual(consistency(snapshot({ Requirements: '- The catalogue takes 50,000 new listings per day.', 'Data and model': '- The catalogue takes 50,000 new listings per day, 2/day full reindexes.' }, 'recsys')), []);
  assert.match(consistency(snapshot({ Estimates: '- 32 GPU-hours / 4 h = 8 A100s.', Pipeline: '- Training runs on 16 A100s each night.' }, 'training-pipeline')).join('\n'), /GPU count disagrees/);
});

test('number-consistency: a spend ceiling named in its label is a limit; money the business handles (fraud, exposure) is no cost; a condition\'s threshold is no figure', () => {
  const ceiling = (estimate: string): string[] => consistency(snapshot({ Requirements: '- Model spend ceiling: $2,500/month.', 'Back of the envelope': `- ${estimate}` }, 'rag'));
  assert.deepEqual(ceiling('≈ $0.0255 per call → ~$525/month if every call hit the large model uncached.'), []);
  assert.match(ceiling('≈ $0.0255 per call → ~$5,250/month for the whole load.').join('\n'), /above the limit/);
  const money = (line: string): string[] => consistency(snapshot({ Numbers: '- 3.2 M top-ups/month; fraud ≈ €345k/month.', 'Feedback loop': `- ${line}` }, 'fraud-detection'));
  assert.deepEqual(money('A 1 % control group of would-be-blocked top-ups is let through (exposure capped at €2k/month).'), []);
  const spend = (line: string): string[] => consistency(snapshot({ Requirements: '- Total running cost under €3k/month.', Estimates: `- ${line}` }, 'fraud-detection'));
  assert.deepEqual(spend('Fraud losses today ≈ €40k/month.'), []);
  assert.match(spend('The whole system runs for ≈ €4.4k/month.').join('\n'), /monthly cost disagrees/);
  const trigger = (line: string): string[] => consistency(snapshot({ Requirements: '- Retro-removal within 3 s at p95.', 'Cost and latency': `- ${line}` }, 'content-moderation'));
  assert.deepEqual(trigger('At peak the LLM sees 48 calls/s. If its p95 passes 2.5 s, the band narrows, trading recall for latency.'), []);
  assert.match(trigger('At peak the LLM sees 48 calls/s and answers in 4.5 s at p95.').join('\n'), /latency \(p95\) disagrees|above the limit/);
});

test('number-consistency: a level word after a figure is that figure\'s; a figure with no level that agrees with a levelled one is that one; one finding per line', () => {
  const rate = (line: string): string[] => consistency(snapshot({ Goals: '- Online traffic: average 4 req/s, peak 30 req/s.', 'Trade-offs': `- ${line}` }, 'llm-serving'));
  assert.deepEqual(rate('Holding the p95 TTFT target at the 30 req/s peak means the pool sits partly idle at the 4 req/s average.'), []);
  assert.match(rate('Holding the p95 TTFT target at the 30 req/s average means the pool sits partly idle at the 4 req/s peak.').join('\n'), /request rate/);
  const volume = (cost: string): string[] =>
    consistency(
      snapshot(
        {
          Requirements: '| Measure | Value |\n| --- | --- |\n| Average chat rate | 600 msg/s |\n| Peak chat rate | 2,400 msg/s |',
          Architecture: '- How we got here: we first ran an LLM on everything; at 2,400 msg/s the cost made no sense.',
          'Cost and latency': `- ${cost}`,
        },
        'content-moderation',
      ),
    );
  assert.deepEqual(volume('Stage 2 volume: 600 msg/s × 2% = 12 calls/s on average.'), []);
  assert.match(volume('Stage 2 volume: 700 msg/s × 2% = 14 calls/s on average.').join('\n'), /volume disagrees/);
  const sizing = consistency(snapshot({ Requirements: '- Peak 250 calls/s on giving days.', Sizing: '- Sizing for the 90 calls/s peak: 3 pods give 120 calls/s with headroom.' }, 'fraud-detection'));
  assert.equal(sizing.length, 1, sizing.join('\n'));
});

test('number-consistency: a GPU count written as one word with its model ("8xH100") is read', () => {
  const serving = (architecture: string): string[] => consistency(snapshot({ 'Capacity estimates': '- 10,000 tok/s ÷ 420 tok/s per GPU ≈ 24 GPUs.', Architecture: `- ${architecture}` }, 'llm-serving'));
  assert.match(serving('Serving runs on 8xH100 in one region.').join('\n'), /GPU count disagrees/);
  assert.deepEqual(serving('Serving runs on 3 nodes of 8xH100, 24 GPUs in all.'), []);
});

test('number-consistency: "should not exceed" is a limit, not a condition; the fraud scorer\'s own cost is a cost; plural GPU words ("12 L4s"); a per-node count said to be the total; p50 and p99 on one line are two findings', () => {
  const latency = consistency(snapshot({ Requirements: '- The p95 latency should not exceed 800 ms.', Estimates: '- p95 latency is 1.5 s end to end.' }, 'llm-serving'));
  assert.match(latency.join('\n'), /latency \(p95\)/);
  const scorer = consistency(snapshot({ Requirements: '- Total running cost under $5k/month.', Estimates: '- Initial estimate $8k/month.\n- After batching, the fraud scorer comes to $4k/month.' }, 'fraud-detection'));
  assert.deepEqual(scorer, []);
  assert.match(consistency(snapshot({ Estimates: '- 6 L4s serve the peak.', Architecture: '- Serving runs on 12 L4s.' }, 'llm-serving')).join('\n'), /GPU count disagrees/);
  assert.match(consistency(snapshot({ Estimates: '- 24 H100s serve the peak.', Architecture: '- Serving uses 3 nodes with 16 H100s altogether.' }, 'llm-serving')).join('\n'), /GPU count disagrees/);
  const both = consistency(snapshot({ Requirements: '- p50 < 200 ms and p99 < 800 ms.', Estimates: '- Measured p50 is 450 ms and p99 is 2 s.' }, 'llm-serving'));
  assert.equal(both.length, 2, both.join('\n'));
});
