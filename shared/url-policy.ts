import { type Message, message } from './message';

/** Loopback hosts are the one place plain http is allowed: a local proxy or a test server never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Why a URL may not carry an API key, or null when it may. */
export function urlProblem(raw: string): Message | null {
  // new URL() would quietly percent-encode them, but the text as typed is what is saved and shown.
  if (/[\p{Cc}\p{Cf}\s]/u.test(raw)) return message('valid.urlHidden');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return message('valid.notUrl');
  }
  if (url.username || url.password) return message('valid.urlCredentials');
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return null;
  return message('valid.https');
}
