// A container's view of files: the image's files under a writable layer, the pod's volumes at
// their mount paths (emptyDir and hostPath writable and shared, configMap and secret read-only),
// and the files the kubelet manages (/etc/hosts, /etc/hostname, /etc/resolv.conf). Changes are
// collected in memory and written to the node's disk by `flush`.
import { hasOwn, setOwn } from '../../api/meta/own';
import { typeForKind } from '../../api/registry';
import type { ConfigMap, Container, KubeObject, Pod, Volume } from '../../api/types';
import type { Client } from '../../client/client';
import type { NodeDisk } from '../../engine/controller';
import { resolvePath } from '../shell/expand';
import type { FileSystem } from '../shell/host';
import type { Layer } from './records';

type Mount =
  | { path: string; kind: 'layer'; area: string; key: string; layer: Layer; readOnly: boolean }
  | { path: string; kind: 'files'; files: Record<string, string> };

const VOLUMES = 'volumes';
const HOSTPATHS = 'hostpaths';

/** An absolute, normalised path ("/a/./b/../c" is "/a/c"), as the shell resolves one. */
const norm = (p: string) => resolvePath('/', p);
const parentOf = (p: string) => (p.lastIndexOf('/') <= 0 ? '/' : p.slice(0, p.lastIndexOf('/')));
const under = (p: string, dir: string) => dir === '/' || p === dir || p.startsWith(`${dir}/`);
const emptyLayer = (): Layer => ({ files: {}, dirs: [] });

/** Directories every image has. */
const BASE_DIRS = ['/', '/bin', '/dev', '/etc', '/home', '/proc', '/root', '/sys', '/tmp', '/usr', '/usr/bin', '/usr/local', '/usr/local/bin', '/usr/share', '/var', '/var/log', '/var/run', '/var/tmp'];

export interface FsSources {
  client: Client;
  disk: NodeDisk;
  pod: Pod;
  container: Container;
  nodeName: string;
  /** The image's own files. */
  imageFiles: Record<string, string>;
  /** The container's writable layer (mutated in place; persisted by the caller). */
  layer: Layer;
  /** Files the kubelet writes into every container. */
  managed: Record<string, string>;
}

function keyedFiles(data: Record<string, string> | undefined, binary: Record<string, string> | undefined, items: { key: string; path: string }[] | undefined, decode: boolean): Record<string, string> {
  const all: Record<string, string> = {};
  for (const [k, v] of Object.entries(data ?? {})) setOwn(all, k, decode ? Buffer.from(v, 'base64').toString('utf8') : v);
  for (const [k, v] of Object.entries(binary ?? {})) setOwn(all, k, Buffer.from(v, 'base64').toString('latin1'));
  if (!items?.length) return all;
  const picked: Record<string, string> = {};
  for (const it of items) if (hasOwn(all, it.key)) setOwn(picked, it.path, all[it.key]);
  return picked;
}

function volumeMount(src: FsSources, vol: Volume, path: string, readOnly: boolean): Mount | undefined {
  const ns = src.pod.metadata.namespace;
  if (vol.emptyDir) {
    const key = `${src.pod.metadata.uid}/${vol.name}`;
    return { path, kind: 'layer', area: VOLUMES, key, layer: structuredClone(src.disk.get<Layer>(VOLUMES, key) ?? emptyLayer()), readOnly };
  }
  const hostPath = vol.hostPath as { path?: string } | undefined;
  if (hostPath) {
    const key = `${src.nodeName}${norm(hostPath.path ?? '/')}`;
    return { path, kind: 'layer', area: HOSTPATHS, key, layer: structuredClone(src.disk.get<Layer>(HOSTPATHS, key) ?? emptyLayer()), readOnly };
  }
  const cm = vol.configMap as { name?: string; items?: { key: string; path: string }[] } | undefined;
  if (cm) {
    const obj = src.client.tryGet<ConfigMap>(typeForKind('v1', 'ConfigMap')!, ns, cm.name ?? '');
    return { path, kind: 'files', files: keyedFiles(obj?.data, obj?.binaryData, cm.items, false) };
  }
  const secret = vol.secret as { secretName?: string; items?: { key: string; path: string }[] } | undefined;
  const secretType = typeForKind('v1', 'Secret');
  if (secret && secretType) {
    const obj = src.client.tryGet<KubeObject & { data?: Record<string, string> }>(secretType, ns, secret.secretName ?? '');
    return { path, kind: 'files', files: keyedFiles(obj?.data, undefined, secret.items, true) };
  }
  return undefined;
}

/** The file system a process in `src.container` sees. Call `flush` to keep its changes. */
export function containerFs(src: FsSources): FileSystem & { flush(): void } {
  const mounts: Mount[] = [];
  const volumes = new Map((src.pod.spec.volumes ?? []).map((v) => [v.name, v]));
  for (const m of src.container.volumeMounts ?? []) {
    const vol = volumes.get(m.name);
    const mount = vol && volumeMount(src, vol, norm(m.mountPath), !!m.readOnly);
    if (mount) mounts.push(mount);
  }
  // The most specific mount wins.
  mounts.sort((a, b) => b.path.length - a.path.length);
  const dirty = new Set<Mount>();
  const root: Mount = { path: '/', kind: 'layer', area: '', key: '', layer: src.layer, readOnly: false };
  const base = { ...src.imageFiles, ...src.managed };

  const mountOf = (p: string): Mount => mounts.find((m) => under(p, m.path)) ?? root;
  const rel = (m: Mount, p: string) => (m === root ? p : norm(p.slice(m.path.length)));

  function read(path: string): string | undefined {
    const p = norm(path);
    const m = mountOf(p);
    const r = rel(m, p);
    if (m.kind === 'files') return m.files[r.slice(1)];
    if (r in m.layer.files) return m.layer.files[r] ?? undefined;
    return m === root ? base[p] : undefined;
  }

  function isDir(path: string): boolean {
    const p = norm(path);
    if (mounts.some((m) => m.path === p)) return true;
    const m = mountOf(p);
    const r = rel(m, p);
    if (r === '/') return true;
    if (m.kind === 'files') return Object.keys(m.files).some((f) => under(`/${f}`, r) && `/${f}` !== r);
    if (m.layer.dirs.includes(r)) return true;
    const files = m === root ? { ...base, ...m.layer.files } : m.layer.files;
    if (Object.entries(files).some(([f, v]) => v !== null && f !== r && under(f, r))) return true;
    if (m.layer.files[r] === null) return false;
    return m === root && (BASE_DIRS.includes(p) || mounts.some((mm) => under(mm.path, p)) || Object.keys(base).some((f) => under(f, p) && f !== p));
  }

  function list(path: string): string[] | undefined {
    const p = norm(path);
    if (!isDir(p)) return undefined;
    const names = new Set<string>();
    const add = (full: string) => {
      if (full !== p && under(full, p)) names.add(full.slice(p === '/' ? 1 : p.length + 1).split('/')[0]);
    };
    const m = mountOf(p);
    if (m.kind === 'files') for (const f of Object.keys(m.files)) add(norm(`${m.path}/${f}`));
    else {
      const prefix = m === root ? '' : m.path;
      for (const [f, v] of Object.entries(m.layer.files)) if (v !== null) add(norm(`${prefix}${f}`));
      for (const d of m.layer.dirs) add(norm(`${prefix}${d}`));
      if (m === root) {
        for (const f of Object.keys(base)) if (m.layer.files[f] !== null) add(f);
        for (const d of BASE_DIRS) add(d);
      }
    }
    for (const mm of mounts) add(mm.path);
    return [...names].sort();
  }

  function writable(p: string): Extract<Mount, { kind: 'layer' }> | undefined {
    const m = mountOf(p);
    if (m.kind === 'files' || m.readOnly) return undefined;
    return m;
  }

  return {
    read,
    isDir,
    list,
    write(path, data, append) {
      const p = norm(path);
      const m = writable(p);
      if (!m || isDir(p) || !isDir(parentOf(p))) return false;
      const r = rel(m, p);
      m.layer.files[r] = append ? (read(p) ?? '') + data : data;
      dirty.add(m);
      return true;
    },
    mkdir(path) {
      const p = norm(path);
      const m = writable(p);
      if (!m || isDir(p) || read(p) !== undefined || !isDir(parentOf(p))) return false;
      m.layer.dirs.push(rel(m, p));
      dirty.add(m);
      return true;
    },
    remove(path) {
      const p = norm(path);
      const m = writable(p);
      if (!m || (read(p) === undefined && !isDir(p))) return false;
      const r = rel(m, p);
      for (const f of Object.keys(m.layer.files)) if (under(f, r)) delete m.layer.files[f];
      m.layer.dirs = m.layer.dirs.filter((d) => !under(d, r));
      if (m === root && Object.keys(base).some((f) => under(f, p))) for (const f of Object.keys(base)) if (under(f, p)) m.layer.files[f] = null;
      dirty.add(m);
      return true;
    },
    flush() {
      for (const m of dirty) if (m.kind === 'layer' && m !== root) src.disk.put(m.area, m.key, m.layer);
      dirty.clear();
    },
  };
}
