// What a simulated process sees of the world: the container it runs in (hostname, environment,
// files, the tools its image has), the network (DNS, HTTP) and the cluster clock. The kubelet
// (and `kubectl exec`) provide it; the shell and its tools only ever talk to it.

/** Which /bin/sh the image has, for the wording of its errors. */
export type ShellFlavor =
  /** busybox ash (busybox, alpine): `sh: curl: not found` */
  | 'ash'
  /** Debian's dash (nginx, httpd, redis, perl, python, node, postgres, ...): `sh: 1: curl: not found` */
  | 'dash';

export interface FileSystem {
  /** File contents, or undefined when there is no such file (or it is a directory). */
  read(path: string): string | undefined;
  /** Creates or replaces (append: extends) a file; false when the directory does not exist or is read-only. */
  write(path: string, data: string, append: boolean): boolean;
  isDir(path: string): boolean;
  /** Entry names of a directory, sorted; undefined when it is not one. */
  list(path: string): string[] | undefined;
  mkdir(path: string): boolean;
  remove(path: string): boolean;
}

export type HttpResult =
  | { ok: true; status: number; reason: string; headers: Record<string, string>; body: string }
  | { ok: false; error: 'unresolved' | 'refused' | 'timeout' | 'unreachable' };

export interface Network {
  /** The cluster DNS server as resolv.conf names it (its Service IP), for nslookup's header. */
  dnsServer: string;
  /** resolv.conf's search list, e.g. ["default.svc.cluster.local", "svc.cluster.local", "cluster.local"]. */
  searchDomains: string[];
  /** A fully qualified name's addresses; undefined for NXDOMAIN. */
  lookup(fqdn: string): string[] | undefined;
  /** What getaddrinfo makes of a name: /etc/hosts first, then DNS through the search list. */
  resolve?(host: string): string | undefined;
  /** One HTTP request to host:port (host already an IP or a name to resolve). */
  http(method: string, host: string, port: number, path: string, timeoutMs: number): HttpResult;
}

export interface ProcessInfo {
  pid: number;
  user: string;
  /** The command line. */
  command: string;
  /** CPU time as busybox ps shows it ("0:00" when omitted). */
  time?: string;
}

/** What a program the shell does not implement printed (the runtime's own servers and tools). */
export interface ExternalResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ShellHost {
  /** Cluster time, ms since the epoch. */
  now(): number;
  hostname: string;
  /** The container's environment (Kubernetes-injected variables included). */
  env: Readonly<Record<string, string>>;
  /** Commands the image has besides the shell's builtins ("curl", "wget", "nslookup", "perl"...). */
  tools: ReadonlySet<string>;
  shell: ShellFlavor;
  fs: FileSystem;
  net: Network;
  /** Processes visible in the container's PID namespace (for `ps`). */
  processes(): ProcessInfo[];
  /** The working directory processes start in (the image's WORKDIR or workingDir); "/" when omitted. */
  cwd?: string;
  /** Runs a tool the image has that the shell does not implement; undefined (or no hook) and the
   *  program runs for good, as a server would. */
  external?(argv: string[], env: Record<string, string>): ExternalResult | undefined;
}
