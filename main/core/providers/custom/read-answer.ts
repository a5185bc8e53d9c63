import type { CustomEndpoint } from '../../../../shared/config';
import { type Compiled, compileExpression } from './expression';

export const READ_FIELDS = ['remaining', 'spent', 'limit', 'used', 'currency', 'resetsAt'] as const;
export type ReadField = (typeof READ_FIELDS)[number];

/** What one expression read from the answer, kept with its source so a failure can name it. */
export interface Reading {
  field: ReadField;
  source: string;
  value: unknown;
}

const compiled = new Map<string, Compiled>();
const MAX_COMPILED = 1000;

/** Parsing once per distinct expression: the same preset's expressions serve every account that uses it. */
async function compile(source: string, field: ReadField): Promise<Compiled> {
  const key = `${field}\u0000${source}`;
  let found = compiled.get(key);
  if (!found) {
    found = await compileExpression(source, field);
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(key, found);
  }
  return found;
}

/** Throws the first syntax error among the endpoint's expressions (a `config` failure naming its field). */
export async function checkExpressions(spec: CustomEndpoint): Promise<void> {
  for (const field of READ_FIELDS) {
    const source = spec[field];
    if (source !== undefined) await compile(source, field);
  }
}

/** Each value the endpoint names, read from the answer; the account's parameters are the variables (`$currency`). */
export async function readAnswer(
  body: unknown,
  spec: CustomEndpoint,
  params: Record<string, string>,
): Promise<Reading[]> {
  const readings: Reading[] = [];
  for (const field of READ_FIELDS) {
    const source = spec[field];
    if (source !== undefined)
      readings.push({ field, source, value: await (await compile(source, field)).evaluate(body, params) });
  }
  return readings;
}
