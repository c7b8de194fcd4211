import * as l10n from '@vscode/l10n';
import type { Concept, Mention } from '../review/concepts.js';
import { affirmed } from '../review/concepts.js';
import { anchorFor, genAIReading, substantive } from '../review/context.js';
import type { Reading } from '../review/reader.js';
import { ACTING_TOOLS, DISMISSAL, INJECTION, INJECTION_THREAT, LEAKAGE, THIRD_PARTY_TEXT, TOOL_SAFETY } from '../review/vocabulary.js';
import { andList } from '../wording.js';
import type { Rule } from '../rule.js';

/** Patterns that read untrusted text into a prompt (a serving API leaves that to its callers). */
const READS_UNTRUSTED = new Set(['rag', 'agent', 'chatbot', 'doc-processing', 'content-moderation']);

/** A concern; its name and what good looks like are functions: the language is chosen after the module loads. */
interface Concern {
  name: () => string;
  concept: Concept;
  good: () => string;
}

const CONCERNS: Record<'injection' | 'leakage' | 'tools', Concern> = {
  injection: { name: () => l10n.t('prompt injection'), concept: INJECTION, good: () => l10n.t('untrusted text (user input, retrieved documents, tool output) delimited and never followed as instructions, with input screening') },
  leakage: { name: () => l10n.t('data leakage and PII'), concept: LEAKAGE, good: () => l10n.t('permissions enforced at retrieval, PII redacted or kept out of prompts and logs, tenant isolation and a retention rule') },
  tools: { name: () => l10n.t('unsafe tool execution'), concept: TOOL_SAFETY, good: () => l10n.t('least-privilege tools on an allow-list, a sandbox, step and spend limits, and human approval before irreversible actions') },
};

/** A quoted attack string ("ignore previous instructions…"): its words are the attacker's, not the author's. */
const ATTACK = /ignore|disregard|previous|instruction|system prompt|pretend|jailbreak/;

/** "No human in the loop", "no explicit confirmation": a safeguard said to be absent (where "no PII is logged" is a pledge). */
const ABSENT = /(?:^|[^\p{L}])no\s+(?:[\p{L}-]+\s+)?$/u;

/** A mention that addresses its concern: not waved away, deferred or only considered (an attack quoted, "ignore previous…", waves nothing away). */
function addresses(m: Mention, concern: Concern): boolean {
  if (concern === CONCERNS.tools && m.polarity === 'negated' && ABSENT.test(m.clause.lower.slice(0, m.start - m.clause.start))) return false;
  return m.polarity !== 'considered' && !DISMISSAL.test(m.clause.lower.replace(/"[^"]*"|“[^”]*”/g, (q) => (ATTACK.test(q) ? ' ' : q)));
}

/** Injection is raised on its own when the design names the risk and waves it away or only imagines it, judges text others write, or feeds the model text others write. */
function injectable(pattern: string, reading: Reading): boolean {
  if (pattern === 'content-moderation' || INJECTION.mentions(reading).length || INJECTION_THREAT.mentions(reading).length) return true;
  return !!affirmed(THIRD_PARTY_TEXT.mentions(reading));
}

export const redFlagSafety: Rule = {
  id: 'red-flag-safety',
  description: 'A GenAI snapshot addresses prompt injection, data leakage and PII, and (with tools) unsafe tool execution.',
  severity: 'review',
  check(ctx) {
    const { parsed } = ctx;
    const judged = genAIReading(ctx);
    if (!judged) return;
    const { pattern, reading } = judged;
    if (!substantive(reading)) return;
    const concerns: Concern[] = [];
    if (pattern && READS_UNTRUSTED.has(pattern)) concerns.push(CONCERNS.injection);
    concerns.push(CONCERNS.leakage);
    if (pattern === 'agent' || affirmed(ACTING_TOOLS.mentions(reading))) concerns.push(CONCERNS.tools);
    const missing = concerns.filter((c) => !c.concept.mentions(reading).some((m) => addresses(m, c)));
    if (!missing.length) return;
    // Injection alone, where leakage (and tools) are addressed, matters where someone other than the user can write what
    // the model reads: a moderation judge reading posts, an agent reading mail, a corpus suppliers upload to. A chat
    // whose only text is the user's own, or an extractor reading a document into fields, is not flagged for it alone.
    if (missing.length === 1 && missing[0] === CONCERNS.injection && !injectable(pattern, reading)) return;
    ctx.report({
      ...anchorFor(parsed, ['safety']),
      message: l10n.t(
        'The design does not address {0}; reviewers treat these as the GenAI-specific risks: text the model reads can carry instructions, answers and logs can leak what a user may not see, and a tool call can do real damage; expected {1}.',
        andList(missing.map((c) => c.name())),
        missing.map((c) => c.good()).join('; '),
      ),
    });
  },
};
