// Input that cannot hang or poison: numbers out of range, nesting and aliases past every limit,
// bad base64, oversized ConfigMaps, and keys named like JavaScript's object machinery. Each
// refused command prints kubectl v1.32's text and exit code and leaves the store byte-identical.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Home, type Result, throwawayHomes } from '../helpers/cli';
import { deploymentManifest } from '../helpers/manifests';

/** Runs a command that must be refused: its result, with the store checked unchanged. */
function refused(h: Home, args: string[], opts: { input?: string } = {}): Result {
  const before = h.storeHash();
  const r = h.run(args, opts);
  expect(r.code).not.toBe(0);
  expect(h.storeHash()).toBe(before);
  return r;
}

const deployment = (name: string, replicas: string) => deploymentManifest(name, { spec: `  replicas: ${replicas}\n` });

const cannotHandle = (source: string, detail: string) =>
  `Error from server (BadRequest): error when creating "${source}": Deployment in version "v1" cannot be handled as a Deployment: ${detail}\n`;
const replicasError = (number: string) => `json: cannot unmarshal number ${number} into Go struct field DeploymentSpec.spec.replicas of type int32`;

describe('integer fields are held to their Go types', () => {
  const h = new Home();
  beforeAll(() => h.ok('apply', '-f', h.file('web.yaml', deployment('web', '1'))));
  afterAll(() => h.remove());

  it('create -f and apply -f refuse replicas past int32 with the decoder\'s words, and build no pods', () => {
    for (const [literal, shown] of [
      ['2147483648', '2147483648'],
      // kubectl reads it as a uint64, then as a float64, and sends Go's shortest digits.
      ['9223372036854775808', '9223372036854776000'],
      ['1e308', '1e+308'],
      ['-2147483649', '-2147483649'],
      ['1.5', '1.5'],
    ]) {
      const f = h.file(`r-${literal}.yaml`, deployment('big', literal));
      for (const verb of ['create', 'apply'])
        expect(refused(h, [verb, '-f', f])).toEqual({ code: 1, stdout: '', stderr: cannotHandle(f, replicasError(shown)) });
    }
    expect(h.ok('get', 'pods', '-l', 'app=big')).toBe('');
  });

  it('reads 0x7fffffff and 1_000_000 as go-yaml v2 does: numbers, which fit', () => {
    for (const [literal, value] of [
      ['0x7fffffff', '2147483647'],
      ['1_000_000', '1000000'],
    ]) {
      const f = h.file(`ok-${literal}.yaml`, deployment('fits', literal));
      expect(h.ok('create', '-f', f, '--dry-run=server', '-o', 'jsonpath={.spec.replicas}')).toBe(value);
    }
  });

  it('checks int64 fields and IntOrString values too', () => {
    const f = h.file('deadline.yaml', deployment('deadline', '1').replace('    spec:\n', '    spec:\n      activeDeadlineSeconds: 9223372036854775808\n'));
    expect(refused(h, ['create', '-f', f]).stderr).toBe(
      cannotHandle(f, 'json: cannot unmarshal number 9223372036854776000 into Go struct field PodSpec.spec.template.spec.activeDeadlineSeconds of type int64'),
    );
    // IntOrString decodes itself with the standard library, whose error names no field.
    const g = h.file('surge.yaml', deployment('surge', '1').replace('  selector:', '  strategy:\n    rollingUpdate:\n      maxSurge: 2147483648\n  selector:'));
    expect(refused(h, ['create', '-f', g]).stderr).toBe(cannotHandle(g, 'json: cannot unmarshal number 2147483648 into Go value of type int32'));
  });

  it('scale --replicas past int32 fails on the Scale the patch produced', () => {
    const d = JSON.parse(h.ok('get', 'deploy', 'web', '-o', 'json'));
    const { uid, resourceVersion, creationTimestamp } = d.metadata;
    const scale = `{"apiVersion":"autoscaling/v1","kind":"Scale","metadata":{"name":"web","namespace":"default","uid":"${uid}","resourceVersion":"${resourceVersion}","creationTimestamp":"${creationTimestamp}"},"spec":{"replicas":2147483648},"status":{"replicas":1,"selector":"app=web"}}`;
    expect(refused(h, ['scale', 'deploy', 'web', '--replicas=2147483648'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `The request is invalid: patch: Invalid value: ${JSON.stringify(scale)}: json: cannot unmarshal number 2147483648 into Go struct field ScaleSpec.spec.replicas of type int32\n`,
    });
    expect(refused(h, ['scale', 'deploy', 'web', '--replicas=2147483648', '--dry-run=server']).stderr).toMatch(/ScaleSpec\.spec\.replicas of type int32\n$/);
    // With a precondition kubectl reads the Scale and writes back int32(replicas), which wraps.
    expect(refused(h, ['scale', 'deploy', 'web', '--replicas=2147483648', '--current-replicas=1'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'The Scale "web" is invalid: spec.replicas: Invalid value: -2147483648: must be greater than or equal to 0\n',
    });
    // pflag's int: 64 bits.
    expect(refused(h, ['scale', 'deploy', 'web', '--replicas=9223372036854775808']).stderr).toBe(
      'Error: invalid argument "9223372036854775808" for "--replicas" flag: strconv.ParseInt: parsing "9223372036854775808": value out of range\nSee \'kubectl scale --help\' for usage.\n',
    );
    expect(h.ok('get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}')).toBe('1');
  });

  it('a strategic merge patch converts numbers as Go converts them: int32 wraps, then validation speaks', () => {
    expect(refused(h, ['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":2147483648}}'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'The Deployment "web" is invalid: spec.replicas: Invalid value: -2147483648: must be greater than or equal to 0\n',
    });
    expect(refused(h, ['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":"two"}}']).stderr).toBe(
      'The request is invalid: patch: Invalid value: "map[spec:map[replicas:two]]": unrecognized type: int32\n',
    );
    expect(refused(h, ['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":1.5}}']).stderr).toBe(
      'The request is invalid: patch: Invalid value: "map[spec:map[replicas:1.5]]": cannot convert float64 to int32\n',
    );
    // apply on a live object sends the same kind of patch.
    expect(refused(h, ['apply', '-f', h.file('web-big.yaml', deployment('web', '2147483648'))])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'The Deployment "web" is invalid: spec.replicas: Invalid value: -2147483648: must be greater than or equal to 0\n',
    });
  });

  it('a merge or JSON patch decodes the patched object from JSON', () => {
    const merge = refused(h, ['patch', 'deploy', 'web', '--type=merge', '-p', '{"spec":{"replicas":2147483648}}']).stderr;
    expect(merge.startsWith('The request is invalid: patch: Invalid value: "{\\"apiVersion\\":\\"apps/v1\\",\\"kind\\":\\"Deployment\\",\\"metadata\\":{\\"name\\":\\"web\\",')).toBe(true);
    expect(merge.endsWith(`": ${replicasError('2147483648')}\n`)).toBe(true);
    const json = refused(h, ['patch', 'deploy', 'web', '--type=json', '-p', '[{"op":"replace","path":"/spec/replicas","value":-2147483649}]']).stderr;
    expect(json.endsWith(`": ${replicasError('-2147483649')}\n`)).toBe(true);
  });
});

describe('a flow collection left open', () => {
  const newHome = throwawayHomes();
  // Recorded from kubectl v1.32: `create -f FILE --dry-run=client`.
  it.each([
    ['a: [\n', "yaml: line 1: did not find expected node content"],
    ['a: [1, 2\n', "yaml: line 1: did not find expected ',' or ']'"],
    ['a: {b: 1\n', "yaml: line 1: did not find expected ',' or '}'"],
    ['a: [1,\n', 'yaml: line 1: did not find expected node content'],
    ['a: {\n', 'yaml: line 1: did not find expected node content'],
    ['a: {b:\n', 'yaml: line 1: did not find expected node content'],
    ['a: [\n\n# c\n', 'yaml: line 3: did not find expected node content'],
    ['a: [1, [\n', 'yaml: line 1: did not find expected node content'],
    ['a: [1,\nb: 2\n', "yaml: line 2: did not find expected ',' or ']'"],
    ['a: [1,\nb:\n', 'yaml: line 2: did not find expected node content'],
    ['a: [1, # x\n', 'yaml: line 1: did not find expected node content'],
    ['a: [1,\n---\nb: 1\n', 'yaml: line 1: did not find expected node content'],
    ['a: {b: [1\n', "yaml: line 1: did not find expected ',' or ']'"],
    ['a: ["x,", \'y[\'\n', "yaml: line 1: did not find expected ',' or ']'"],
  ])('%j is refused with go-yaml\'s words and line', (text, message) => {
    const h = newHome();
    const file = h.file('open.yaml', text);
    expect(h.run(['create', '-f', file, '--dry-run=client'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: error parsing ${file}: error converting YAML to JSON: ${message}\n`,
    });
  });
});

describe('nesting and aliases past every limit', () => {
  const h = new Home();
  beforeAll(() => h.ok('create', 'configmap', 'live'));
  afterAll(() => h.remove());
  const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n';

  it('refuses YAML and JSON nested 100,000 deep with go-yaml\'s and encoding/json\'s errors', () => {
    const n = 100_000;
    const yaml = h.file('deep.yaml', `${cm}data:\n  a: ${'['.repeat(n)}${']'.repeat(n)}\n`);
    const json = h.file('deep.json', `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"data":{"a":${'['.repeat(n)}${']'.repeat(n)}}}`);
    for (const verb of ['create', 'apply']) {
      expect(refused(h, [verb, '-f', yaml])).toEqual({
        code: 1,
        stdout: '',
        stderr: `error: error parsing ${yaml}: error converting YAML to JSON: yaml: line 6: exceeded max depth of 10000\n`,
      });
      expect(refused(h, [verb, '-f', json])).toEqual({
        code: 1,
        stdout: '',
        stderr: `error: error parsing ${json}: json: offset 10073: invalid character '[' exceeded max depth\n`,
      });
    }
  });

  it('refuses nesting Go would read but our recursive code should not, naming the limit', () => {
    const block = h.file('block.yaml', `${cm}data:\n${Array.from({ length: 600 }, (_, i) => `${' '.repeat(i + 2)}a${i}:\n`).join('')}`);
    expect(refused(h, ['apply', '-f', block]).stderr).toBe(
      `error: error parsing ${block}: line 505: nested more than 500 levels deep, deeper than pocketkube reads (kubectl reads up to 10000)\n`,
    );
    const json = h.file('d600.json', `{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"x"},"data":${'{"a":'.repeat(600)}1${'}'.repeat(600)}}`);
    expect(refused(h, ['create', '-f', json]).stderr).toBe(
      `error: error parsing ${json}: nested more than 500 levels deep, deeper than pocketkube reads (kubectl reads up to 10000)\n`,
    );
    // Aliases can nest deeper than the text: each link of this chain adds 100 levels.
    const link = (i: number, inner: string) => `  x${i}: &a${i} ${'['.repeat(100)}${inner}${']'.repeat(100)}\n`;
    const chain = h.file('chain.yaml', `${cm}data:\n${link(0, '1')}${[1, 2, 3, 4, 5].map((i) => link(i, `*a${i - 1}`)).join('')}`);
    expect(refused(h, ['apply', '-f', chain]).stderr).toBe(
      `error: error parsing ${chain}: nested more than 500 levels deep, deeper than pocketkube reads (kubectl reads up to 10000)\n`,
    );
  });

  it('refuses an anchor that contains itself and exponential aliases, as go-yaml does, quickly', () => {
    const self = h.file('self.yaml', `${cm}data:\n  a: &x [*x]\n`);
    expect(refused(h, ['apply', '-f', self]).stderr).toBe(`error: error parsing ${self}: error converting YAML to JSON: yaml: anchor 'x' value contains itself\n`);
    const laughs = [`${cm}data:\n  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n`];
    for (const [i, c] of [...'bcdefghi'].entries()) laughs.push(`  ${c}: &${c} [${Array(9).fill('*' + 'abcdefghi'[i]).join(',')}]\n`);
    const lol = h.file('lol.yaml', laughs.join(''));
    const started = Date.now();
    expect(refused(h, ['create', '-f', lol]).stderr).toBe(`error: error parsing ${lol}: error converting YAML to JSON: yaml: document contains excessive aliasing\n`);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('refuses a deeply nested patch body with the decoder\'s words', () => {
    const deep = (n: number) => `{"metadata":{"labels":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}}`;
    expect(refused(h, ['patch', 'cm', 'live', '-p', deep(10_001)])).toEqual({
      code: 1,
      stdout: '',
      stderr: "Error from server (BadRequest): invalid character '{' exceeded max depth\n",
    });
    expect(refused(h, ['patch', 'cm', 'live', '--type=merge', '-p', deep(10_001)]).stderr).toBe(
      "Error from server (BadRequest): error decoding patch: invalid character '{' exceeded max depth\n",
    );
    expect(refused(h, ['patch', 'cm', 'live', '-p', deep(600)]).stderr).toBe(
      'Error from server (BadRequest): the patch is nested more than 500 levels deep, deeper than pocketkube reads (kubectl reads up to 10000)\n',
    );
    // kubectl patches locally with apimachinery's strategic merge, which cannot read it.
    const f = h.file('live.yaml', `${cm}`);
    expect(refused(h, ['patch', '-f', f, '--local', '-p', deep(10_001)]).stderr).toBe('error: invalid JSON document\n');
  });
});

describe('[]byte fields take only base64 Go decodes', () => {
  const h = new Home();
  const secret = (value: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: t\ndata:\n  a: ${JSON.stringify(value)}\n`;
  beforeAll(() => h.ok('create', '-f', h.file('s.yaml', secret('YWJj').replace('name: t', 'name: s'))));
  afterAll(() => h.remove());

  it('create -f and apply -f report the byte Go stopped at', () => {
    for (const [value, at] of [
      ['abc!', 3],
      ['YWJj ', 4],
      ['YQ', 0],
      ['YQ=', 3],
      ['YWJjZA=====', 8],
      ['é===', 0],
    ] as const) {
      const f = h.file('t.yaml', secret(value));
      for (const verb of ['create', 'apply'])
        expect(refused(h, [verb, '-f', f])).toEqual({
          code: 1,
          stdout: '',
          stderr: `Error from server (BadRequest): error when creating "${f}": Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte ${at}\n`,
        });
    }
    const cm = h.file('bin.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bin\nbinaryData:\n  a: "YQ="\n');
    expect(refused(h, ['create', '-f', cm]).stderr).toBe(
      `Error from server (BadRequest): error when creating "${cm}": ConfigMap in version "v1" cannot be handled as a ConfigMap: illegal base64 data at input byte 3\n`,
    );
  });

  it('patches and apply of a live Secret report it as the patch handler does', () => {
    expect(refused(h, ['patch', 'secret', 's', '-p', '{"data":{"a":"abc!"}}'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'The request is invalid: patch: Invalid value: "map[data:map[a:abc!]]": error decoding from json: illegal base64 data at input byte 3\n',
    });
    const merge = refused(h, ['patch', 'secret', 's', '--type=merge', '-p', '{"data":{"a":"abc!"}}']).stderr;
    expect(merge).toMatch(/^The request is invalid: patch: Invalid value: "\{\\"apiVersion\\":\\"v1\\",\\"data\\":\{\\"a\\":\\"abc!\\"\},.*": illegal base64 data at input byte 3\n$/);
    h.ok('apply', '-f', h.file('u.yaml', secret('YWJj').replace('name: t', 'name: u')));
    // "YW=j": the second "=" of the padding is missing, reported at the first.
    expect(refused(h, ['apply', '-f', h.file('u2.yaml', secret('YW=j').replace('name: t', 'name: u'))]).stderr).toMatch(
      /^The request is invalid: patch: Invalid value: "map\[data:map\[a:YW=j\] metadata:map\[annotations:map\[kubectl.kubernetes.io\/last-applied-configuration:.*\]\]\]": error decoding from json: illegal base64 data at input byte 2\n$/,
    );
    expect(h.ok('get', 'secret', 'u', '-o', 'jsonpath={.data.a}')).toBe('YWJj');
  });
});

describe('ConfigMaps are held to 1 MiB, as Secrets are', () => {
  const h = new Home();
  afterAll(() => h.remove());

  it('refuses one byte more, with the path "[]" that field.NewPath("") prints', () => {
    h.ok('get', 'ns');
    const big = h.file('big.txt', 'a'.repeat(1024 * 1024 + 1));
    // create configmap wraps the server's error in its own words (the Invalid error's message, as %v prints it).
    expect(refused(h, ['create', 'configmap', 'big', `--from-file=${big}`])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: failed to create configmap: ConfigMap "big" is invalid: []: Too long: may not be more than 1048576 bytes\n',
    });
    // apply also records the whole object in an annotation, which has its own limit.
    const manifest = h.file('big.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  a: ${'a'.repeat(600 * 1024)}\nbinaryData:\n  b: ${Buffer.alloc(600 * 1024).toString('base64')}\n`);
    expect(refused(h, ['apply', '-f', manifest]).stderr).toBe(
      'The ConfigMap "big" is invalid: \n* metadata.annotations: Too long: may not be more than 262144 bytes\n* []: Too long: may not be more than 1048576 bytes\n',
    );
    const fits = h.file('fits.txt', 'a'.repeat(1024 * 1024));
    expect(h.ok('create', 'configmap', 'fits', `--from-file=${fits}`)).toBe('configmap/fits created\n');
  });
});

describe('keys named like JavaScript\'s object machinery are ordinary keys', () => {
  const home = throwawayHomes();
  const KEYS = ['__proto__', 'constructor', 'prototype', 'toString'];
  const manifest = (keys: string[]) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: keys\ndata:\n${keys.map((k) => `  ${k}: v-${k}\n`).join('')}`;
  const dataOf = (h: Home, name: string) => JSON.parse(h.ok('get', 'cm', name, '-o', 'json')).data;

  /** A home of its own with the ConfigMaps the first case makes: keys (applied twice, toString left), lit and fromjson. */
  const withKeys = (): Home => {
    const h = home();
    h.ok('apply', '-f', h.file('keys.yaml', manifest(KEYS)));
    h.ok('apply', '-f', h.file('keys2.yaml', manifest(['toString'])));
    h.ok('create', 'configmap', 'lit', '--from-literal=__proto__=a', '--from-literal=constructor=b');
    h.ok('create', '-f', h.file('keys.json', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"fromjson"},"data":{"__proto__":"j"}}'));
    return h;
  };

  it('round-trip as ConfigMap keys through create, get, jsonpath and apply', () => {
    const h = home();
    expect(h.ok('apply', '-f', h.file('keys.yaml', manifest(KEYS)))).toBe('configmap/keys created\n');
    expect(dataOf(h, 'keys')).toEqual(JSON.parse('{"__proto__":"v-__proto__","constructor":"v-constructor","prototype":"v-prototype","toString":"v-toString"}'));
    expect(Object.keys(dataOf(h, 'keys'))).toEqual(KEYS.sort());
    expect(h.ok('get', 'cm', 'keys', '-o', 'yaml')).toContain('data:\n  __proto__: v-__proto__\n  constructor: v-constructor\n  prototype: v-prototype\n  toString: v-toString\n');
    expect(h.ok('get', 'cm', 'keys', '-o', 'jsonpath={.data.__proto__} {.data.constructor}')).toBe('v-__proto__ v-constructor');
    // apply removes what the last apply set and the manifest dropped.
    expect(h.ok('apply', '-f', h.file('keys2.yaml', manifest(['toString'])))).toBe('configmap/keys configured\n');
    expect(dataOf(h, 'keys')).toEqual({ toString: 'v-toString' });
    expect(h.ok('create', 'configmap', 'lit', '--from-literal=__proto__=a', '--from-literal=constructor=b')).toBe('configmap/lit created\n');
    expect(Object.keys(dataOf(h, 'lit'))).toEqual(['__proto__', 'constructor']);
    const json = h.file('keys.json', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"fromjson"},"data":{"__proto__":"j"}}');
    h.ok('create', '-f', json);
    expect(Object.keys(dataOf(h, 'fromjson'))).toEqual(['__proto__']);
  });

  it('are patched like any key by merge, strategic and JSON patches', () => {
    const h = withKeys();
    expect(h.ok('patch', 'cm', 'keys', '-p', '{"data":{"__proto__":"s","prototype":"p"}}')).toBe('configmap/keys patched\n');
    expect(h.ok('patch', 'cm', 'keys', '--type=merge', '-p', '{"data":{"prototype":null,"constructor":"m"}}')).toBe('configmap/keys patched\n');
    expect(h.ok('patch', 'cm', 'keys', '--type=json', '-p', '[{"op":"remove","path":"/data/__proto__"}]')).toBe('configmap/keys patched\n');
    expect(dataOf(h, 'keys')).toEqual({ constructor: 'm', toString: 'v-toString' });
    expect(refused(h, ['patch', 'cm', 'keys', '--type=json', '-p', '[{"op":"remove","path":"/data/hasOwnProperty"}]']).stderr).toBe(
      'The request is invalid: the server rejected our request due to an error in our request\n',
    );
    // Under metadata it is an unknown field, which a patch drops with a warning: it sets nothing.
    expect(h.run(['patch', 'cm', 'keys', '-p', '{"metadata":{"__proto__":{"labels":{"x":"y"}}}}'])).toEqual({
      code: 0,
      stdout: 'configmap/keys patched (no change)\n',
      stderr: 'Warning: unknown field "metadata.__proto__"\n',
    });
    expect(h.ok('get', 'cm', 'keys', '-o', 'jsonpath={.metadata.labels}')).toBe('');
  });

  it('are label keys that no object has until it is labelled', () => {
    const h = withKeys();
    expect(h.ok('label', 'cm', 'keys', 'constructor=c')).toBe('configmap/keys labeled\n');
    expect(h.ok('get', 'cm', '-l', 'constructor', '-o', 'name')).toBe('configmap/keys\n');
    expect(h.ok('get', 'cm', '-l', 'toString', '-o', 'name')).toBe('');
    expect(h.ok('label', 'cm', 'lit', 'toString=t')).toBe('configmap/lit labeled\n');
  });

  it('are unknown fields under spec, refused under strict validation', () => {
    const h = withKeys();
    const f = h.file('proto-spec.yaml', deployment('proto', '1').replace('spec:\n  replicas: 1\n', 'spec:\n  __proto__:\n    replicas: 5\n  replicas: 1\n'));
    expect(refused(h, ['apply', '-f', f])).toEqual({
      code: 1,
      stdout: '',
      stderr: `Error from server (BadRequest): error when creating "${f}": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.__proto__"\n`,
    });
    expect(h.ok('apply', '-f', f, '--validate=false', '--dry-run=server', '-o', 'jsonpath={.spec.replicas}')).toBe('1');
  });
});

describe('a replica count kubectl accepts but no cluster could hold', () => {
  it('creates pods up to the limit of a cluster, then reports the rest as a quota refusal', () => {
    // The limit is Kubernetes' 150,000 pods; a home can lower it, so this runs in a second.
    const h = new Home({ POCKETKUBE_MAX_PODS: '12' });
    try {
      const system = h.ok('get', 'pods', '-A', '--no-headers').trim().split('\n').length;
      expect(h.ok('create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=2147483647')).toBe('deployment.apps/web created\n');
      expect(h.ok('get', 'pods', '-A', '--no-headers').trim().split('\n')).toHaveLength(12);
      expect(h.ok('get', 'deployment', 'web', '--no-headers')).toMatch(new RegExp(`^web +${12 - system}/2147483647 +${12 - system} +${12 - system} +\\S+\n$`));
      const rs = h.ok('get', 'rs', '-o', 'name').trim();
      expect(h.ok('get', 'events', '--field-selector', 'reason=FailedCreate', '-o', 'jsonpath={.items[*].message}')).toBe(
        `Error creating: pods "${rs.replace('replicaset.apps/', '')}-" is forbidden: pocketkube holds at most 12 pods in a cluster (Kubernetes supports up to 150000)`,
      );
      expect(h.ok('get', rs, '-o', 'jsonpath={.status.conditions[0].type}={.status.conditions[0].reason}')).toBe('ReplicaFailure=FailedCreate');
    } finally {
      h.remove();
    }
  });
});
