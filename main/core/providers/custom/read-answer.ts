import type { CustomEndpoint } from '../../../../shared/config';
import { type Compiled, compileExpression } from './expression';
import { valueAt } from './pointer';

export const READ_FIELDS = ['remaining', 'limit', 'used', 'currency', 'resetsAt'] as const;
export type ReadField = (typeof READ_FIELDS)[number];

/** What one expression (or v1 pointer) read from the answer, kept with its source so a failure can name it. */
export interface Reading {
  field: ReadField;
  source: string;
  pointer: boolean;
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
    if (source !== undefined) {
      readings.push({
        field,
        source,
        pointer: false,
        value: await (await compile(source, field)).evaluate(body, params),
      });
      continue;
    }
    const pointer =
      field === 'remaining' || field === 'limit' || field === 'used' ? spec[`${field}Pointer`] : undefined;
    if (pointer !== undefined)
      readings.push({ field, source: pointer, pointer: true, value: valueAt(body, pointer) });
  }
  return readings;
}
