// The server programs the runtime models, by the name of the executable that starts them.
import type { ServerModel } from './model';
import { nginx } from './nginx';
import { httpd, mysql, opaque, postgres, redis } from './others';

export type { HttpRequest, HttpResponse, LogLine, ServerModel } from './model';
export { opaque };

const SERVERS: Record<string, ServerModel> = {
  nginx,
  'nginx-debug': nginx,
  httpd,
  'httpd-foreground': httpd,
  'redis-server': redis,
  postgres,
  mysqld: mysql,
};

/** The server an executable name starts, if it is one the runtime models. */
export function serverFor(program: string): ServerModel | undefined {
  return Object.hasOwn(SERVERS, program) ? SERVERS[program] : undefined;
}
