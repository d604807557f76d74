// Network clients against host.net: busybox nslookup (1.36's own resolver: A then AAAA per search
// domain, no search for names with a dot, exit 1 when any query failed), curl 7.88 and wget
// (busybox wording on ash images, GNU wget's on Debian ones).
import type { HttpResult, Network } from '../host';
import { resolvePath } from '../expand';
import type { Tool, ToolContext, ToolOutput } from './registry';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** What the pod's resolver makes of a name: the host's own answer (hosts file first), else DNS through the search list (ndots:5). */
export function resolveHost(net: Network, host: string): string | undefined {
  if (IPV4.test(host)) return host;
  if (net.resolve) return net.resolve(host);
  const name = host.replace(/\.$/, '');
  const dots = (name.match(/\./g) ?? []).length;
  const candidates = host.endsWith('.') ? [name] : dots >= 5 ? [name, ...net.searchDomains.map((d) => `${name}.${d}`)] : [...net.searchDomains.map((d) => `${name}.${d}`), name];
  for (const c of candidates) {
    const addrs = net.lookup(c);
    if (addrs?.length) return addrs[0];
  }
  return undefined;
}

const nslookup: Tool = (ctx, o) => {
  const args = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  const name = args[0];
  if (!name) {
    o.err('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n');
    return 1;
  }
  const net = ctx.host.net;
  const server = args[1] ?? net.dnsServer;
  let out = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
  let failed = false;
  const cluster = (n: string): boolean => net.searchDomains.some((d) => n === d || n.endsWith(`.${d}`)) || /(^|\.)cluster\.local\.?$/.test(n);
  if (IPV4.test(name)) {
    const ptr = `${name.split('.').reverse().join('.')}.in-addr.arpa`;
    o.out(`${out}** server can't find ${ptr}: NXDOMAIN\n\n`);
    return 1;
  }
  const queries = name.includes('.') || !net.searchDomains.length ? [name] : net.searchDomains.map((d) => `${name}.${d}`);
  for (const type of ['A', 'AAAA']) {
    for (const q of queries) {
      const addrs = net.lookup(q.replace(/\.$/, ''));
      if (addrs === undefined) {
        out += `** server can't find ${q}: NXDOMAIN\n\n`;
        failed = true;
        continue;
      }
      const v4 = addrs.filter((a) => IPV4.test(a));
      const v6 = addrs.filter((a) => !IPV4.test(a));
      const answers = type === 'A' ? v4 : v6;
      if (answers.length && !cluster(q)) out += 'Non-authoritative answer:\n';
      for (const a of answers) out += `Name:\t${q}\nAddress: ${a}\n`;
      out += '\n';
    }
  }
  o.out(out);
  return failed ? 1 : 0;
};

interface Url {
  host: string;
  port: number;
  path: string;
  scheme: string;
}

function parseUrl(raw: string): Url | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#]*)(?::(\d+))?([^#]*)/.exec(raw);
  if (!m || !m[2]) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const path = m[4] || '/';
  return { scheme, host: m[2], port: m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80, path: path.startsWith('/') ? path : `/${path}` };
}

function seconds(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isNaN(n) ? undefined : Math.round(n * 1000);
}

const METER_HEAD = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';

function meterSize(n: number): string {
  if (n < 100_000) return String(n);
  if (n < 10_000 * 1024) return `${Math.floor(n / 1024)}k`;
  return `${Math.floor(n / 1024 / 1024)}M`;
}

function meterLine(total: number, received: number, speed: number): string {
  const pct = (a: number): string => String(total && a >= total ? 100 : 0).padStart(3);
  return `\r${pct(received)} ${meterSize(total).padStart(5)}  ${pct(received)} ${meterSize(received).padStart(5)}    0     0  ${meterSize(speed).padStart(5)}      0 --:--:-- --:--:-- --:--:-- ${meterSize(speed).padStart(5)}`;
}

const curl: Tool = (ctx, o) => {
  const args = ctx.argv.slice(1);
  let silent = false;
  let showErr = false;
  let fail = false;
  let head = false;
  let include = false;
  let follow = false;
  let method: string | undefined;
  let outFile: string | undefined;
  let remoteName = false;
  let writeOut: string | undefined;
  let maxTime: number | undefined;
  let connectTimeout: number | undefined;
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const [k, inline] = a.split(/=(.*)/s, 2);
      const val = (): string | undefined => (inline !== undefined ? inline : args[++i]);
      switch (k) {
        case '--silent': silent = true; break;
        case '--show-error': showErr = true; break;
        case '--fail': fail = true; break;
        case '--head': head = true; break;
        case '--include': include = true; break;
        case '--location': follow = true; break;
        case '--request': method = val(); break;
        case '--output': outFile = val(); break;
        case '--remote-name': remoteName = true; break;
        case '--write-out': writeOut = val(); break;
        case '--max-time': maxTime = seconds(val()); break;
        case '--connect-timeout': connectTimeout = seconds(val()); break;
        case '--header': case '--data': case '--user-agent': case '--retry': val(); if (k === '--data') method ??= 'POST'; break;
        default: break;
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j];
        const takes = 'oXwmHdAu'.includes(f);
        const val = takes ? (j + 1 < a.length ? a.slice(j + 1) : args[++i]) : undefined;
        switch (f) {
          case 's': silent = true; break;
          case 'S': showErr = true; break;
          case 'f': fail = true; break;
          case 'I': head = true; break;
          case 'i': include = true; break;
          case 'L': follow = true; break;
          case 'O': remoteName = true; break;
          case 'o': outFile = val; break;
          case 'X': method = val; break;
          case 'w': writeOut = val; break;
          case 'm': maxTime = seconds(val); break;
          case 'd': method ??= 'POST'; break;
        }
        if (takes) break;
      }
      continue;
    }
    url = a;
  }
  const showErrors = !silent || showErr;
  const meter = !silent && !head;
  if (!url) {
    if (showErrors) o.err("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  let u = parseUrl(url);
  if (!u) {
    if (showErrors) o.err('curl: (3) URL using bad/illegal format or missing URL\n');
    return 3;
  }
  if (u.scheme !== 'http' && u.scheme !== 'https') {
    if (meter) o.err(METER_HEAD + meterLine(0, 0, 0) + meterLine(0, 0, 0) + '\n');
    if (showErrors) o.err(`curl: (1) Protocol "${u.scheme}" not supported or disabled in libcurl\n`);
    return 1;
  }
  const budget = Math.min(maxTime ?? Infinity, 300_000);
  let res: HttpResult;
  let redirects = 0;
  let prefix = '';
  for (;;) {
    res = ctx.host.net.http(head ? 'HEAD' : (method ?? 'GET'), u.host, u.port, u.path, Number.isFinite(budget) ? budget : 3_600_000);
    if (res.ok && follow && res.status >= 300 && res.status < 400 && res.headers.Location && redirects < 50) {
      if (include || head) prefix += headerBlock(res);
      const next = parseUrl(new URL(res.headers.Location, `http://${u.host}:${u.port}${u.path}`).toString());
      if (!next) break;
      u = next;
      redirects++;
      continue;
    }
    break;
  }
  const writeOutText = (code: number, size: number): void => {
    if (writeOut === undefined) return;
    const text = writeOut
      .replace(/%\{http_code\}|%\{response_code\}/g, String(code).padStart(3, '0'))
      .replace(/%\{size_download\}/g, String(size))
      .replace(/%\{time_total\}|%\{time_connect\}|%\{time_starttransfer\}/g, '0.001000')
      .replace(/%\{url_effective\}/g, url!)
      .replace(/%\{remote_ip\}/g, resolveHost(ctx.host.net, u!.host) ?? '')
      .replace(/\\n/g, '\n')
      .replace(/\\t/g, '\t');
    o.out(text);
  };
  if (!res.ok) {
    let code: number;
    let msg: string;
    switch (res.error) {
      case 'unresolved':
        code = 6;
        msg = `Could not resolve host: ${u.host}`;
        break;
      case 'refused':
        code = 7;
        msg = `Failed to connect to ${u.host} port ${u.port} after 0 ms: Couldn't connect to server`;
        break;
      case 'unreachable': {
        const limit = Math.min(connectTimeout ?? Infinity, maxTime ?? Infinity);
        if (Number.isFinite(limit)) {
          o.sleep(limit);
          code = 28;
          msg = `Failed to connect to ${u.host} port ${u.port} after ${limit + 1} ms: Timeout was reached`;
        } else {
          o.sleep(130_000);
          code = 7;
          msg = `Failed to connect to ${u.host} port ${u.port} after 130000 ms: Couldn't connect to server`;
        }
        break;
      }
      default:
        if (maxTime === undefined) {
          o.forever();
          return 0;
        }
        o.sleep(maxTime);
        code = 28;
        msg = `Operation timed out after ${maxTime} milliseconds with 0 bytes received`;
    }
    if (meter) o.err(METER_HEAD + meterLine(0, 0, 0) + meterLine(0, 0, 0) + '\n');
    writeOutText(0, 0);
    if (showErrors) o.err(`curl: (${code}) ${msg}\n`);
    return code;
  }
  const size = Buffer.byteLength(res.body);
  if (fail && res.status >= 400) {
    if (meter) o.err(METER_HEAD + meterLine(0, 0, 0) + meterLine(size, 0, 0) + '\n');
    writeOutText(res.status, 0);
    if (showErrors) o.err(`curl: (22) The requested URL returned error: ${res.status}\n`);
    return 22;
  }
  let body = head ? prefix + headerBlock(res) : `${include ? prefix + headerBlock(res) : ''}${res.body}`;
  if (remoteName) outFile = u.path.split('?')[0].split('/').pop() || undefined;
  if (remoteName && !outFile) {
    if (showErrors) o.err('curl: Remote file name has no length!\n');
    return 23;
  }
  if (meter) o.err(METER_HEAD + meterLine(size, 0, 0) + meterLine(size, size, size * 100) + '\n');
  if (outFile && outFile !== '-') {
    if (!ctx.host.fs.write(resolvePath(ctx.cwd, outFile), body, false)) {
      if (showErrors) o.err(`curl: (23) Failure writing output to destination\n`);
      return 23;
    }
    body = '';
  }
  o.out(body);
  writeOutText(res.status, size);
  return 0;
};

function headerBlock(res: Extract<HttpResult, { ok: true }>): string {
  let s = `HTTP/1.1 ${res.status} ${res.reason}\r\n`;
  for (const [k, v] of Object.entries(res.headers)) s += `${k}: ${v}\r\n`;
  return `${s}\r\n`;
}

function wgetProgress(name: string, size: number): string {
  return `${name.padEnd(20).slice(0, 20)} 100% |${'*'.repeat(31)}| ${String(size).padStart(5)}  0:00:00 ETA\n`;
}

const wget: Tool = (ctx, o) => {
  const args = ctx.argv.slice(1);
  let quiet = false;
  let outFile: string | undefined;
  let timeout: number | undefined;
  let spider = false;
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--spider') spider = true;
    else if (a === '--quiet') quiet = true;
    else if (a.startsWith('--timeout')) timeout = seconds(a.includes('=') ? a.split('=')[1] : args[++i]);
    else if (a.startsWith('--output-document')) outFile = a.includes('=') ? a.split('=')[1] : args[++i];
    else if (a.startsWith('-') && a.length > 1 && !a.startsWith('--')) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j];
        if (f === 'q') quiet = true;
        else if (f === 'O' || f === 'T') {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (f === 'O') outFile = v;
          else timeout = seconds(v);
          break;
        }
      }
    } else if (!a.startsWith('-')) url = a;
  }
  const bb = ctx.busybox;
  if (!url) {
    o.err(bb ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n' : "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n");
    return 1;
  }
  const u = parseUrl(url);
  if (!u) {
    o.err(bb ? `wget: bad address '${url}'\n` : `${url}: Invalid URL\n`);
    return 1;
  }
  const ip = resolveHost(ctx.host.net, u.host);
  if (!ip) {
    o.err(bb ? `wget: bad address '${u.host}'\n` : `wget: unable to resolve host address '${u.host}'\n`);
    return bb ? 1 : 4;
  }
  const name = outFile ?? (u.path.split('?')[0].split('/').pop() || 'index.html');
  if (!quiet) o.err(bb ? `Connecting to ${u.host}${u.port !== 80 ? `:${u.port}` : ''} (${ip}:${u.port})\n` : `Connecting to ${u.host} (${u.host})|${ip}|:${u.port}... `);
  const res = ctx.host.net.http(spider ? 'HEAD' : 'GET', u.host, u.port, u.path, timeout ?? 900_000);
  if (!res.ok) {
    if (res.error === 'timeout' || (res.error === 'unreachable' && timeout !== undefined)) {
      o.sleep(timeout ?? 900_000);
      o.err(bb ? 'wget: download timed out\n' : 'failed: Connection timed out.\n');
      return bb ? 1 : 4;
    }
    if (res.error === 'unreachable') o.sleep(130_000);
    const why = res.error === 'refused' ? 'Connection refused' : res.error === 'unresolved' ? 'Host is unreachable' : 'Connection timed out';
    o.err(bb ? `wget: can't connect to remote host (${ip}): ${why}\n` : `failed: ${why}.\n`);
    return bb ? 1 : 4;
  }
  if (res.status >= 400) {
    o.err(bb ? `wget: server returned error: HTTP/1.1 ${res.status} ${res.reason}\n` : `connected.\nHTTP request sent, awaiting response... ${res.status} ${res.reason}\n${new Date(ctx.now).toISOString().slice(0, 19).replace('T', ' ')} ERROR ${res.status}: ${res.reason}.\n\n`);
    return bb ? 1 : 8;
  }
  if (spider) {
    if (!quiet) o.err(bb ? 'remote file exists\n' : 'connected.\nHTTP request sent, awaiting response... 200 OK\nRemote file exists.\n\n');
    return 0;
  }
  const size = Buffer.byteLength(res.body);
  const toStdout = name === '-';
  if (!quiet) {
    if (bb) o.err(toStdout ? 'writing to stdout\n' : `saving to '${name}'\n`);
    else o.err(`connected.\nHTTP request sent, awaiting response... ${res.status} ${res.reason}\nLength: ${size}\nSaving to: '${toStdout ? 'STDOUT' : name}'\n\n`);
  }
  if (toStdout) o.out(res.body);
  else if (!ctx.host.fs.write(resolvePath(ctx.cwd, name), res.body, false)) {
    o.err(bb ? `wget: can't open '${name}': No such file or directory\n` : `${name}: No such file or directory\n`);
    return 1;
  }
  if (!quiet) {
    if (bb) o.err(`${wgetProgress(toStdout ? '-' : name, size)}${toStdout ? 'written to stdout' : `'${name}' saved`}\n`);
    else o.err(`${toStdout ? '-' : name}${' '.repeat(Math.max(1, 20 - (toStdout ? 1 : name.length)))}100%[===================>] ${size}  --.-KB/s    in 0s\n\n${new Date(ctx.now).toISOString().slice(0, 19).replace('T', ' ')} (${size} B/s) - '${toStdout ? 'written to stdout' : name}' saved [${size}/${size}]\n\n`);
  }
  return 0;
};

export const NET_TOOLS: Record<string, Tool> = { nslookup, curl, wget };
export type { ToolContext, ToolOutput };
