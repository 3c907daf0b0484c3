import ipaddr from 'ipaddr.js';

/**
 * Whether an IP address is an ordinary public unicast address. Private (10/8, 172.16/12,
 * 192.168/16, fc00::/7), loopback, link-local (169.254/16, where cloud metadata services answer,
 * and fe80::/10), carrier-grade NAT, multicast, unspecified, reserved and the IPv6 forms that embed
 * an IPv4 address (6to4, Teredo, NAT64) are not: a link given to the bot must not reach them.
 * IPv4-mapped IPv6 addresses ("::ffff:127.0.0.1") are judged as the IPv4 address they carry, and
 * any other IPv6 address outside 2000::/3 is not public.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  // IPv6: only the global unicast block (2000::/3); older forms such as IPv4-compatible "::7f00:1" are not.
  if (parsed.kind() === 'ipv6' && !parsed.match(GLOBAL_UNICAST_V6)) return false;
  return parsed.range() === 'unicast';
}

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');
