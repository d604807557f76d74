// The builder's FilenameParam: -f/-k files read (the manifest reader loads with them), each object
// given the namespace it lands in, -l filtering what the files hold. Loaded only when files are named.
import type { KubeObject } from '../../api/types';
import type { IO } from '../io';
import { namespaceOfManifest, resolveArgs } from '../resolve';
import { CliError } from '../errors';
import { type BuilderSpec, BuilderResult, type FilenameFlags, type Info, type Source } from './builder';

export async function buildFromFiles(io: IO, spec: BuilderSpec, files: FilenameFlags, args: readonly string[], label: string): Promise<BuilderResult> {
  if (args.length) {
    const resolved = resolveArgs([...args]);
    if (args.every((a) => a.includes('/'))) throw new CliError('resource/name arguments cannot be provided when a path is specified');
    if (resolved.targets.length) throw new CliError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
  }
  // What only files need loads with them (a plain get never pays for it).
  const { parseBuilderSelector } = require('../flags/selector') as typeof import('../flags/selector');
  const { matches } = require('../../api/meta/selector') as typeof import('../../api/meta/selector');
  const selector = parseBuilderSelector(label);
  const { readManifests } = require('../manifest/read') as typeof import('../manifest/read');
  const local = spec.local ? (spec.typed ? 'typed' : 'unstructured') : undefined;
  const manifests = await readManifests(files.filenames, { recursive: files.recursive, validate: !!spec.validate, kustomize: files.kustomize, local }, io);
  const sources: Source[] = [];
  for (const m of manifests.objects) {
    try {
      // Locally the builder has no REST mapping, so it does not fill in the namespace (kubectl prints
      // none), and an object counts as namespaced when it names a namespace (Info.Namespaced).
      const scope = spec.local ? { ...m.type, namespaced: !!m.obj.metadata?.namespace } : m.type;
      const namespace = namespaceOfManifest(m.obj, scope, spec.namespace, spec.enforceNamespace);
      // Otherwise the object gets the namespace it lands in (SetNamespace), and always a metadata object.
      const obj = spec.local ? m.obj : { ...m.obj, metadata: { ...m.obj.metadata, ...(namespace ? { namespace } : {}) } };
      const info: Info = { type: m.type, namespace, name: m.obj.metadata?.name ?? '', obj, source: m.source };
      sources.push({ kind: 'object', info, fetch: !!spec.latest && !spec.local });
    } catch (e) {
      sources.push({ kind: 'error', error: e as Error });
    }
  }
  const single = manifests.objects.length === 1;
  return new BuilderResult(sources, [...manifests.errors], single, selector && ((obj) => matches(selector, obj.metadata.labels)));
}
