// IPv4 subnets as kubeadm and the node IPAM controller use them: parse, offset, carve /24s.

export interface Subnet {
  base: number;
  prefix: number;
}

export function parseIPv4(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff].join('.');
}

/** net.ParseCIDR for IPv4: the network (host bits cleared) and its prefix length. */
export function parseSubnet(cidr: string): Subnet | undefined {
  const m = /^([^/]+)\/(\d{1,2})$/.exec(cidr);
  if (!m) return undefined;
  const ip = parseIPv4(m[1]);
  const prefix = Number(m[2]);
  if (ip === undefined || prefix > 32) return undefined;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return { base: (ip & mask) >>> 0, prefix };
}

/** The n-th address of a subnet (kubeadm's GetIndexedIP: the API server's service IP is 1, DNS 10). */
export function indexedIP(subnet: Subnet, n: number): string {
  return formatIPv4(subnet.base + n);
}

/** The i-th /24 of a pod subnet, as the node IPAM controller hands them out (node-cidr-mask-size 24). */
export function nodeCIDR(subnet: Subnet, i: number): string | undefined {
  if (subnet.prefix > 24 || i >= 2 ** (24 - subnet.prefix)) return undefined;
  return `${formatIPv4(subnet.base + i * 256)}/24`;
}
