// nginx as its official image runs it: the docker-entrypoint's start-up lines, the master's
// notices, files served from /usr/share/nginx/html with nginx's headers and error pages, and the
// combined-format access log line for every request.
import type { HttpRequest, HttpResponse, LogLine, ServerModel } from './model';
import { goDate, httpDate, clfDate } from './time';

/** The last patch release of each nginx minor line the catalog knows. */
const LATEST_PATCH: Record<string, string> = {
  '1.7': '1.7.12', '1.8': '1.8.1', '1.9': '1.9.15', '1.10': '1.10.3', '1.11': '1.11.13', '1.12': '1.12.2', '1.13': '1.13.12',
  '1.14': '1.14.2', '1.15': '1.15.12', '1.16': '1.16.1', '1.17': '1.17.10', '1.18': '1.18.0', '1.19': '1.19.10', '1.20': '1.20.2',
  '1.21': '1.21.6', '1.22': '1.22.1', '1.23': '1.23.4', '1.24': '1.24.0', '1.25': '1.25.5', '1.26': '1.26.3', '1.27': '1.27.5',
  '1.28': '1.28.0', '1.29': '1.29.3',
};
const MAINLINE = '1.29.3';
const STABLE = '1.28.0';

/** The nginx version an image tag carries ("1.27-alpine" -> "1.27.5", "stable" -> "1.28.0"). */
export function nginxVersion(tag: string): string {
  const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(tag);
  if (!m) return tag.startsWith('stable') ? STABLE : MAINLINE;
  if (m[3] !== undefined) return `${m[1]}.${m[2]}.${m[3]}`;
  if (m[2] !== undefined) return LATEST_PATCH[`${m[1]}.${m[2]}`] ?? `${m[1]}.${m[2]}.0`;
  return MAINLINE;
}

export const NGINX_INDEX_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** The official image's /etc/nginx/nginx.conf. */
export const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;

/** The official image's /etc/nginx/conf.d/default.conf (the comments left out). */
export const NGINX_DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;

const REASONS: Record<number, string> = { 200: 'OK', 301: 'Moved Permanently', 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Not Allowed' };

/** The request path decoded, or undefined when its %-escapes are invalid (nginx answers 400). */
function decodedPath(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.split('?')[0] || '/');
  } catch (e) {
    if (e instanceof URIError) return undefined;
    throw e;
  }
}

function errorPage(status: number, version: string): string {
  const title = `${status} ${REASONS[status]}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

const WEB_ROOT = '/usr/share/nginx/html';

function versionOf(env: Record<string, string>): string {
  return env.NGINX_VERSION ?? MAINLINE;
}

function atLeast(version: string, minor: number): boolean {
  const [maj, min] = version.split('.').map(Number);
  return maj > 1 || min >= minor;
}

export const nginx: ServerModel = {
  name: 'nginx',
  ports: [80],

  startup({ at, env, cpus, viaEntrypoint }) {
    const version = versionOf(env);
    const lines: LogLine[] = [];
    const out = (text: string) => lines.push({ stream: 'stdout', text, at });
    const err = (text: string) => lines.push({ stream: 'stderr', text, at });
    // The entrypoint's configuration scripts arrived with the 1.19 images.
    if (viaEntrypoint && atLeast(version, 19)) {
      out('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
      out('/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/');
      out('/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh');
      out('10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf');
      out('10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf');
      if (atLeast(version, 25)) out('/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh');
      out('/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh');
      if (atLeast(version, 21)) out('/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh');
      out('/docker-entrypoint.sh: Configuration complete; ready for start up');
    }
    const t = goDate(at);
    err(`${t} [notice] 1#1: using the "epoll" event method`);
    err(`${t} [notice] 1#1: nginx/${version}`);
    err(`${t} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) `);
    err(`${t} [notice] 1#1: OS: Linux 6.8.0-45-generic`);
    err(`${t} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`);
    err(`${t} [notice] 1#1: start worker processes`);
    for (let i = 0; i < cpus; i++) err(`${t} [notice] 1#1: start worker process ${29 + i}`);
    return lines;
  },

  stop({ at, cpus }) {
    const t = goDate(at);
    const lines: LogLine[] = [{ stream: 'stderr', text: `${t} [notice] 1#1: signal 3 (SIGQUIT) received, shutting down`, at }];
    for (let i = 0; i < cpus; i++) lines.push({ stream: 'stderr', text: `${t} [notice] ${29 + i}#${29 + i}: gracefully shutting down`, at });
    lines.push({ stream: 'stderr', text: `${t} [notice] 1#1: exit`, at });
    return { code: 0, lines };
  },

  http(req: HttpRequest, { fs, env, at }): HttpResponse {
    const version = versionOf(env);
    const path = decodedPath(req.path) ?? '';
    let status = 200;
    let body: string | undefined;
    let file = `${WEB_ROOT}${path}`;
    if (decodedPath(req.path) === undefined) status = 400;
    else if (req.method !== 'GET' && req.method !== 'HEAD') status = 405;
    else if (fs.isDir(file)) {
      if (!path.endsWith('/')) status = 301;
      else {
        file = `${file}index.html`;
        body = fs.read(file);
        if (body === undefined) status = 403;
      }
    } else {
      body = fs.read(file);
      if (body === undefined) status = 404;
    }
    const headers: Record<string, string> = { Server: `nginx/${version}`, Date: httpDate(at) };
    if (status === 200) {
      headers['Content-Type'] = file.endsWith('.html') ? 'text/html' : file.endsWith('.json') ? 'application/json' : 'text/plain';
      headers['Content-Length'] = String(Buffer.byteLength(body!));
      headers['Last-Modified'] = httpDate(at);
      headers.Connection = 'keep-alive';
      headers.ETag = `"${Math.floor(at / 1000).toString(16)}-${Buffer.byteLength(body!).toString(16)}"`;
      headers['Accept-Ranges'] = 'bytes';
    } else {
      body = errorPage(status, version);
      headers['Content-Type'] = 'text/html';
      headers['Content-Length'] = String(Buffer.byteLength(body));
      headers.Connection = 'keep-alive';
      if (status === 301) headers.Location = `http://${req.host}${path}/`;
    }
    const bytes = req.method === 'HEAD' ? 0 : Buffer.byteLength(body!);
    const log: LogLine = {
      stream: 'stdout',
      at,
      text: `${req.clientIP} - - [${clfDate(at)}] "${req.method} ${req.path} HTTP/1.1" ${status} ${bytes} "-" "${req.userAgent}" "-"`,
    };
    return { status, reason: REASONS[status], headers, body: req.method === 'HEAD' ? '' : body!, log: [log] };
  },
};
