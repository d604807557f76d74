// -v=6..9: the REST requests a command makes, logged as kubectl's client-go logs them (klog info
// lines from round_trippers.go): the request line and status at 6, headers at 7, bodies at 8
// (truncated) and 9 (whole, with the request as a curl command). Requests are answered in
// process, so each takes 0 milliseconds.
import { CLIENT_VERSION } from '../api/version';
import type { CommandContext } from './context';
import { klogInfo } from './klog';
import type { TracedRequest } from '../client/tracing';

const STATUS_TEXT: Record<number, string> = {
  101: 'Switching Protocols',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The bytes of a body kubectl logs at -v=8 before truncating it. */
const TRUNCATE_AT = 10240;

const USER_AGENT = `kubectl/${CLIENT_VERSION} (linux/amd64) kubernetes/pocketkube`;

function bodyText(body: unknown): string {
  return typeof body === 'string' ? body : JSON.stringify(body) ?? '';
}

function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** A reporter for the tracing client that writes kubectl's lines for `level` against `server`. */
export function requestLogger(c: CommandContext, level: number, server: string): (r: TracedRequest) => void {
  const base = server.replace(/\/+$/, '');
  const log = (source: string, message: string) => klogInfo(c, source, message);
  return (r) => {
    const url = base + r.url;
    const status = `${r.code} ${STATUS_TEXT[r.code] ?? ''}`.trimEnd();
    const accept = 'application/json, */*';
    const request = r.requestBody === undefined ? '' : bodyText(r.requestBody);
    const response = r.responseBody === undefined ? '' : bodyText(r.responseBody);
    if (level >= 9) {
      const headers = [`-H "Accept: ${accept}"`, ...(r.contentType ? [`-H "Content-Type: ${r.contentType}"`] : []), `-H "User-Agent: ${USER_AGENT}"`];
      log('round_trippers.go:473', `curl -v -X${r.method} ${headers.join(' ')} '${url}'`);
      log('round_trippers.go:560', `${r.method} ${url} ${status} in 0 milliseconds`);
      log('round_trippers.go:577', 'HTTP Statistics: GetConnection 0 ms ServerProcessing 0 ms Duration 0 ms');
    } else if (level >= 7) {
      if (level >= 8 && request) log('request.go:1351', `"Request Body" body=${JSON.stringify(request)}`);
      log('round_trippers.go:470', `${r.method} ${url}`);
      log('round_trippers.go:476', 'Request Headers:');
      log('round_trippers.go:480', `    Accept: ${accept}`);
      if (r.contentType) log('round_trippers.go:480', `    Content-Type: ${r.contentType}`);
      log('round_trippers.go:480', `    User-Agent: ${USER_AGENT}`);
      log('round_trippers.go:581', `Response Status: ${status} in 0 milliseconds`);
    } else {
      log('round_trippers.go:560', `${r.method} ${url} ${status} in 0 milliseconds`);
    }
    if (level < 8) return;
    log('round_trippers.go:584', 'Response Headers:');
    log('round_trippers.go:587', `    Content-Type: ${typeof r.responseBody === 'string' ? 'text/plain' : 'application/json'}`);
    log('round_trippers.go:587', `    Date: ${httpDate(c.io.wallTime())}`);
    if (!response) return;
    const shown = level < 9 && response.length > TRUNCATE_AT ? `${response.slice(0, TRUNCATE_AT)} [truncated ${response.length - TRUNCATE_AT} chars]` : response;
    log('helper.go:105', `"Response Body" body=${JSON.stringify(shown)}`);
  };
}
