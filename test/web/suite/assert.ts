// Runs in VS Code's web worker extension host: the few assertions the web suite needs (node:assert is not there).
export class AssertionError extends Error {}

export function ok(value: unknown, message: string): asserts value {
  if (!value) throw new AssertionError(message);
}

export function equal<T>(actual: T, expected: T, message = ''): void {
  if (actual !== expected) throw new AssertionError(`${message ? `${message}: ` : ''}expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

export function deepEqual(actual: unknown, expected: unknown, message = ''): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new AssertionError(`${message ? `${message}: ` : ''}expected ${e}, got ${a}`);
}

export function match(actual: string, re: RegExp, message = ''): void {
  if (!re.test(actual)) throw new AssertionError(`${message ? `${message}: ` : ''}expected ${JSON.stringify(actual.slice(0, 300))} to match ${re}`);
}

export async function rejects(p: Promise<unknown>, re: RegExp, message = ''): Promise<void> {
  try {
    await p;
  } catch (e) {
    match(e instanceof Error ? e.message : String(e), re, message);
    return;
  }
  throw new AssertionError(`${message ? `${message}: ` : ''}expected a rejection matching ${re}`);
}
