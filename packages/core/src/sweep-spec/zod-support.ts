import { z } from 'zod';
import type { ConfigIssue } from '../errors.js';
import { formatJsonPath } from '../json-path.js';
import { unknownNameMessage } from '../suggest.js';

/**
 * Like z.strictObject, but an unknown key is reported at its own path with a "did you mean"
 * hint (`metric.gaol: unknown key `gaol`; did you mean `goal`?`). `hints` gives a specific
 * message for keys that are known elsewhere (e.g. W&B keys that embsweep does not use).
 */
export function closedObject<T extends z.ZodRawShape>(
  shape: T,
  hints: Readonly<Record<string, string>> = {},
) {
  const known = Object.keys(shape);
  return z
    .looseObject(shape)
    .superRefine((value, ctx) => {
      for (const key of Object.keys(value)) {
        if (known.includes(key)) continue;
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message:
            (Object.hasOwn(hints, key) ? hints[key] : undefined) ?? unknownNameMessage('key', key, known),
        });
      }
    })
    .transform((value) => {
      const out: Record<string, unknown> = {};
      for (const key of known) if (value[key] !== undefined) out[key] = value[key];
      return out as z.infer<z.ZodObject<T>>;
    });
}

/** Converts zod issues to ours: a JSON path (prefixed) and a short message in house style. */
export function toConfigIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[] = [],
): ConfigIssue[] {
  return issues.map((issue) => ({
    path: formatJsonPath([...prefix, ...issue.path]),
    message: describeIssue(issue),
  }));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const got = 'input' in issue ? describeValue(issue.input) : 'nothing';
      if (issue.input === undefined) return `required (${article(issue.expected)})`;
      return `must be ${article(issue.expected)}, got ${got}`;
    }
    case 'too_big':
      return issue.origin === 'array'
        ? `must have at most ${String(issue.maximum)} items`
        : `must be ${issue.inclusive ? '<=' : '<'} ${String(issue.maximum)}`;
    case 'too_small':
      if (issue.origin === 'array') return `must have at least ${String(issue.minimum)} item(s)`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be ${issue.inclusive ? '>=' : '>'} ${String(issue.minimum)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}; got ${describeValue(issue.input)}`;
    case 'invalid_union':
      if ('note' in issue && issue.note === 'No matching discriminator') {
        const options = 'options' in issue ? (issue.options as unknown[]) : [];
        return `must be one of ${options.map((v) => JSON.stringify(v)).join(', ')}; got ${describeValue(issue.input)}`;
      }
      return issue.message;
    case 'invalid_format':
      return issue.format === 'regex' ? `has an invalid form (${issue.message})` : issue.message;
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  const word = expected === 'int' ? 'integer' : expected;
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

/** A short, safe rendering of a user value for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? typeof value;
  const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  return `\`${shown}\` (${type})`;
}
