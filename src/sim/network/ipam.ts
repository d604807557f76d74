// Pod IP allocation from a node's podCIDR (a /24): the lowest free host address from .2 up.

export function cidrBase(cidr: string): { prefix: string; size: number } | undefined {
  const m = /^(\d+\.\d+\.\d+)\.0\/24$/.exec(cidr);
  return m ? { prefix: m[1], size: 256 } : undefined;
}

export function allocatePodIP(podCIDR: string | undefined, used: ReadonlySet<string>): string | undefined {
  const base = podCIDR ? cidrBase(podCIDR) : undefined;
  if (!base) return undefined;
  for (let host = 2; host < base.size - 1; host++) {
    const ip = `${base.prefix}.${host}`;
    if (!used.has(ip)) return ip;
  }
  return undefined;
}
