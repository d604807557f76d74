// The API's typed errors: a StatusError carries what a real API server returns as a
// metav1.Status. Messages follow apimachinery's api/errors templates; cli/errors.ts renders them.
import { type FieldError, errorBody, fieldErrorText } from './field';

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'Forbidden'
  | 'MethodNotAllowed'
  | 'InternalError'
  | 'Unauthorized'
  | 'Timeout'
  | 'TooManyRequests'
  /** StatusReasonUnknown: an error the API server has no reason for (kubectl: "Error from server: …"). */
  | '';

export interface StatusCause {
  reason: string;
  message: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: StatusReason;
  details?: StatusDetails;
  code: number;
}

export class StatusError extends Error {
  constructor(readonly status: Status) {
    super(status.message);
    this.name = 'StatusError';
  }
  get reason(): StatusReason {
    return this.status.reason;
  }
  get code(): number {
    return this.status.code;
  }
  /** A copy whose message names the file it came from, as kubectl's AddSourceToErr does. */
  withSource(verb: string, source: string): StatusError {
    return this.withMessage(`error when ${verb} ${JSON.stringify(source)}: ${this.status.message}`);
  }

  /** The same API error with its message reworded (kubectl does this without hiding the reason). */
  withMessage(message: string): StatusError {
    return new StatusError({ ...this.status, message });
  }
}

export function isStatusError(e: unknown, reason?: StatusReason): e is StatusError {
  return e instanceof StatusError && (reason === undefined || e.reason === reason);
}

/** "deployments.apps", "pods": how the API names a resource in its messages. */
export interface GroupResource {
  group: string;
  resource: string;
}

export function qualifiedResource(gr: GroupResource): string {
  return gr.group ? `${gr.resource}.${gr.group}` : gr.resource;
}

function make(reason: StatusReason, code: number, message: string, details?: StatusDetails): StatusError {
  return new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, details, code });
}

/** The API server's answer for a path it does not serve (go-restful's 404). */
export function noSuchResource(): StatusError {
  return make('NotFound', 404, 'the server could not find the requested resource');
}

export function notFound(gr: GroupResource, name: string): StatusError {
  return make('NotFound', 404, `${qualifiedResource(gr)} ${JSON.stringify(name)} not found`, {
    name,
    group: gr.group,
    kind: gr.resource,
  });
}

export function alreadyExists(gr: GroupResource, name: string): StatusError {
  return make('AlreadyExists', 409, `${qualifiedResource(gr)} ${JSON.stringify(name)} already exists`, {
    name,
    group: gr.group,
    kind: gr.resource,
  });
}

/** A generated name still taken after every attempt the API server makes (apimachinery's NewGenerateNameConflict). */
export function generateNameConflict(gr: GroupResource, name: string): StatusError {
  return make('AlreadyExists', 409, `${qualifiedResource(gr)} ${JSON.stringify(name)} already exists, the server was not able to generate a unique name for the object`, {
    name,
    group: gr.group,
    kind: gr.resource,
    retryAfterSeconds: 1,
  });
}

export const STALE_OBJECT =
  'the object has been modified; please apply your changes to the latest version and try again';

export function conflict(gr: GroupResource, name: string, detail: string): StatusError {
  return make('Conflict', 409, `Operation cannot be fulfilled on ${qualifiedResource(gr)} ${JSON.stringify(name)}: ${detail}`, {
    name,
    group: gr.group,
    kind: gr.resource,
  });
}

export function forbidden(gr: GroupResource, name: string, why: string): StatusError {
  const message = !gr.resource
    ? `forbidden: ${why}`
    : name
      ? `${qualifiedResource(gr)} ${JSON.stringify(name)} is forbidden: ${why}`
      : `${qualifiedResource(gr)} is forbidden: ${why}`;
  return make('Forbidden', 403, message, { name, group: gr.group, kind: gr.resource });
}

export function badRequest(message: string): StatusError {
  return make('BadRequest', 400, message);
}

export function methodNotAllowed(message: string): StatusError {
  return make('MethodNotAllowed', 405, message);
}

export function internalError(message: string): StatusError {
  return make('InternalError', 500, `Internal error occurred: ${message}`);
}

/** A plain error the API server passes on with a 500 and no reason (a kubelet it cannot dial). */
export function unknownError(message: string): StatusError {
  return make('', 500, message);
}

/** 429: try again later (a disruption budget that allows no eviction now); a retry hint when given. */
export function tooManyRequests(message: string, retryAfterSeconds: number, causes: StatusCause[]): StatusError {
  return make('TooManyRequests', 429, message, { causes, ...(retryAfterSeconds > 0 ? { retryAfterSeconds } : {}) });
}

export function unauthorized(): StatusError {
  return make('Unauthorized', 401, 'Unauthorized');
}

/** A group-qualified kind as apimachinery prints it: "Deployment.apps", "Pod". */
export interface GroupKind {
  group: string;
  kind: string;
}

const CAUSE_REASONS: Record<FieldError['type'], string> = {
  'Required value': 'FieldValueRequired',
  'Invalid value': 'FieldValueInvalid',
  'Unsupported value': 'FieldValueNotSupported',
  'Duplicate value': 'FieldValueDuplicate',
  Forbidden: 'FieldValueForbidden',
  'Too long': 'FieldValueTooLong',
  'Too many': 'FieldValueTooMany',
  'Not found': 'FieldValueNotFound',
};

export function invalid(gk: GroupKind, name: string, errors: FieldError[]): StatusError {
  const qualified = gk.group ? `${gk.kind}.${gk.group}` : gk.kind;
  const texts = [...new Set(errors.map(fieldErrorText))];
  const aggregate = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`;
  const message = texts.length ? `${qualified} ${JSON.stringify(name)} is invalid: ${aggregate}` : `${qualified} ${JSON.stringify(name)} is invalid`;
  return make('Invalid', 422, message, {
    name,
    group: gk.group,
    kind: gk.kind,
    causes: errors.map((e) => ({
      reason: CAUSE_REASONS[e.type],
      message: errorBody(e),
      field: e.field,
    })),
  });
}

/** An Invalid error without details: kubectl prints "The request is invalid: <message>". */
export function invalidRequest(message: string): StatusError {
  return make('Invalid', 422, message);
}
