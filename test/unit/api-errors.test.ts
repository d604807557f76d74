// StatusErrors as the API server returns them (k8s.io/apimachinery/pkg/api/errors: NewNotFound,
// NewAlreadyExists, NewConflict, NewForbidden, NewInvalid, ...), §5.1-§5.3 of the kubectl reference.
import { describe, expect, it } from 'vitest';
import {
  STALE_OBJECT,
  StatusError,
  alreadyExists,
  badRequest,
  conflict,
  forbidden,
  internalError,
  invalid,
  invalidRequest,
  isStatusError,
  methodNotAllowed,
  notFound,
  qualifiedResource,
  unauthorized,
} from '../../src/api/errors';
import { duplicate, goStringMap, invalid as invalidField, required } from '../../src/api/field';

const deployments = { group: 'apps', resource: 'deployments' };
const pods = { group: '', resource: 'pods' };
const NAME_DETAIL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

describe('qualifiedResource (GroupResource.String)', () => {
  it.each([
    [pods, 'pods'],
    [deployments, 'deployments.apps'],
    [{ group: 'batch', resource: 'jobs' }, 'jobs.batch'],
    [{ group: 'networking.k8s.io', resource: 'ingresses' }, 'ingresses.networking.k8s.io'],
    [{ group: 'rbac.authorization.k8s.io', resource: 'roles' }, 'roles.rbac.authorization.k8s.io'],
  ])('%j -> %s', (gr, text) => {
    expect(qualifiedResource(gr)).toBe(text);
  });
});

describe('status errors: reason, code and message', () => {
  const cases: [string, StatusError, string, number, string][] = [
    ['notFound', notFound(deployments, 'x'), 'NotFound', 404, 'deployments.apps "x" not found'],
    ['notFound core', notFound(pods, 'web-0'), 'NotFound', 404, 'pods "web-0" not found'],
    ['notFound namespace', notFound({ group: '', resource: 'namespaces' }, 'foo'), 'NotFound', 404, 'namespaces "foo" not found'],
    ['alreadyExists', alreadyExists(deployments, 'web'), 'AlreadyExists', 409, 'deployments.apps "web" already exists'],
    ['alreadyExists core', alreadyExists({ group: '', resource: 'configmaps' }, 'cfg'), 'AlreadyExists', 409, 'configmaps "cfg" already exists'],
    [
      'conflict',
      conflict(deployments, 'nginx', STALE_OBJECT),
      'Conflict',
      409,
      'Operation cannot be fulfilled on deployments.apps "nginx": the object has been modified; please apply your changes to the latest version and try again',
    ],
    [
      'forbidden collection',
      forbidden(pods, '', 'User "jane" cannot list resource "pods" in API group "" in the namespace "default"'),
      'Forbidden',
      403,
      'pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"',
    ],
    [
      'forbidden named',
      forbidden(deployments, 'web', 'User "jane" cannot get resource "deployments" in API group "apps" in the namespace "dev"'),
      'Forbidden',
      403,
      'deployments.apps "web" is forbidden: User "jane" cannot get resource "deployments" in API group "apps" in the namespace "dev"',
    ],
    ['forbidden without a resource', forbidden({ group: '', resource: '' }, '', 'no'), 'Forbidden', 403, 'forbidden: no'],
    ['badRequest', badRequest('bad things'), 'BadRequest', 400, 'bad things'],
    ['methodNotAllowed', methodNotAllowed('the server does not allow this method on the requested resource'), 'MethodNotAllowed', 405, 'the server does not allow this method on the requested resource'],
    ['internalError', internalError('boom'), 'InternalError', 500, 'Internal error occurred: boom'],
    ['unauthorized', unauthorized(), 'Unauthorized', 401, 'Unauthorized'],
    ['invalidRequest', invalidRequest('it is wrong'), 'Invalid', 422, 'it is wrong'],
  ];
  it.each(cases)('%s', (_name, err, reason, code, message) => {
    expect(err).toBeInstanceOf(StatusError);
    expect(err).toBeInstanceOf(Error);
    expect(err.reason).toBe(reason);
    expect(err.code).toBe(code);
    expect(err.message).toBe(message);
    expect(err.status).toMatchObject({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code });
  });
  it('notFound / alreadyExists / conflict / forbidden carry details {name, group, kind: resource}', () => {
    expect(notFound(deployments, 'x').status.details).toEqual({ name: 'x', group: 'apps', kind: 'deployments' });
    expect(alreadyExists(pods, 'p').status.details).toEqual({ name: 'p', group: '', kind: 'pods' });
    expect(conflict(deployments, 'x', 'd').status.details).toEqual({ name: 'x', group: 'apps', kind: 'deployments' });
    expect(forbidden(deployments, 'x', 'd').status.details).toMatchObject({ name: 'x', group: 'apps', kind: 'deployments' });
  });
});

describe('invalid (NewInvalid)', () => {
  const gk = { group: 'apps', kind: 'Deployment' };
  it('one cause: "<Kind>.<group> "<name>" is invalid: <field error>"', () => {
    const e = invalid(gk, 'x', [invalidField('spec.replicas', -1, 'must be greater than or equal to 0')]);
    expect(e.reason).toBe('Invalid');
    expect(e.code).toBe(422);
    expect(e.message).toBe('Deployment.apps "x" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
    expect(e.status.details).toEqual({
      name: 'x',
      group: 'apps',
      kind: 'Deployment',
      causes: [{ reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0', field: 'spec.replicas' }],
    });
  });
  it('several causes: "[a, b]"', () => {
    const e = invalid(gk, 'invalid2', [
      required('spec.template.spec.containers[0].image'),
      invalidField('spec.template.spec.containers[0].name', '-bad', NAME_DETAIL),
    ]);
    expect(e.message).toBe(
      `Deployment.apps "invalid2" is invalid: [spec.template.spec.containers[0].image: Required value, spec.template.spec.containers[0].name: Invalid value: "-bad": ${NAME_DETAIL}]`,
    );
    expect(e.status.details!.causes).toEqual([
      { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.template.spec.containers[0].image' },
      { reason: 'FieldValueInvalid', message: `Invalid value: "-bad": ${NAME_DETAIL}`, field: 'spec.template.spec.containers[0].name' },
    ]);
  });
  it('duplicate messages are dropped from the message but every cause is kept', () => {
    const errs = [required('spec.selector'), required('spec.selector')];
    const e = invalid(gk, 'x', errs);
    expect(e.message).toBe('Deployment.apps "x" is invalid: spec.selector: Required value');
    expect(e.status.details!.causes).toHaveLength(2);
    const three = invalid(gk, 'x', [required('a'), required('b'), required('a')]);
    expect(three.message).toBe('Deployment.apps "x" is invalid: [a: Required value, b: Required value]');
  });
  it('core kinds have no group; no causes -> "is invalid"', () => {
    expect(invalid({ group: '', kind: 'Pod' }, 'p', [required('spec.containers')]).message).toBe('Pod "p" is invalid: spec.containers: Required value');
    expect(invalid(gk, 'x', []).message).toBe('Deployment.apps "x" is invalid');
  });
  it('cause reasons follow the field error type', () => {
    const e = invalid(gk, 'x', [
      invalidField('spec.template.metadata.labels', goStringMap({ app: 'web2' }), '`selector` does not match template `labels`'),
      duplicate('spec.template.spec.containers[1].name', 'c'),
    ]);
    expect(e.status.details!.causes!.map((c) => c.reason)).toEqual(['FieldValueInvalid', 'FieldValueDuplicate']);
    expect(e.message).toBe(
      'Deployment.apps "x" is invalid: [spec.template.metadata.labels: Invalid value: map[string]string{"app":"web2"}: `selector` does not match template `labels`, spec.template.spec.containers[1].name: Duplicate value: "c"]',
    );
  });
});

describe('withSource (kubectl AddSourceToErr)', () => {
  it('prefixes the message with "error when <verb> "<source>": " and keeps everything else', () => {
    const orig = alreadyExists(deployments, 'web');
    const e = orig.withSource('creating', 'dep.yaml');
    expect(e).toBeInstanceOf(StatusError);
    expect(e.message).toBe('error when creating "dep.yaml": deployments.apps "web" already exists');
    expect(e.reason).toBe('AlreadyExists');
    expect(e.code).toBe(409);
    expect(e.status.details).toEqual(orig.status.details);
    expect(orig.message).toBe('deployments.apps "web" already exists');
  });
  it('works for replacing and deleting', () => {
    expect(conflict(deployments, 'nginx', STALE_OBJECT).withSource('replacing', 'n.yaml').message).toBe(
      'error when replacing "n.yaml": Operation cannot be fulfilled on deployments.apps "nginx": the object has been modified; please apply your changes to the latest version and try again',
    );
    expect(notFound(pods, 'x').withSource('deleting', 'pods.yaml').message).toBe('error when deleting "pods.yaml": pods "x" not found');
  });
});

describe('isStatusError', () => {
  it('checks the type and optionally the reason', () => {
    const e = notFound(pods, 'x');
    expect(isStatusError(e)).toBe(true);
    expect(isStatusError(e, 'NotFound')).toBe(true);
    expect(isStatusError(e, 'Conflict')).toBe(false);
    expect(isStatusError(new Error('x'))).toBe(false);
    expect(isStatusError(undefined)).toBe(false);
    expect(isStatusError({ status: e.status })).toBe(false);
  });
});
