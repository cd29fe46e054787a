import { describe, expect, it } from 'vitest';
import { internalRangeOf, parseIp } from './ipRanges.ts';
import {
  checkOutboundAddress,
  checkOutboundUrl,
  NO_OUTBOUND_ALLOW,
  parseOutboundAllow,
} from './outboundPolicy.ts';

const refused = (url: string, allow = NO_OUTBOUND_ALLOW) => {
  const verdict = checkOutboundUrl(url, allow);
  return verdict.ok ? undefined : verdict.reason;
};

describe('outbound policy', () => {
  it('refuses internal address literals of every kind, naming the range', () => {
    const cases: [string, RegExp][] = [
      ['https://127.0.0.1/hook', /loopback/],
      ['https://127.8.9.10/hook', /loopback/],
      ['https://2130706433/hook', /loopback/], // decimal form, normalised by the URL parser
      ['https://0x7f.1/hook', /loopback/],
      ['https://10.1.2.3/hook', /private/],
      ['https://172.16.0.1/hook', /private/],
      ['https://172.31.255.255/hook', /private/],
      ['https://192.168.1.1/hook', /private/],
      ['https://169.254.169.254/latest/meta-data', /link-local \(includes cloud metadata/],
      ['https://100.64.0.1/hook', /carrier-grade NAT/],
      ['https://0.0.0.0/hook', /unspecified/],
      ['https://224.0.0.1/hook', /multicast/],
      ['https://[::1]/hook', /loopback/],
      ['https://[::]/hook', /unspecified/],
      ['https://[fd12:3456::1]/hook', /private/],
      ['https://[fe80::1]/hook', /link-local/],
      ['https://[ff02::1]/hook', /multicast/],
      ['https://[::ffff:127.0.0.1]/hook', /loopback/],
      ['https://[::ffff:a9fe:a9fe]/hook', /link-local/],
      ['https://[64:ff9b::10.0.0.1]/hook', /private/],
      ['https://localhost/hook', /loopback host/],
      ['https://api.localhost/hook', /loopback host/],
    ];
    for (const [url, reason] of cases) expect(refused(url), url).toMatch(reason);
  });

  it('lets public https URLs through and leaves host names to the connect-time check', () => {
    for (const url of ['https://hooks.example.com/x', 'https://8.8.8.8/x', 'https://[2606:4700::1111]/x'])
      expect(refused(url), url).toBeUndefined();
    expect(internalRangeOf(parseIp('172.32.0.1') as never)).toBeUndefined();
    expect(internalRangeOf(parseIp('::ffff:8.8.8.8') as never)).toBeUndefined();
  });

  it('wants https, no credentials, and a valid URL', () => {
    expect(refused('http://hooks.example.com/x')).toMatch(/use https/);
    expect(refused('ftp://hooks.example.com/x')).toMatch(/ftp: URLs are not allowed/);
    expect(refused('https://user:pw@hooks.example.com/x')).toMatch(/credentials/);
    expect(refused('not a url')).toBe('not a valid URL');
  });

  it('allows listed hosts and blocks (http too) from HIREFLOW_OUTBOUND_ALLOW', () => {
    const allow = parseOutboundAllow(' localhost, 10.1.0.0/16 ,HOOKS.internal., ::1 ');
    expect(allow.hosts).toEqual(['localhost', 'hooks.internal']);
    expect(refused('http://localhost:8080/x', allow)).toBeUndefined();
    expect(refused('http://10.1.200.3/x', allow)).toBeUndefined();
    expect(refused('https://10.2.0.1/x', allow)).toMatch(/private/);
    expect(refused('http://hooks.internal/x', allow)).toBeUndefined();
    expect(refused('http://[::1]:9000/x', allow)).toBeUndefined();
    expect(refused('http://127.0.0.1/x', allow)).toMatch(/use https/);
    expect(parseOutboundAllow(undefined)).toEqual(NO_OUTBOUND_ALLOW);
    expect(() => parseOutboundAllow('ok.example, bad host!')).toThrow(/"bad host!" is neither/);
    expect(() => parseOutboundAllow('10.0.0.0/33')).toThrow(/"10.0.0.0\/33"/);
  });

  it('judges the address a name resolved to, and says which name led there', () => {
    expect(checkOutboundAddress('evil.example', '169.254.169.254', NO_OUTBOUND_ALLOW)).toEqual({
      ok: false,
      reason: expect.stringMatching(
        /^169\.254\.169\.254 is an internal address \(link-local.*\) that evil\.example resolves to;/,
      ),
    });
    expect(checkOutboundAddress('ok.example', '93.184.216.34', NO_OUTBOUND_ALLOW)).toEqual({ ok: true });
    const allow = parseOutboundAllow('192.168.5.0/24,intranet.example');
    expect(checkOutboundAddress('any.example', '192.168.5.9', allow)).toEqual({ ok: true });
    expect(checkOutboundAddress('intranet.example', '10.9.9.9', allow)).toEqual({ ok: true });
    expect(checkOutboundAddress('any.example', '::ffff:192.168.6.1', allow).ok).toBe(false);
  });
});
