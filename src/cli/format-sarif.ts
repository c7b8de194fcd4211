import { RULES, type Severity } from '../core/index.js';
import type { LintReport } from './report.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0 as GitHub code scanning accepts it; artifact URIs are relative to %SRCROOT% (the working directory). */
export function formatSarif(report: LintReport, opts: { version: string; docsBase: string; rootUri: string }): string {
  const ids = [...RULES.map((r) => r.id), 'internal-error'];
  const rules = ids.map((id) => {
    const rule = RULES.find((r) => r.id === id);
    // A stage-dependent rule's default is its draft level.
    const level = rule ? (rule.severity === 'stage' ? 'warning' : rule.severity === 'review' || rule.severity === 'scaffold' ? 'note' : LEVEL[rule.severity]) : 'note';
    const text = rule?.description ?? 'A rule failed on a document; please report it.';
    return {
      id,
      name: id.replace(/(^|-)(\w)/g, (_, _d: string, c: string) => c.toUpperCase()),
      shortDescription: { text },
      fullDescription: { text },
      helpUri: `${opts.docsBase}${id}.md`,
      defaultConfiguration: { level },
    };
  });
  const results = report.files.flatMap((f) =>
    f.findings.map((d) => ({
      ruleId: d.ruleId,
      ruleIndex: Math.max(0, ids.indexOf(d.ruleId)),
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(f.path), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        },
      ],
    })),
  );
  const notifications = report.problems.map((p) => ({
    level: 'error',
    message: { text: `${p.kind} ${p.source}: ${p.message}; the ${p.kind === 'config' ? 'default configuration' : 'built-in schema'} was used instead.` },
  }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'design-snapshot', version: opts.version, semanticVersion: opts.version, informationUri: opts.docsBase, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: opts.rootUri } },
        invocations: [{ executionSuccessful: notifications.length === 0, toolConfigurationNotifications: notifications }],
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
