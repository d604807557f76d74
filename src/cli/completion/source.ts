// Where completion's names come from: the home's stored objects, read as they are (never
// converged, bootstrapped or saved: completion runs on every Tab and must not change the
// cluster), and the kubeconfig. Any failure is no candidates, as kubectl ignores its errors.
import * as fs from 'node:fs';
import { resolveResource } from '../../api/registry';
import type { KubeObject, Pod } from '../../api/types';
import type { Cluster, CommandContext } from '../context';
import type { CompletionSource } from './types';

/** The flag values of the completed line that choose the kubeconfig, context and namespace. */
export interface SourceFlags {
  namespace?: string;
  context?: string;
  cluster?: string;
  user?: string;
  kubeconfig?: string;
}

function quietly<T>(fallback: T, fn: () => T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

export function completionSource(ctx: CommandContext, flags: SourceFlags): CompletionSource {
  const c = ctx.withFlags(flags);
  let cluster: Cluster | undefined | null = null;
  const open = () => (cluster === null ? (cluster = quietly(undefined, () => c.peekCluster())) : cluster);
  const config = () => quietly(undefined, () => c.kubeconfig());
  const namespace = () => quietly('default', () => c.namespace());

  const names = (typeWords: string, inNamespace?: string): string[] =>
    quietly([], () => {
      const world = open();
      if (!world) return [];
      const { resolveArgs } = require('../resolve') as typeof import('../resolve');
      const out: string[] = [];
      for (const t of resolveArgs([typeWords]).targets)
        world.client.each<KubeObject>(t.type, t.type.namespaced ? (inNamespace ?? namespace()) : undefined, {}, (o) => out.push(o.metadata.name ?? ""));
      return out;
    });

  return {
    names,
    resourceTypes: () =>
      quietly([], () => {
        if (!open()) return [];
        const { allTypes } = require('../../api/registry') as typeof import('../../api/registry');
        return allTypes()
          .filter((t) => t.verbs.includes('get'))
          .map((t) => `${t.resource}${t.group ? '.' + t.group : ''}`);
      }),
    containers: (arg) =>
      quietly([], () => {
        const world = open();
        if (!world) return [];
        const { podOrTypeName, podForObject } = require('../verbs/podfor') as typeof import('../verbs/podfor');
        const { resourceTypeOf } = require('../resolve') as typeof import('../resolve');
        const { type, name } = podOrTypeName(arg, resourceTypeOf);
        const pod: Pod = type === resolveResource('pods') ? world.client.get<Pod>(type, namespace(), name) : podForObject(world.client, type, namespace(), name, { write: () => undefined });
        return [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((k) => k.name);
      }),
    // Go's os.ReadDir gives the entries in name order.
    localFiles: () =>
      quietly([], () =>
        fs
          .readdirSync('.', { withFileTypes: true })
          .sort((a, b) => (a.name < b.name ? -1 : 1))
          .map((e) => (e.isDirectory() ? `${e.name}/` : e.name)),
      ),
    contexts: () => config()?.data.contexts.map((x) => x.name) ?? [],
    clusters: () => config()?.data.clusters.map((x) => x.name) ?? [],
    users: () => config()?.data.users.map((x) => x.name) ?? [],
  };
}
