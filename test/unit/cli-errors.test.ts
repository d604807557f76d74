// kubectl's error rendering (cmdutil.CheckErr / checkErr, StandardErrorMessage, MultilineError,
// MultipleErrors in kubectl v0.32.4 pkg/cmd/util/helpers.go), §0.1 and §5 of the reference.
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
  notFound,
  unauthorized,
} from '../../src/api/errors';
import { invalid as invalidField, required } from '../../src/api/field';
import { CliError, ExitCode, MultiError, RawError, errorText, exitCodeOf } from '../../src/cli/errors';

const deployments = { group: 'apps', resource: 'deployments' };
const pods = { group: '', resource: 'pods' };
const NAME_DETAIL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DEPLOYMENT = { group: 'apps', kind: 'Deployment' };
const oneCause = () => invalid(DEPLOYMENT, 'x', [invalidField('spec.replicas', -1, 'must be greater than or equal to 0')]);
const twoCauses = () =>
  invalid(DEPLOYMENT, 'invalid2', [
    required('spec.template.spec.containers[0].image'),
    invalidField('spec.template.spec.containers[0].name', '-bad', NAME_DETAIL),
  ]);

describe('API status errors: "Error from server (<Reason>): <message>"', () => {
  const cases: [string, StatusError, string][] = [
    ['NotFound', notFound(deployments, 'x'), 'Error from server (NotFound): deployments.apps "x" not found\n'],
    ['NotFound namespace', notFound({ group: '', resource: 'namespaces' }, 'foo'), 'Error from server (NotFound): namespaces "foo" not found\n'],
    ['AlreadyExists', alreadyExists(deployments, 'web'), 'Error from server (AlreadyExists): deployments.apps "web" already exists\n'],
    [
      'AlreadyExists from a file',
      alreadyExists(deployments, 'web').withSource('creating', 'dep.yaml'),
      'Error from server (AlreadyExists): error when creating "dep.yaml": deployments.apps "web" already exists\n',
    ],
    [
      'Conflict from a file',
      conflict(deployments, 'nginx', STALE_OBJECT).withSource('replacing', 'n.yaml'),
      'Error from server (Conflict): error when replacing "n.yaml": Operation cannot be fulfilled on deployments.apps "nginx": the object has been modified; please apply your changes to the latest version and try again\n',
    ],
    [
      'Forbidden',
      forbidden(pods, '', 'User "jane" cannot list resource "pods" in API group "" in the namespace "default"'),
      'Error from server (Forbidden): pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"\n',
    ],
    ['BadRequest', badRequest('nope'), 'Error from server (BadRequest): nope\n'],
    ['InternalError', internalError('boom'), 'Error from server (InternalError): Internal error occurred: boom\n'],
    ['Unauthorized', unauthorized(), 'error: You must be logged in to the server (Unauthorized)\n'],
  ];
  it.each(cases)('%s', (_name, err, text) => {
    expect(errorText(err)).toBe(text);
    expect(exitCodeOf(err)).toBe(1);
  });
  it('a status without a reason prints "Error from server: <message>"', () => {
    const e = new StatusError({ ...badRequest('plain failure').status, reason: '' as never });
    expect(errorText(e)).toBe('Error from server: plain failure\n');
  });
});

describe('Invalid: "The <Kind> "<name>" is invalid: ..." without any prefix', () => {
  it('one cause on one line', () => {
    expect(errorText(oneCause())).toBe('The Deployment "x" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n');
  });
  it('several causes as a bullet list, with a trailing space after "invalid:"', () => {
    expect(errorText(twoCauses())).toBe(
      'The Deployment "invalid2" is invalid: \n' +
        '* spec.template.spec.containers[0].image: Required value\n' +
        `* spec.template.spec.containers[0].name: Invalid value: "-bad": ${NAME_DETAIL}\n`,
    );
  });
  it('duplicate cause lines are dropped', () => {
    const dup = invalid(DEPLOYMENT, 'x', [required('spec.selector'), required('spec.selector'), required('spec.template')]);
    expect(errorText(dup)).toBe('The Deployment "x" is invalid: \n* spec.selector: Required value\n* spec.template: Required value\n');
    const allSame = invalid(DEPLOYMENT, 'x', [required('spec.selector'), required('spec.selector')]);
    expect(errorText(allSame)).toBe('The Deployment "x" is invalid: spec.selector: Required value\n');
  });
  it('uses the bare kind of the details (core and grouped kinds alike)', () => {
    expect(errorText(invalid({ group: '', kind: 'Pod' }, 'p', [required('spec.containers[0].image')]))).toBe(
      'The Pod "p" is invalid: spec.containers[0].image: Required value\n',
    );
  });
  it('a source added by -f does not change the Invalid format', () => {
    expect(errorText(oneCause().withSource('creating', 'd.yaml'))).toBe(
      'The Deployment "x" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    );
  });
  it('without causes: just "The <Kind> "<name>" is invalid"', () => {
    expect(errorText(invalid(DEPLOYMENT, 'x', []))).toBe('The Deployment "x" is invalid\n');
  });
  it('without details: "The request is invalid: <message>"', () => {
    expect(errorText(invalidRequest('spec.foo: bad'))).toBe('The request is invalid: spec.foo: bad\n');
  });
  it('details without kind, name or causes: the message is appended', () => {
    const e = new StatusError({ ...invalidRequest('something is wrong').status, details: {} });
    expect(errorText(e)).toBe('The request is invalid: something is wrong\n');
  });
  it('a cause without a field still prints "<field>: <message>" (": <message>")', () => {
    const e = new StatusError({
      ...oneCause().status,
      details: { name: 'x', kind: 'Deployment', causes: [{ reason: 'FieldValueInvalid', message: 'bad', field: '' }] },
    });
    expect(errorText(e)).toBe('The Deployment "x" is invalid: : bad\n');
  });
});

describe('client-side errors', () => {
  it('CliError gets "error: " once', () => {
    expect(errorText(new CliError('the server doesn\'t have a resource type "foo"'))).toBe('error: the server doesn\'t have a resource type "foo"\n');
    expect(errorText(new CliError('error: already prefixed'))).toBe('error: already prefixed\n');
  });
  it('CliError with a usage hint', () => {
    expect(errorText(new CliError('Required resource not specified.', 'get'))).toBe(
      "error: Required resource not specified.\nSee 'kubectl get -h' for help and examples\n",
    );
    expect(errorText(new CliError('unknown command "foo"', 'rollout'))).toBe(
      "error: unknown command \"foo\"\nSee 'kubectl rollout -h' for help and examples\n",
    );
  });
  it('any other Error or value: "error: <message>"', () => {
    expect(errorText(new Error('boom'))).toBe('error: boom\n');
    expect(errorText(new Error('error: boom'))).toBe('error: boom\n');
    expect(errorText('just a string')).toBe('error: just a string\n');
  });
  it('RawError is printed as given, with one trailing newline', () => {
    expect(errorText(new RawError('line1\nline2'))).toBe('line1\nline2\n');
    expect(errorText(new RawError('line1\n'))).toBe('line1\n');
    expect(errorText(new RawError(''))).toBe('');
  });
});

describe('MultiError: one line per error, no "error: " prefix', () => {
  it('several NotFound errors', () => {
    expect(errorText(new MultiError([notFound(pods, 'a'), notFound(pods, 'b')]))).toBe(
      'Error from server (NotFound): pods "a" not found\nError from server (NotFound): pods "b" not found\n',
    );
  });
  it('plain errors keep their bare message', () => {
    expect(errorText(new MultiError([new Error('timed out waiting for the condition on pods/a'), new CliError('timed out waiting for the condition on pods/b')]))).toBe(
      'timed out waiting for the condition on pods/a\ntimed out waiting for the condition on pods/b\n',
    );
  });
  it('Invalid errors inside use the generic form with the server message', () => {
    const e1 = twoCauses().withSource('creating', 'f.yaml');
    const e2 = oneCause().withSource('creating', 'f.yaml');
    expect(errorText(new MultiError([e1, e2]))).toBe(
      `Error from server (Invalid): error when creating "f.yaml": Deployment.apps "invalid2" is invalid: [spec.template.spec.containers[0].image: Required value, spec.template.spec.containers[0].name: Invalid value: "-bad": ${NAME_DETAIL}]\n` +
        'Error from server (Invalid): error when creating "f.yaml": Deployment.apps "x" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    );
  });
  it('mixed API and client errors', () => {
    expect(errorText(new MultiError([alreadyExists({ group: '', resource: 'configmaps' }, 'cfg').withSource('creating', 'cm.yaml'), unauthorized(), new Error('x')]))).toBe(
      'Error from server (AlreadyExists): error when creating "cm.yaml": configmaps "cfg" already exists\nerror: You must be logged in to the server (Unauthorized)\nx\n',
    );
  });
  it('an aggregate of exactly one error is unwrapped first', () => {
    expect(errorText(new MultiError([new CliError('boom')]))).toBe('error: boom\n');
    expect(errorText(new MultiError([oneCause()]))).toBe(
      'The Deployment "x" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    );
  });
  it('exits 1', () => {
    expect(exitCodeOf(new MultiError([new Error('a'), new Error('b')]))).toBe(1);
  });
});

describe('exitCodeOf', () => {
  it.each([
    [new ExitCode(2), 2],
    [new ExitCode(0), 0],
    [new RawError('x', 3), 3],
    [new RawError('x'), 1],
    [new CliError('x'), 1],
    [notFound(pods, 'x'), 1],
    [new Error('x'), 1],
    ['x', 1],
  ] as [unknown, number][])('%s -> %d', (e, code) => {
    expect(exitCodeOf(e)).toBe(code);
  });
});
