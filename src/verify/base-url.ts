import { UsageError } from '../errors.js';

/** The testing hook's variable: every provider's request goes to this loopback server instead. */
export const BASE_URL_VARIABLE = 'KEYGUARD_VERIFY_BASE_URL';

function isLoopback(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || /^127(?:\.\d{1,3}){3}$/.test(bare);
}

/**
 * `KEYGUARD_VERIFY_BASE_URL`, a testing hook: the suite points verification at a stand-in server
 * on this machine. Anything but a loopback address is refused, so the variable cannot become a way
 * to send found keys to another host.
 */
export function verifyBaseUrl(env: NodeJS.ProcessEnv = process.env): URL | null {
  const value = env[BASE_URL_VARIABLE];
  if (value === undefined || value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${BASE_URL_VARIABLE} is not a URL: "${value}"`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !isLoopback(url.hostname)) {
    throw new UsageError(`${BASE_URL_VARIABLE} must be http(s) on a loopback address (127.0.0.1, ::1, localhost): it is a testing hook`);
  }
  return url;
}
