import { isIP } from 'node:net';

/** Address lists read from the environment (TRUST_PROXY, FEEDS_ALLOW_PRIVATE_NETWORKS), checked by loadConfig. */

const PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY: unset = `loopback` (a proxy on the same machine); `none` = trust no proxy; a hop count (`1`); or
 * a comma-separated list of `loopback`, `linklocal`, `uniquelocal`, addresses and CIDR ranges
 * (`10.0.0.0/8, 192.168.1.10`). Returns the Express setting, or a string saying what is wrong.
 */
export function trustProxySetting(value: string | undefined): string[] | number | false | string {
  const v = value?.trim();
  if (!v) return ['loopback'];
  if (v === 'none' || v === 'false') return false;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return hops >= 1 && hops <= 10 ? hops : 'số proxy phải từ 1 đến 10';
  }
  const items = v.split(',').map((x) => x.trim());
  for (const item of items) {
    if (PROXY_KEYWORDS.has(item)) continue;
    const [address, bits, extra] = item.split('/');
    const family = isIP(address);
    const max = family === 4 ? 32 : 128;
    if (
      !family ||
      extra !== undefined ||
      (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= max))
    ) {
      return `"${item}" không phải loopback, linklocal, uniquelocal, địa chỉ IP hay dải CIDR`;
    }
  }
  return items;
}

/** FEEDS_ALLOW_PRIVATE_NETWORKS: comma-separated CIDR ranges (`127.0.0.0/8, 10.20.0.0/16`) or single addresses. */
export function privateNetworksSetting(value: string | undefined): string[] | string {
  const v = value?.trim();
  if (!v) return [];
  const items = v.split(',').map((x) => x.trim());
  for (const item of items) {
    const [address, bits, extra] = item.split('/');
    const family = isIP(address);
    const max = family === 4 ? 32 : 128;
    if (
      !family ||
      extra !== undefined ||
      (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= max))
    ) {
      return `"${item}" không phải địa chỉ IP hay dải CIDR`;
    }
  }
  return items.map((item) => (item.includes('/') ? item : `${item}/${isIP(item) === 4 ? 32 : 128}`));
}
