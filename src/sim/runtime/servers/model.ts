// The contract of a server program the runtime models (nginx, httpd, redis, ...): what it logs
// when it starts and stops, which ports it listens on, how it answers HTTP, whether it refuses
// to start.
import type { FileSystem } from '../../shell/host';

export interface LogLine {
  stream: 'stdout' | 'stderr';
  text: string;
  at: number;
}

export interface HttpRequest {
  method: string;
  host: string;
  path: string;
  clientIP: string;
  userAgent: string;
}

export interface HttpResponse {
  status: number;
  reason: string;
  headers: Record<string, string>;
  body: string;
  /** What the server writes to its own log about the request. */
  log: LogLine[];
}

export interface ServerContext {
  at: number;
  env: Record<string, string>;
  cpus: number;
  podIP: string;
  /** Started through the image's entrypoint script (which prints its own lines). */
  viaEntrypoint: boolean;
}

export interface ServerModel {
  name: string;
  /** TCP ports it listens on. */
  ports: number[];
  startup(ctx: ServerContext): LogLine[];
  /** Set when the program exits at once instead of serving (a missing password, say). */
  refuses?(ctx: ServerContext): { code: number; lines: LogLine[] } | undefined;
  /** Its answer to SIGTERM: servers shut down at once. */
  stop(ctx: { at: number; cpus: number }): { code: number; lines: LogLine[] };
  http?(req: HttpRequest, ctx: { fs: FileSystem; env: Record<string, string>; at: number }): HttpResponse;
}
