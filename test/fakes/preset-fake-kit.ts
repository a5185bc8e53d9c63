import type { RecordedRequest } from './fake-server';

/** How the presets' vendors take a key, and a path into their examples: what each preset's fake is made of. */
export const bearer = (request: RecordedRequest, key: string) =>
  request.headers.authorization === `Bearer ${key}`;
export const header =
  (name: string, scheme = '') =>
  (request: RecordedRequest, key: string) =>
    request.headers[name] === (scheme ? `${scheme} ${key}` : key);
export const query = (name: string) => (request: RecordedRequest, key: string) =>
  request.query.get(name) === key;

export type Doc = Record<string, unknown>;
export const at = (document: Doc, key: string) => document[key] as Doc;
