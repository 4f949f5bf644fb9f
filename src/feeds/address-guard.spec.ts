import { AddressGuard } from './address-guard.js';

describe(AddressGuard.name, () => {
  const strict = new AddressGuard([]);

  it('lets public unicast addresses through', () => {
    expect(strict.check('203.162.4.190')).toBeNull();
    expect(strict.check('2001:ee0:4f1::1')).toBeNull();
  });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'nội bộ'],
    ['172.16.0.5', 'nội bộ'],
    ['192.168.1.1', 'nội bộ'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fd00::1', 'nội bộ'],
    ['::ffff:10.0.0.1', 'nội bộ'],
    ['0.0.0.0', 'không xác định'],
    ['100.64.0.1', 'nhà mạng'],
  ])('refuses %s (%s)', (address, words) => {
    expect(strict.check(address)).toContain(words);
  });

  it('allows the ranges an administrator listed, and only until the date given', () => {
    const until = new Date('2027-01-01T00:00:00+07:00');
    const guard = new AddressGuard(['127.0.0.0/8', '10.20.0.0/16'], until);
    const before = new Date('2026-12-31T12:00:00+07:00');
    expect(guard.check('127.0.0.1', before)).toBeNull();
    expect(guard.check('10.20.3.4', before)).toBeNull();
    expect(guard.check('10.21.3.4', before)).toContain('nội bộ');
    expect(guard.check('::1', before)).toContain('loopback');
    expect(guard.check('127.0.0.1', until)).toContain('loopback');
  });
});
