import type jsonataType from 'jsonata';
import { type Message, message } from '../../../../shared/message';
import { AppFailure } from '../../errors';
import { cleanDetail } from '../http';
import { type BuiltinLimits, boundedDistinct, boundedSort, boundedSpread } from './bounded-builtins';

let loaded: typeof jsonataType | undefined;

/** jsonata, loaded when an expression is first compiled: `status` from the cache, and most accounts, never need it. */
async function loadJsonata(): Promise<typeof jsonataType> {
  if (!loaded) {
    const module = await import('jsonata');
    loaded = (module.default ?? module) as typeof jsonataType;
  }
  return loaded;
}

/**
 * JSONata, bounded. An expression sees only the parsed answer and the account's parameters: JSONata has no function
 * that reaches the network, the file system or the process, and its path steps read own properties only. What it
 * may spend is capped: time and call depth (JSONata's own guardrails), sequence length, the size of any string or
 * array it builds, and the width `$pad` may reach. Regular expressions are refused, since one can backtrack for
 * longer than any deadline in a single step the guardrails cannot interrupt.
 */
export const EXPRESSION_LIMITS = {
  timeoutMs: 250,
  stack: 200,
  sequence: 100_000,
  maxString: 100_000,
} as const;

/** Creditbar's own refusals, thrown inside JSONata as it throws its own errors: a code, said by messageOf. */
const NO_REGEX = 'CB001';
const TOO_BIG = 'CB002';

class NoRegex {
  constructor() {
    throw { code: NO_REGEX };
  }
}

const RESULT_CHECK = Symbol.for('jsonata.__evaluate_exit');

const BUILTIN_LIMITS: BuiltinLimits = {
  maxItems: EXPRESSION_LIMITS.sequence,
  tooLong: (size) => ({ code: TOO_BIG, size, limit: EXPRESSION_LIMITS.sequence }),
};

/** Refuses a step whose result is bigger than anything a balance endpoint needs. */
function checkSize(_expr: unknown, _input: unknown, _env: unknown, result: unknown): void {
  const size = typeof result === 'string' || Array.isArray(result) ? result.length : 0;
  if (size > EXPRESSION_LIMITS.maxString) {
    throw { code: TOO_BIG, size };
  }
}

function cappedPad(text: unknown, width: unknown, char?: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const w = Math.max(-1000, Math.min(1000, Number(width) || 0));
  const fill = typeof char === 'string' && char.length > 0 ? char : ' ';
  const pad = fill.repeat(Math.abs(w)).slice(0, Math.max(0, Math.abs(w) - text.length));
  return w < 0 ? pad + text : text + pad;
}

export interface Compiled {
  source: string;
  evaluate(input: unknown, variables: Record<string, string>): Promise<unknown>;
}

/** Why an expression failed: Creditbar's own limits in the reader's words, else JSONata's own text (quoted as is). */
function messageOf(error: unknown): Message | string {
  if (error && typeof error === 'object' && 'code' in error) {
    if (error.code === NO_REGEX) return message('expression.noRegex');
    if (error.code === TOO_BIG && 'size' in error && typeof error.size === 'number')
      return message('expression.tooBig', {
        size: { amount: error.size },
        limit: {
          amount:
            'limit' in error && typeof error.limit === 'number' ? error.limit : EXPRESSION_LIMITS.maxString,
        },
      });
  }
  // JSONata's own text quotes values from the answer (and `$error()` says whatever the expression says): one
  // clean line, cut short, never the escapes an answer may hold.
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') {
    return cleanDetail(error.message);
  }
  return message('expression.notEvaluated');
}

/** Parses an expression once; a syntax error is the config's, and names the field it is in. */
export async function compileExpression(source: string, field: string): Promise<Compiled> {
  const jsonata = await loadJsonata();
  let expression: jsonataType.Expression;
  try {
    expression = jsonata(source, {
      timeout: EXPRESSION_LIMITS.timeoutMs,
      stack: EXPRESSION_LIMITS.stack,
      sequence: EXPRESSION_LIMITS.sequence,
      RegexEngine: NoRegex as unknown as RegExpConstructor,
    });
  } catch (error) {
    throw new AppFailure(
      'config',
      message('expression.invalid', { field, expression: quote(source), problem: messageOf(error) }),
    );
  }
  expression.assign(RESULT_CHECK as unknown as string, checkSize);
  expression.registerFunction('pad', cappedPad, '<s-ns?:s>');
  // JSONata's own signatures for each: the same arguments are accepted and refused.
  expression.registerFunction('sort', boundedSort(BUILTIN_LIMITS), '<af?:a>');
  expression.registerFunction('distinct', boundedDistinct(BUILTIN_LIMITS), '<x:x>');
  expression.registerFunction('spread', boundedSpread(BUILTIN_LIMITS), '<x-:a<o>>');
  return {
    source,
    async evaluate(input, variables) {
      try {
        return await expression.evaluate(input, variables);
      } catch (error) {
        throw new AppFailure(
          'bad_response',
          message('expression.failed', { field, expression: quote(source), problem: messageOf(error) }),
        );
      }
    },
  };
}

/** An expression as a message shows it: on one line, and cut short when long. */
export function quote(source: string): string {
  const line = source.replace(/\s+/g, ' ').trim();
  return `"${line.length > 80 ? `${line.slice(0, 79)}…` : line}"`;
}
