import { type Account, CustomEndpoint, describeIssues } from '../../../../shared/config';
import { message } from '../../../../shared/message';
import { PROVIDERS, type PresetSpec } from '../../../../shared/providers';
import { AppFailure } from '../../errors';
import type { HttpRequest } from '../http';

/** `{name}` replaced by the account's parameter of that name; a missing one is the config's to fix. */
function fill(template: string, params: Record<string, string>, encode: (v: string) => string): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new AppFailure('config', message('endpoint.needsParam', { name }));
    return encode(value);
  });
}

/** The base URL a preset asks: the account's own, else the host for keys of this form, else the default. */
function presetBase(preset: PresetSpec, account: Account, secret: string, defaultBaseUrl: string): string {
  if (account.baseUrl) return account.baseUrl;
  return preset.keyHosts?.find((h) => secret.endsWith(h.keySuffix))?.baseUrl ?? defaultBaseUrl;
}

/**
 * The endpoint an account asks, as the custom engine reads it: a custom account's own settings, or its preset's
 * request and expressions on the account's host. Checked by the same schema as a typed custom endpoint.
 */
export function endpointOf(account: Account, secret: string): CustomEndpoint {
  if (account.provider === 'custom') {
    if (!account.custom) throw new AppFailure('config', message('endpoint.none'));
    return account.custom;
  }
  const info = PROVIDERS[account.provider];
  if (!info.preset || !info.defaultBaseUrl) {
    throw new AppFailure('config', message('endpoint.notCustom', { provider: info.displayName }));
  }
  const params = account.params ?? {};
  const base = new URL(presetBase(info.preset, account, secret, info.defaultBaseUrl));
  base.pathname = `${base.pathname.replace(/\/+$/, '')}${fill(info.preset.path, params, encodeURIComponent)}`;
  const { authUser, ...rest } = info.preset.endpoint;
  const parsed = CustomEndpoint.safeParse({
    ...rest,
    ...(authUser !== undefined ? { authUser: fill(authUser, params, (v) => v) } : {}),
    url: base.href,
  });
  if (!parsed.success) throw new AppFailure('config', describeIssues(parsed.error));
  return parsed.data;
}

/** The request for an endpoint, with the key where the endpoint says it goes. Built per poll and never stored. */
export function requestFor(spec: CustomEndpoint, secret: string): HttpRequest {
  const headers: Record<string, string> = { ...spec.headers };
  if (spec.auth === 'header') {
    headers[spec.authHeader] = spec.authScheme ? `${spec.authScheme} ${secret}` : secret;
  } else if (spec.auth === 'basic') {
    headers.Authorization = `Basic ${Buffer.from(`${spec.authUser ?? ''}:${secret}`).toString('base64')}`;
  }
  return {
    method: spec.method,
    url: spec.url,
    headers,
    ...(spec.auth === 'query' ? { keyParam: { name: spec.authParam ?? 'api_key', value: secret } } : {}),
    ...(spec.body !== undefined ? { json: JSON.parse(spec.body) as unknown } : {}),
  };
}
