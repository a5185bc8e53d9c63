import { describe, expect, it } from 'vitest';
import { CustomUrl, namesSecret } from '../../shared/custom-endpoint';

describe('a query parameter that holds a key', () => {
  it.each([
    'api_key',
    'apikey',
    'key',
    'access_key',
    'appid',
    'app_key',
    'appId',
    'subscription-key',
    'hapikey',
    'auth_key',
    'private_key',
    'token',
    'access_token',
    'X-Amz-Signature',
    'client_secret',
    'password',
  ])('%s names a secret', (name) => {
    expect(namesSecret(name)).toBe(true);
  });

  it.each(['keyword', 'monkey', 'format', 'page', 'currency', 'user', 'region', 'author'])(
    '%s does not',
    (name) => {
      expect(namesSecret(name)).toBe(false);
    },
  );

  it.each(['access_key', 'appid', 'subscription-key', 'hapikey'])(
    'a custom URL with ?%s=… is refused, so the key never reaches the config or a shared preset',
    (name) => {
      expect(CustomUrl.safeParse(`https://api.example.com/v1/balance?${name}=abc123abc123`).success).toBe(
        false,
      );
    },
  );
});
