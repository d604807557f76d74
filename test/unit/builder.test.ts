// The resource builder's choices and errors, in cli-runtime's precedence (builder.go's
// visitorResult): parameter errors, then paths, selectors, TYPE/NAME tuples, names, bare types.
import { describe, expect, it } from 'vitest';
import type { IO } from '../../src/cli/io';
import { type BuilderSpec, build } from '../../src/cli/resource/builder';
import { buildFromNames } from '../../src/cli/resource/names';

const io = {} as IO;
const spec = (more: Partial<BuilderSpec>): BuilderSpec => ({ namespace: 'default', enforceNamespace: false, ...more });
const failure = async (more: Partial<BuilderSpec>) => (await build(io, spec(more)).then(() => undefined, (e: Error) => e.message)) ?? 'no error';

describe('build', () => {
  it('lists a bare TYPE only where the verb allows an empty selector', async () => {
    const listed = await build(io, spec({ args: ['pods'], allowEmptySelector: true }));
    expect(listed.sources).toMatchObject([{ kind: 'list', namespace: 'default', labelSelector: '' }]);
    expect(await failure({ args: ['pods'] })).toBe('resource(s) were provided, but no name was specified');
    const all = await build(io, spec({ args: ['pods'], selectAll: true, allNamespaces: true }));
    expect(all.sources).toMatchObject([{ kind: 'list', namespace: undefined }]);
  });

  it('names objects in the order given, one source each, and implies a single item only for one', async () => {
    const r = await build(io, spec({ args: ['pods/a', 'deploy/b', 'pods/c'] }));
    expect(r.sources.map((s) => (s.kind === 'object' ? `${s.info.type.resource}/${s.info.name}` : s.kind))).toEqual(['pods/a', 'deployments/b', 'pods/c']);
    expect(r.singleItemImplied).toBe(false);
    expect((await build(io, spec({ args: ['pods', 'a'] }))).singleItemImplied).toBe(true);
    expect((await build(io, spec({ args: ['nodes', 'n1'] }))).sources).toMatchObject([{ kind: 'object', info: { namespace: undefined, name: 'n1' }, fetch: true }]);
    expect((await build(io, spec({ args: ['pods', 'a'], requireObject: false }))).sources).toMatchObject([{ fetch: false }]);
  });

  it("gives the builder's errors in its precedence", async () => {
    expect(await failure({})).toMatch(/^You must provide one or more resources by argument or filename\./);
    expect(await failure({ args: ['pods', 'a'], labelSelector: 'x=y' })).toBe('name cannot be provided when a selector is specified');
    expect(await failure({ args: ['pods/a'], fieldSelector: 'x=y' })).toBe('selectors and the all flag cannot be used when passing resource/name arguments');
    expect(await failure({ args: ['pods', 'a'], allNamespaces: true })).toBe('a resource cannot be retrieved by name across all namespaces');
    expect(await failure({ args: ['pods'], labelSelector: 'a=b', subresource: 'status' })).toBe('subresource cannot be used when bulk resources are specified');
    expect(await failure({ args: ['pods'], labelSelector: 'a=b', selectAll: true })).toBe("setting 'all' parameter but found a non empty selector. ");
    expect(await failure({ args: ['pods'], labelSelector: 'a=b', selectAll: true, selectAllFirst: true })).toBe('found non-empty label selector "a=b" with previously set \'all\' parameter. ');
    expect(await failure({ files: { filenames: ['x.yaml'], kustomize: 'dir', recursive: false } })).toBe('only one of -f or -k can be specified');
    expect(await failure({ files: { filenames: [], kustomize: 'dir', recursive: true } })).toBe("the -k flag can't be used with -f or -R");
    // cli-runtime's LocalResourceError, whole (kubectl set image --local deploy/x a=b prints it so).
    expect(await failure({ local: true, args: ['pods', 'a'] })).toBe(
      "error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'",
    );
    expect(await failure({ args: ['nosuch', 'a'] })).toBe('the server doesn\'t have a resource type "nosuch"');
  });
});

describe('buildFromNames', () => {
  it('takes bare names as the given type and TYPE/NAME as they say, or lists the types by selector', () => {
    const r = buildFromNames(spec({ resourceNames: { type: 'nodes', names: ['n1', 'pods/p'] } }));
    expect(r.sources.map((s) => (s.kind === 'object' ? `${s.info.type.resource}/${s.info.name}/${s.info.namespace}` : s.kind))).toEqual(['nodes/n1/undefined', 'pods/p/default']);
    expect(buildFromNames(spec({ resourceTypes: ['nodes'], labelSelector: 'a=b' })).sources).toMatchObject([{ kind: 'list', labelSelector: 'a=b', namespace: undefined }]);
    expect(() => buildFromNames(spec({ resourceNames: { type: 'nodes', names: ['n1'] }, resourceTypes: ['nodes'], labelSelector: 'a=b' }))).toThrow('selectors and the all flag cannot be used when passing resource/name arguments');
    expect(() => buildFromNames(spec({ labelSelector: 'a=b', resourceNames: { type: 'nodes', names: [] } }))).toThrow('at least one resource must be specified to use a selector');
  });
});
