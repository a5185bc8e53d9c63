import { carry, says } from './issue-message';
import { type Message, message } from './message';
import { urlProblem } from './url-policy';
import { z } from './zod';

/**
 * How the custom JSON engine asks an endpoint and reads its answer: the request (method, URL, how the key travels,
 * extra headers, a JSON body), then a JSONata expression for each value. Presets are this same shape with the URL
 * made of the provider's host and a path. (Version 1 configs read values with JSON pointers; see
 * config-migration.ts.)
 */

/** A whole number within bounds, each refusal in the catalog's words (zod's own would be English in the popover). */
export function wholeNumberBetween(min: number, max: number) {
  const between = says('valid.between', { min, max });
  return z.int(says('valid.wholeNumber')).check(z.gte(min, between), z.lte(max, between));
}

export const MAX_EXPRESSION_CHARS = 1000;

/** A JSONata expression as typed: one or more lines, no other control characters. Its syntax is checked by core. */
export const Expression = z.string().check(
  z.minLength(1, says('valid.empty')),
  z.maxLength(MAX_EXPRESSION_CHARS, says('valid.atMost', { max: MAX_EXPRESSION_CHARS })),
  z.refine(
    (text) => [...text].every((c) => c === '\n' || c === '\r' || c === '\t' || !/\p{Cc}/u.test(c)),
    says('valid.noControl'),
  ),
);

/**
 * Headers the HTTP stack sets itself (the Fetch standard's forbidden request headers): a key sent in one would break
 * every request, or be dropped, so they are refused where they are typed.
 */
const FORBIDDEN_HEADERS = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
]);

const HeaderName = z.string().check(
  z.regex(/^[A-Za-z0-9-]{1,64}$/, says('valid.headerName')),
  z.refine(
    (name) => !FORBIDDEN_HEADERS.has(name.toLowerCase()) && !/^(proxy-|sec-)/i.test(name),
    says('valid.stackHeader'),
  ),
);

/** What an HTTP header can carry: Latin-1 (RFC 9110 field values); fetch refuses anything beyond at every poll. */
export const LATIN1 = /^[^\u{100}-\u{10FFFF}]*$/u;

const HeaderValue = z
  .string()
  .check(
    z.maxLength(500),
    z.regex(/^[^\p{Cc}]*$/u, says('valid.oneLineNoControl')),
    z.regex(LATIN1, says('valid.latin1')),
  );

/** Words that, alone in a query parameter's name or as a part of it, name a secret. */
const SECRET_WORDS = new Set([
  'key',
  'apikey',
  'token',
  'secret',
  'password',
  'passwd',
  'pwd',
  'auth',
  'signature',
  'sig',
  'credential',
  'credentials',
  'appid',
  'hapikey',
  'accesskey',
  'privatekey',
  'clientsecret',
  'sessionid',
]);

/**
 * Whether a query parameter's name says it holds a secret: `api_key`, `access_key`, `appId`, `subscription-key`,
 * `hapikey`, `X-Amz-Signature`: split into words at `-`, `_`, `.` and lower-to-upper case, any word (or the whole
 * name) a secret's. `keyword` or `monkey` are no secret.
 */
export function namesSecret(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[-_.\s]+/)
    .filter(Boolean);
  return [...words, words.join('')].some((word) => SECRET_WORDS.has(word));
}

/** The query parameter of a URL whose name says it holds a secret (`?api_key=`); null when none does. */
export function secretParamIn(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  return [...url.searchParams.keys()].find(namesSecret) ?? null;
}

/** Why a URL must not be saved: it carries a secret in its query (the key field is where a key goes). */
export function secretInUrl(raw: string): Message | null {
  const named = secretParamIn(raw);
  return named ? message('valid.keyInQuery', { name: named }) : null;
}

export const CustomUrl = z.string().check(
  z.superRefine((value, ctx) => {
    const problem = urlProblem(value) ?? secretInUrl(value);
    if (problem) ctx.addIssue({ code: 'custom', message: carry('valid.url', { problem }) });
  }),
);

/** Extra static headers, as typed in the form: one `Name: value` per line. */
export function headersFromText(text: string): { headers: Record<string, string> } | { problem: Message } {
  const headers: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return { problem: message('valid.headerLine', { line: line.trim().slice(0, 40) }) };
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return { headers };
}

export function headersToText(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}

export const CustomEndpoint = z
  .strictObject({
    method: z._default(z.enum(['GET', 'POST']), 'GET'),
    url: CustomUrl,
    /** How the key travels: a header (with an optional scheme), HTTP Basic (user + key), or a query parameter. */
    auth: z._default(z.enum(['header', 'basic', 'query']), 'header'),
    authHeader: z._default(HeaderName, 'Authorization'),
    /** Empty means the header carries the bare key. */
    authScheme: z._default(
      z.string().check(z.regex(/^[A-Za-z0-9._-]{0,32}$/, says('valid.scheme'))),
      'Bearer',
    ),
    /** HTTP Basic's user name (Twilio's Account SID); the key is the password. */
    authUser: z.optional(
      z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[^:\p{Cc}]*$/u, says('valid.noColon'))),
    ),
    /** The query parameter that carries the key (SerpApi's `api_key`). */
    authParam: z.optional(z.string().check(z.regex(/^[A-Za-z0-9._-]{1,64}$/, says('valid.paramName')))),
    headers: z.optional(
      z
        .record(HeaderName, HeaderValue)
        .check(z.refine((h) => Object.keys(h).length <= 20, says('valid.tooManyHeaders', { max: 20 }))),
    ),
    /** A JSON body, sent with POST. */
    body: z.optional(
      z.string().check(
        z.maxLength(4096),
        z.refine((text) => {
          try {
            JSON.parse(text);
            return true;
          } catch {
            return false;
          }
        }, says('valid.json')),
      ),
    ),
    /** How long one request may take, within the app's own cap. */
    timeoutSeconds: z.optional(wholeNumberBetween(1, 60)),
    remaining: z.optional(Expression),
    /**
     * For an endpoint that reports what was spent (a running total) rather than what is left: the account keeps
     * a ledger of stated balances, and its balance is estimated from the spend since (shared/ledger.ts).
     */
    spent: z.optional(Expression),
    limit: z.optional(Expression),
    used: z.optional(Expression),
    /** The unit (USD, credits...) read from the answer; `unit` is used when it reads nothing. */
    currency: z.optional(Expression),
    /** When the quota resets: an ISO date or Unix seconds. */
    resetsAt: z.optional(Expression),
    unit: z._default(z.string().check(z.minLength(1), z.maxLength(24)), 'credits'),
  })
  .check(
    z.superRefine((spec, ctx) => {
      if (spec.remaining === undefined && spec.spent === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['remaining'],
          message: carry('valid.remainingRequired'),
        });
      }
      if (spec.auth === 'basic' && spec.authUser === undefined) {
        ctx.addIssue({ code: 'custom', path: ['authUser'], message: carry('valid.basicUser') });
      }
      if (spec.auth === 'query' && spec.authParam === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['authParam'],
          message: carry('valid.queryParam'),
        });
      }
      if (spec.body !== undefined && spec.method !== 'POST') {
        ctx.addIssue({ code: 'custom', path: ['body'], message: carry('valid.bodyPost') });
      }
      const authName = spec.auth === 'header' ? spec.authHeader.toLowerCase() : 'authorization';
      if (
        spec.auth !== 'query' &&
        Object.keys(spec.headers ?? {}).some((h) => h.toLowerCase() === authName)
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['headers'],
          message: carry('valid.keyHeader', { header: authName }),
        });
      }
    }),
  );
export type CustomEndpoint = z.infer<typeof CustomEndpoint>;
/** What a config holds or a form builds, before defaults apply. */
export type CustomEndpointInput = z.input<typeof CustomEndpoint>;

/**
 * Whether a custom endpoint field matters given how the key travels and the method: the form shows only those,
 * and leaves the others to their defaults.
 */
export function customFieldApplies(name: string, auth: string, method: string): boolean {
  if (name === 'authHeader' || name === 'authScheme') return auth === 'header';
  if (name === 'authUser') return auth === 'basic';
  if (name === 'authParam') return auth === 'query';
  if (name === 'body') return method === 'POST';
  return true;
}
