import { describe, expect, it } from 'vitest';
import { isPublicAddress } from '../../src/add/isPublicAddress.js';

describe('isPublicAddress', () => {
  it.each([
    ['93.184.216.34', true],
    ['2606:4700:4700::1111', true],
    ['127.0.0.1', false],
    ['127.8.9.10', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false], // cloud metadata service
    ['100.64.0.1', false], // carrier-grade NAT
    ['0.0.0.0', false],
    ['255.255.255.255', false],
    ['224.0.0.1', false],
    ['::1', false],
    ['::', false],
    ['fe80::1', false],
    ['fd00:ec2::254', false], // a metadata service's IPv6 address
    ['::ffff:127.0.0.1', false], // IPv4-mapped loopback
    ['::ffff:93.184.216.34', true],
    ['64:ff9b::7f00:1', false], // NAT64 form of 127.0.0.1
    ['2002:7f00:1::', false], // 6to4 form of 127.0.0.1
    ['::7f00:1', false], // IPv4-compatible form of 127.0.0.1 (deprecated, outside 2000::/3)
    ['not an address', false],
  ])('%s → %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});
