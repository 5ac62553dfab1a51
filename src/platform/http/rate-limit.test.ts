import { describe, expect, it } from 'vitest';
import { sourceOf } from './rate-limit.js';

describe('the source an attempt counts against', () => {
  it('is the address itself for IPv4, also when it arrives IPv4-mapped', () => {
    expect(sourceOf('203.0.113.7')).toBe('203.0.113.7');
    expect(sourceOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('is the /64 network for IPv6, however the address is written', () => {
    const network = '2001:db8:0:1::/64';
    for (const ip of ['2001:db8:0:1::1', '2001:0db8:0000:0001:ffff:ffff:ffff:ffff', '2001:DB8:0:1:a::b', '2001:db8::1:0:0:0:1']) {
      expect([ip, sourceOf(ip)]).toEqual([ip, network]);
    }
    expect(sourceOf('2001:db8:0:2::1')).not.toBe(network);
    expect(sourceOf('::1')).toBe('0:0:0:0::/64');
    expect(sourceOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});
