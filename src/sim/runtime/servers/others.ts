// The other long-running programs of the catalog's images: Apache httpd, redis, the databases
// (which refuse to start without a password), and the opaque program of an image outside the
// catalog (it starts, listens on its declared ports and runs until stopped).
import type { LogLine, ServerModel } from './model';
import { apacheDate, clfDate, httpDate, isoSpace, redisDate } from './time';

const line = (stream: LogLine['stream'], at: number) => (text: string): LogLine => ({ stream, text, at });

export const httpd: ServerModel = {
  name: 'httpd',
  ports: [80],
  startup({ at, podIP, env }) {
    const err = line('stderr', at);
    const fqdn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${podIP}. Set the 'ServerName' directive globally to suppress this message`;
    const t = apacheDate(at);
    return [
      err(fqdn),
      err(fqdn),
      err(`[${t}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/${env.HTTPD_VERSION ?? '2.4.62'} (Unix) configured -- resuming normal operations`),
      err(`[${t}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`),
    ];
  },
  stop({ at }) {
    return { code: 0, lines: [line('stderr', at)(`[${apacheDate(at)}] [mpm_event:notice] [pid 1:tid 1] AH00492: caught SIGWINCH, shutting down gracefully`)] };
  },
  http(req, { fs, at }) {
    const path = req.path.split('?')[0] || '/';
    let file = `/usr/local/apache2/htdocs${path}`;
    if (fs.isDir(file)) file = `${file.replace(/\/$/, '')}/index.html`;
    const body = fs.read(file);
    const status = body === undefined ? 404 : 200;
    const text =
      body ??
      `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n`;
    return {
      status,
      reason: status === 200 ? 'OK' : 'Not Found',
      headers: { Date: httpDate(at), Server: 'Apache/2.4.62 (Unix)', 'Content-Length': String(Buffer.byteLength(text)), 'Content-Type': 'text/html' },
      body: text,
      log: [line('stdout', at)(`${req.clientIP} - - [${clfDate(at)}] "${req.method} ${req.path} HTTP/1.1" ${status} ${Buffer.byteLength(text)}`)],
    };
  },
};

export const redis: ServerModel = {
  name: 'redis',
  ports: [6379],
  startup({ at }) {
    const t = redisDate(at);
    const out = line('stdout', at);
    return [
      out(`1:C ${t} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`),
      out(`1:C ${t} * Redis version=7.4.2, bits=64, commit=00000000, modified=0, pid=1, just started`),
      out(`1:C ${t} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf`),
      out(`1:M ${t} * monotonic clock: POSIX clock_gettime`),
      out(`1:M ${t} * Running mode=standalone, port=6379.`),
      out(`1:M ${t} * Server initialized`),
      out(`1:M ${t} * Ready to accept connections tcp`),
    ];
  },
  stop({ at }) {
    const t = redisDate(at);
    const out = line('stdout', at);
    return { code: 0, lines: [out(`1:signal-handler (${Math.floor(at / 1000)}) Received SIGTERM scheduling shutdown...`), out(`1:M ${t} # User requested shutdown...`), out(`1:M ${t} # Redis is now ready to exit, bye bye...`)] };
  },
};

export const postgres: ServerModel = {
  name: 'postgres',
  ports: [5432],
  refuses({ at, env }) {
    if (env.POSTGRES_PASSWORD || env.POSTGRES_HOST_AUTH_METHOD === 'trust') return undefined;
    const err = line('stderr', at);
    return {
      code: 1,
      lines: [
        'Error: Database is uninitialized and superuser password is not specified.',
        '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
        '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
        '',
        '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
        '       connections without a password. This is *not* recommended.',
        '',
        '       See PostgreSQL documentation about "trust":',
        '       https://www.postgresql.org/docs/current/auth-trust.html',
      ].map(err),
    };
  },
  startup({ at }) {
    const t = isoSpace(at).replace('+00:00', '.000 UTC');
    return [line('stderr', at)(`${t} [1] LOG:  database system is ready to accept connections`)];
  },
  stop({ at }) {
    const t = isoSpace(at).replace('+00:00', '.000 UTC');
    return { code: 0, lines: [line('stderr', at)(`${t} [1] LOG:  received fast shutdown request`), line('stderr', at)(`${t} [1] LOG:  database system is shut down`)] };
  },
};

export const mysql: ServerModel = {
  name: 'mysql',
  ports: [3306, 33060],
  refuses({ at, env }) {
    if (env.MYSQL_ROOT_PASSWORD || env.MYSQL_ALLOW_EMPTY_PASSWORD || env.MYSQL_RANDOM_ROOT_PASSWORD) return undefined;
    const t = isoSpace(at);
    const err = line('stderr', at);
    return {
      code: 1,
      lines: [
        err(`${t} [Note] [Entrypoint]: Entrypoint script for MySQL Server 9.1.0-1.el9 started.`),
        err(`${t} [Note] [Entrypoint]: Switching to dedicated user 'mysql'`),
        err(`${t} [Note] [Entrypoint]: Entrypoint script for MySQL Server 9.1.0-1.el9 started.`),
        err(`${t} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified`),
        err('    You need to specify one of the following as an environment variable:'),
        err('    - MYSQL_ROOT_PASSWORD'),
        err('    - MYSQL_ALLOW_EMPTY_PASSWORD'),
        err('    - MYSQL_RANDOM_ROOT_PASSWORD'),
      ],
    };
  },
  startup({ at }) {
    return [line('stderr', at)(`${isoSpace(at).replace('+00:00', '.000000Z')} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '9.1.0'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`)];
  },
  stop() {
    return { code: 0, lines: [] };
  },
};

/** The program of an image pocketkube knows nothing about: it runs quietly until stopped. */
export const opaque: ServerModel = {
  name: 'opaque',
  ports: [],
  startup: () => [],
  stop: () => ({ code: 0, lines: [] }),
};
