// Runs in Node: what `design-snapshot mcp` offers agents, as MCP tool definitions: names, descriptions, JSON Schema
// inputs (checked before a tool runs) and outputs (the shapes of src/core/agent.ts, which the CLI's --format json
// prints too). Kept apart from the server so the schemas read as the contract they are.

/** A JSON Schema object, as MCP carries it. */
export type JsonSchema = { type: 'object'; properties?: Record<string, object>; required?: string[]; additionalProperties?: boolean } & Record<string, unknown>;

/** One tool as tools/list describes it. */
export interface ToolDefinition {
  name: string;
  title: string;
  description: string;
  inputSchema: JsonSchema;
  outputSchema: JsonSchema;
  annotations: { readOnlyHint: boolean; destructiveHint?: boolean; idempotentHint?: boolean; openWorldHint: boolean };
}

const text = { type: 'string', description: "The snapshot's Markdown. With path as well, it is linted as that file's (unsaved) text." };
const path = {
  type: 'string',
  minLength: 1,
  description: 'A Markdown file, relative to the folder the server runs in (paths outside it are refused). Read when text is absent.',
};
const schema = { type: 'string', minLength: 1, description: 'A snapshot schema to use instead of the nearest .design-snapshot/schema.json (relative to the server’s folder).' };
const config = { type: 'string', minLength: 1, description: 'A config file to use instead of the nearest .design-snapshot/config.json (relative to the server’s folder).' };

/** The document a tool reads: its text, its file, or both (the file names it for config lookup). */
const documentInput = (extra: Record<string, object> = {}): JsonSchema => ({
  type: 'object',
  properties: { text, path, ...extra },
  additionalProperties: false,
});

const finding = {
  type: 'object',
  required: ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn'],
  properties: {
    ruleId: { type: 'string' },
    severity: { enum: ['error', 'warning', 'info'] },
    message: { type: 'string' },
    line: { type: 'integer', minimum: 1 },
    column: { type: 'integer', minimum: 1 },
    endLine: { type: 'integer', minimum: 1 },
    endColumn: { type: 'integer', minimum: 1 },
    section: { type: 'string' },
    topic: { type: 'string' },
  },
};
const counts = {
  type: 'object',
  required: ['errors', 'warnings', 'infos'],
  properties: { errors: { type: 'integer' }, warnings: { type: 'integer' }, infos: { type: 'integer' } },
};
const template = {
  type: 'object',
  required: ['id', 'name', 'description', 'tags', 'origin'],
  properties: { id: { type: 'string' }, name: { type: 'string' }, description: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } }, origin: { type: 'string' } },
};
const estimate = {
  type: 'object',
  required: ['kind', 'line', 'column', 'expression', 'verdict'],
  properties: {
    kind: { enum: ['inline', 'block'] },
    line: { type: 'integer', minimum: 1 },
    column: { type: 'integer', minimum: 1 },
    expression: { type: 'string' },
    stated: { type: 'string' },
    computed: { type: 'string' },
    suggestion: { type: 'string' },
    name: { type: 'string' },
    value: { type: 'string' },
    message: { type: 'string' },
    verdict: { enum: ['ok', 'mismatch', 'unit-error', 'parse-error', 'depends-on-failed'] },
  },
};

const readOnly = { readOnlyHint: true, openWorldHint: false } as const;

/** The tools, in the order tools/list gives them. */
export const MCP_TOOLS: readonly ToolDefinition[] = [
  {
    name: 'lint_snapshot',
    title: 'Lint a design snapshot',
    description:
      'Lints an ML/GenAI system design snapshot (Markdown) with Design Snapshot: required sections, estimates that add up, diagrams that parse, review-depth rules. Give text (a draft) or path (a file); returns the findings exactly as `design-snapshot lint --format json` reports them (1-based lines and columns). Run it before proposing a snapshot and fix what it finds.',
    inputSchema: documentInput({ schema, config }),
    outputSchema: {
      type: 'object',
      required: ['path', 'isSnapshot', 'diagnostics', 'summary'],
      properties: { path: { type: 'string' }, isSnapshot: { type: 'boolean' }, diagnostics: { type: 'array', items: finding }, summary: counts },
    },
    annotations: readOnly,
  },
  {
    name: 'list_templates',
    title: 'List snapshot templates',
    description: 'Lists the design snapshot templates: the built-in ones (RAG, agent, recommender…) and those of the workspace’s .design-snapshot/templates, with ids to pass to new_snapshot.',
    inputSchema: { type: 'object', properties: {}, additionalProperties: false },
    outputSchema: { type: 'object', required: ['templates'], properties: { templates: { type: 'array', items: template } } },
    annotations: readOnly,
  },
  {
    name: 'new_snapshot',
    title: 'Scaffold a new snapshot',
    description:
      'Fills a template with a title, author and today’s date and returns the Markdown. Writes a file only when given a path, and only when that file does not exist yet (never overwrites); otherwise nothing is written.',
    inputSchema: {
      type: 'object',
      required: ['template', 'title'],
      properties: {
        template: { type: 'string', minLength: 1, description: 'A template id from list_templates, e.g. "rag".' },
        title: { type: 'string', minLength: 1, description: 'The snapshot’s title.' },
        author: { type: 'string', minLength: 1, description: 'The author (default: git user.name, else the login name).' },
        path: { type: 'string', minLength: 1, description: 'A new .md file to write, relative to the server’s folder; must not exist yet.' },
      },
      additionalProperties: false,
    },
    outputSchema: {
      type: 'object',
      required: ['template', 'text', 'written'],
      properties: { template: { type: 'string' }, text: { type: 'string' }, written: { type: 'boolean' }, path: { type: 'string' } },
    },
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  },
  {
    name: 'check_estimates',
    title: 'Check a snapshot’s estimates',
    description:
      'Evaluates every back-of-the-envelope estimate of a snapshot: inline calculations ("1M × 10 ÷ 86,400 s ≈ 115 QPS") with the computed value and whether the stated result holds, and each line of ```estimate blocks with its value and unit or why it has none.',
    inputSchema: documentInput(),
    outputSchema: { type: 'object', required: ['path', 'estimates'], properties: { path: { type: 'string' }, estimates: { type: 'array', items: estimate } } },
    annotations: readOnly,
  },
  {
    name: 'review_snapshot',
    title: 'Review a snapshot (scorecard)',
    description:
      'A reviewer’s scorecard of a snapshot, as `design-snapshot review --format json` gives it: requirements, estimates, architecture, data and model, failure modes, evaluation, safety, cost and latency, trade-offs, each covered, thin, missing or not applicable, with the reason and the findings behind it.',
    inputSchema: documentInput({ schema, config }),
    outputSchema: {
      type: 'object',
      required: ['path', 'title', 'dimensions', 'summary'],
      properties: {
        path: { type: 'string' },
        title: { type: 'string' },
        pattern: { type: 'string' },
        stage: { type: 'string' },
        dimensions: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'title', 'status', 'reason', 'findings'],
            properties: { id: { type: 'string' }, title: { type: 'string' }, status: { type: 'string' }, reason: { type: 'string' }, findings: { type: 'array', items: finding } },
          },
        },
        summary: { type: 'object', required: ['covered', 'thin', 'missing'], properties: { covered: { type: 'integer' }, thin: { type: 'integer' }, missing: { type: 'integer' } } },
      },
    },
    annotations: readOnly,
  },
];
