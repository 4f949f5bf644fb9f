import ipaddr from 'ipaddr.js';

/** What a range is called in the error a person reads. */
const RANGE_NAMES: Record<string, string> = {
  loopback: 'địa chỉ loopback (chính máy chủ)',
  private: 'địa chỉ mạng nội bộ',
  uniqueLocal: 'địa chỉ mạng nội bộ',
  linkLocal: 'địa chỉ link-local',
  carrierGradeNat: 'địa chỉ mạng nội bộ của nhà mạng',
  unspecified: 'địa chỉ không xác định',
  multicast: 'địa chỉ multicast',
  broadcast: 'địa chỉ broadcast',
};

/** Only public unicast addresses are reached, plus the ranges an administrator allowed (until a date). */
export class AddressGuard {
  private readonly allowed: [ipaddr.IPv4 | ipaddr.IPv6, number][];

  constructor(
    allowedRanges: string[],
    private readonly allowedUntil: Date | null = null,
  ) {
    this.allowed = allowedRanges.map((r) => ipaddr.parseCIDR(r));
  }

  /** Null when the address may be reached; otherwise why not, in Vietnamese. */
  check(address: string, now = new Date()): string | null {
    if (!ipaddr.isValid(address)) return `"${address}" không phải địa chỉ IP`;
    // ::ffff:10.0.0.1 is 10.0.0.1.
    const ip = ipaddr.process(address);
    const range = ip.range();
    if (range === 'unicast') return null;
    const allowedNow = !this.allowedUntil || now < this.allowedUntil;
    if (allowedNow && this.allowed.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits))) {
      return null;
    }
    const name = RANGE_NAMES[range] ?? 'địa chỉ dành riêng, không dùng trên Internet';
    return `${ip.toString()} là ${name}: không được lấy tin từ địa chỉ này`;
  }
}
