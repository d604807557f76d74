// A small in-memory ShellHost for shell tests (and for anyone driving the shell without a cluster):
// a file tree in a Map, a DNS table, HTTP servers keyed by "ip:port", and a fixed process list.
import type { FileSystem, HttpResult, Network, ProcessInfo, ShellFlavor, ShellHost } from '../../src/sim/shell/host';

export class MemoryFs implements FileSystem {
  readonly files = new Map<string, string>();
  readonly dirs = new Set<string>(['/']);

  constructor(files: Record<string, string> = {}, dirs: string[] = ['/tmp', '/etc', '/bin', '/usr/bin', '/root', '/data']) {
    for (const d of dirs) this.mkdirp(d);
    for (const [p, t] of Object.entries(files)) {
      this.mkdirp(p.slice(0, p.lastIndexOf('/')) || '/');
      this.files.set(p, t);
    }
  }

  private mkdirp(p: string): void {
    let cur = '';
    for (const seg of p.split('/').filter(Boolean)) {
      cur += `/${seg}`;
      this.dirs.add(cur);
    }
  }

  private parent(p: string): string {
    return p.slice(0, p.lastIndexOf('/')) || '/';
  }

  read(path: string): string | undefined {
    return this.files.get(path);
  }

  write(path: string, data: string, append: boolean): boolean {
    if (!this.dirs.has(this.parent(path)) || this.dirs.has(path)) return false;
    this.files.set(path, append ? (this.files.get(path) ?? '') + data : data);
    return true;
  }

  isDir(path: string): boolean {
    return this.dirs.has(path);
  }

  list(path: string): string[] | undefined {
    if (!this.dirs.has(path)) return undefined;
    const prefix = path === '/' ? '/' : `${path}/`;
    const names = new Set<string>();
    for (const p of [...this.files.keys(), ...this.dirs]) {
      if (p !== path && p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]);
    }
    return [...names].sort();
  }

  mkdir(path: string): boolean {
    if (!this.dirs.has(this.parent(path)) || this.files.has(path)) return false;
    this.dirs.add(path);
    return true;
  }

  remove(path: string): boolean {
    if (this.files.delete(path)) return true;
    if (this.dirs.has(path) && !this.list(path)?.length) return this.dirs.delete(path);
    return false;
  }
}

export interface FakeServer {
  status?: number;
  reason?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The connection is accepted but no answer comes. */
  hang?: boolean;
}

export class FakeNetwork implements Network {
  dnsServer = '10.96.0.10';
  searchDomains = ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'];
  /** fqdn -> addresses */
  readonly dns = new Map<string, string[]>();
  /** "ip:port" -> server; an address in `dead` times out on connect; anything else refuses. */
  readonly servers = new Map<string, FakeServer | ((path: string) => FakeServer)>();
  readonly dead = new Set<string>();
  readonly requests: string[] = [];

  lookup(fqdn: string): string[] | undefined {
    return this.dns.get(fqdn.replace(/\.$/, ''));
  }

  private resolveName(host: string): string | undefined {
    if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return host;
    const dots = (host.match(/\./g) ?? []).length;
    const names = dots >= 5 ? [host] : [...this.searchDomains.map((d) => `${host}.${d}`), host];
    for (const n of names) {
      const a = this.lookup(n);
      if (a?.length) return a[0];
    }
    return undefined;
  }

  http(method: string, host: string, port: number, path: string, timeoutMs: number): HttpResult {
    this.requests.push(`${method} ${host}:${port}${path} timeout=${timeoutMs}`);
    const ip = this.resolveName(host);
    if (!ip) return { ok: false, error: 'unresolved' };
    if (this.dead.has(ip)) return { ok: false, error: 'unreachable' };
    const s = this.servers.get(`${ip}:${port}`);
    if (!s) return { ok: false, error: 'refused' };
    const srv = typeof s === 'function' ? s(path) : s;
    if (srv.hang) return { ok: false, error: 'timeout' };
    const body = srv.body ?? '';
    return {
      ok: true,
      status: srv.status ?? 200,
      reason: srv.reason ?? 'OK',
      headers: srv.headers ?? { Server: 'nginx/1.27.3', 'Content-Type': 'text/html', 'Content-Length': String(Buffer.byteLength(body)) },
      body: method === 'HEAD' ? '' : body,
    };
  }
}

export interface FakeHostOptions {
  shell?: ShellFlavor;
  tools?: string[];
  env?: Record<string, string>;
  files?: Record<string, string>;
  hostname?: string;
  processes?: ProcessInfo[];
  cwd?: string;
}

export const DEBIAN_TOOLS = ['cat', 'ls', 'mkdir', 'touch', 'rm', 'cp', 'mv', 'head', 'tail', 'wc', 'grep', 'sed', 'cut', 'tr', 'sort', 'uniq', 'seq', 'expr', 'basename', 'dirname', 'hostname', 'printenv', 'env', 'date', 'id', 'whoami', 'uname', 'sleep', 'tee', 'ln', 'chmod'];
export const BUSYBOX_TOOLS = [...DEBIAN_TOOLS, 'wget', 'nslookup', 'ps'];

export interface FakeHost extends ShellHost {
  fs: MemoryFs;
  net: FakeNetwork;
}

export function fakeHost(opts: FakeHostOptions = {}): FakeHost {
  const shell = opts.shell ?? 'ash';
  const hostname = opts.hostname ?? 'pod-1';
  return {
    now: () => 0,
    hostname,
    env: opts.env ?? { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: hostname, HOME: '/root' },
    tools: new Set(opts.tools ?? (shell === 'ash' ? BUSYBOX_TOOLS : DEBIAN_TOOLS)),
    shell,
    fs: new MemoryFs(opts.files),
    net: new FakeNetwork(),
    processes: () => opts.processes ?? [{ pid: 1, user: 'root', command: 'sh' }],
    cwd: opts.cwd,
  };
}
