import { readStatus } from '../answer.js';
import { signV4 } from '../sigv4.js';
import type { Verifier } from '../verifier.js';

const HOST = 'sts.amazonaws.com';
const BODY = 'Action=GetCallerIdentity&Version=2011-06-15';

/** The first `<Name>…</Name>` of an XML answer; STS answers are small and flat. */
function xmlValue(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]{1,256})</${name}>`).exec(xml)?.[1];
}

/**
 * AWS: sts:GetCallerIdentity, which needs no permission and names the caller. It takes both halves
 * of a key pair, so only an access key id found with a secret access key in the same file is
 * checked; the finding of each half gets the pair's answer.
 */
export const aws: Verifier = {
  id: 'aws',
  provider: 'AWS',
  ruleIds: ['aws-access-key-id', 'aws-secret-access-key'],
  host: HOST,
  endpoint: 'POST https://sts.amazonaws.com/ Action=GetCallerIdentity (SigV4)',
  keyPage: 'https://console.aws.amazon.com/iam/home#/security_credentials',
  request(credential, now) {
    const accessKeyId = credential.ruleId === 'aws-access-key-id' ? credential.secret : credential.pairedSecret;
    const secretAccessKey = credential.ruleId === 'aws-access-key-id' ? credential.pairedSecret : credential.secret;
    if (accessKeyId === undefined || secretAccessKey === undefined) {
      return { status: 'unknown', detail: 'needs both an access key id and a secret access key in the same file' };
    }
    if (accessKeyId.startsWith('ASIA')) return { status: 'unknown', detail: 'a temporary key (ASIA…) needs its session token' };
    const contentType = 'application/x-www-form-urlencoded; charset=utf-8';
    const headers = signV4({
      method: 'POST', host: HOST, path: '/', headers: { 'content-type': contentType }, body: BODY,
      region: 'us-east-1', service: 'sts', accessKeyId, secretAccessKey, now,
    });
    return { method: 'POST', path: '/', headers, body: BODY };
  },
  read(answer) {
    if (answer.status === 200) {
      const arn = xmlValue(answer.body, 'Arn');
      return { status: 'live', ...(arn ? { detail: arn } : {}) };
    }
    const code = xmlValue(answer.body, 'Code');
    if (code === 'InvalidClientTokenId') return { status: 'revoked', detail: 'AWS does not know this access key id' };
    if (code === 'SignatureDoesNotMatch') return { status: 'revoked', detail: 'the access key id exists but the secret found with it does not match' };
    if (code === 'Throttling') return { status: 'unknown', detail: 'rate limited (Throttling)' };
    return readStatus(answer);
  },
};
