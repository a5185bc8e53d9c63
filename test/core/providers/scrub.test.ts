import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scrubSecret } from '../../../main/core/providers/failure';

const KEY = 'sk_live_9f8e7d6c5b4a3210';

describe('scrubbing a key from text a person sees', () => {
  it.each([
    ['whole', `key ${KEY} rejected`, 'key **** rejected'],
    ['base64', `auth ${Buffer.from(KEY).toString('base64')}`, 'auth ****'],
    ['a prefix left by a cut', `… key=${KEY.slice(0, 12)}`, '… key=****'],
    ['a suffix', `ends ${KEY.slice(-9)}!`, 'ends ****!'],
    ['two pieces', `${KEY.slice(0, 10)} and ${KEY.slice(-10)}`, '**** and ****'],
    ['a 7-character prefix says nothing and stays', `prefix ${KEY.slice(0, 7)}`, `prefix ${KEY.slice(0, 7)}`],
    ['no key', 'nothing to hide here', 'nothing to hide here'],
  ])('%s', (_name, text, expected) => {
    expect(scrubSecret(text, KEY)).toBe(expected);
  });

  it.each(['u', 'us', 'usr', 'AC0123456789abcdef0123456789abcdef'])(
    'a Basic header echoed back (user %s): no run of the key’s base64 survives',
    (user) => {
      const header = `Basic ${Buffer.from(`${user}:${KEY}`).toString('base64')}`;
      const shown = scrubSecret(`401: Authorization: ${header} was refused`, KEY);
      expect(shown).toContain('****');
      // What a person could decode: no 8 bytes of the key in a row.
      const left = shown.match(/[A-Za-z0-9+/=]{4,}/g) ?? [];
      for (const run of left)
        expect(Buffer.from(run, 'base64').toString('latin1')).not.toMatch(/9f8e7d6c|5b4a3210/);
    },
  );

  it.each(["sk~live!(key)*'x y", 'sk-live key with spaces'])(
    'a key in a query, encoded as URLSearchParams encodes it (%s), is scrubbed',
    (key) => {
      const sent = new URLSearchParams({ api_key: key }).toString();
      expect(scrubSecret(`GET /v1/balance?${sent} failed`, key)).toBe('GET /v1/balance?api_key=**** failed');
    },
  );

  it('no prefix or suffix of 8 characters or more survives, wherever it stands', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 9, maxLength: 60 }).filter((k) => !/\s/.test(k)),
        fc.string(),
        fc.string(),
        fc.nat(),
        fc.boolean(),
        (key, before, after, cut, fromStart) => {
          const length = 8 + (cut % (key.length - 7));
          const piece = fromStart ? key.slice(0, length) : key.slice(-length);
          const out = scrubSecret(`${before}${piece}${after}`, key);
          for (let n = 8; n <= key.length; n++) {
            if (!`${before}${after}`.includes(key.slice(0, n))) expect(out).not.toContain(key.slice(0, n));
            if (!`${before}${after}`.includes(key.slice(-n))) expect(out).not.toContain(key.slice(-n));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a 2 MiB body with a 4096-character key is scrubbed in one pass', () => {
    const long = 'k'.repeat(4096);
    const body = `${'x'.repeat(2 * 1024 * 1024)}${long.slice(0, 100)}`;
    expect(scrubSecret(body, long).endsWith('****')).toBe(true);
  });
});
