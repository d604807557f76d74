// The one place errors become kubectl's text and exit code (kubectl's cmdutil.CheckErr).
import { type StatusError, isStatusError } from '../api/errors';

/** A client-side failure: "error: <message>", optionally with the usage hint. */
export class CliError extends Error {
  constructor(
    message: string,
    /** The command path for "See 'kubectl <path> -h' for help and examples". */
    readonly usageOf?: string,
  ) {
    super(message);
  }
}

/** Text printed exactly as given (multi-line messages kubectl composes itself). */
export class RawError extends Error {
  constructor(
    readonly text: string,
    readonly exitCode = 1,
  ) {
    super(text);
  }
}

/** Several failures of one command, one per line, without "error: " prefixes. */
export class MultiError extends Error {
  constructor(readonly errors: Error[]) {
    super(errors.map((e) => e.message).join('\n'));
  }
}

/** A failure with a given exit code and no message (e.g. diff found differences). */
export class ExitCode extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

function invalidText(e: StatusError): string {
  const d = e.status.details;
  const message = e.status.message;
  if (!d) return `The request is invalid${message ? `: ${message}` : ''}\n`;
  let s = 'The request is invalid';
  const causes = [...new Set((d.causes ?? []).map((c) => `${c.field}: ${c.message}`))];
  if (d.kind || d.name) s = `The ${d.kind ?? ''} ${JSON.stringify(d.name ?? '')} is invalid`;
  else if (message && !causes.length) s += `: ${message}`;
  if (!causes.length) return `${s}\n`;
  if (causes.length === 1) return `${s}: ${causes[0]}\n`;
  return `${s}: \n${causes.map((c) => `* ${c}`).join('\n')}\n`;
}

function statusText(e: StatusError, inAggregate: boolean): string {
  if (e.reason === 'Invalid' && !inAggregate) return invalidText(e);
  if (e.reason === 'Unauthorized') return `error: You must be logged in to the server (${e.status.message})\n`;
  if (!e.reason) return `Error from server: ${e.status.message}\n`;
  return `Error from server (${e.reason}): ${e.status.message}\n`;
}

/** Renders one error; returns its text (always ending in a newline). */
export function errorText(e: unknown, inAggregate = false): string {
  if (isStatusError(e)) return statusText(e, inAggregate);
  if (e instanceof ExitCode) return '';
  if (e instanceof RawError) return e.text.endsWith('\n') || e.text === '' ? e.text : e.text + '\n';
  if (e instanceof MultiError) {
    // An aggregate of exactly one error is that error.
    if (e.errors.length === 1) return errorText(e.errors[0], inAggregate);
    return e.errors.map((x) => errorText(x, true)).join('');
  }
  if (e instanceof CliError) {
    const msg = e.message.startsWith('error: ') || inAggregate ? e.message : `error: ${e.message}`;
    // kubectl's fatal() adds a newline only to a message that does not end with one; an
    // aggregate's MultipleErrors ends every message with one more.
    return `${msg.endsWith('\n') && !inAggregate ? msg : msg + '\n'}${e.usageOf ? `See 'kubectl ${e.usageOf} -h' for help and examples\n` : ''}`;
  }
  const msg = e instanceof Error ? e.message : String(e);
  return msg.startsWith('error: ') || inAggregate ? `${msg}\n` : `error: ${msg}\n`;
}

export function exitCodeOf(e: unknown): number {
  if (e instanceof ExitCode) return e.code;
  if (e instanceof RawError) return e.exitCode;
  return 1;
}
