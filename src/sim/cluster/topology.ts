// The shape of the default cluster: names, addresses, versions and machine sizes, as data.

export const KUBERNETES_VERSION = 'v1.32.0';
export const CLUSTER_NAME = 'kubernetes';
export const POD_SUBNET = '10.244.0.0/16';
export const SERVICE_SUBNET = '10.96.0.0/12';

/** The machines' network: the control plane first, joining nodes take the next free address. */
export const CONTROL_PLANE = { name: 'pocket-control-plane', ip: '172.18.0.2' } as const;
export const CONTROL_PLANE_ENDPOINT = `${CONTROL_PLANE.ip}:6443`;

/** The default cluster's workers, joined in this order. */
export const DEFAULT_WORKERS = ['pocket-worker', 'pocket-worker2'] as const;

/** Names `kubeadm join` gives a node when none is asked for: pocket-worker, pocket-worker2, ... */
export function workerName(n: number): string {
  return n <= 1 ? 'pocket-worker' : `pocket-worker${n}`;
}

export interface NodeSpecData {
  name: string;
  ip: string;
  podCIDR: string;
  controlPlane: boolean;
  /** The kubelet's (and kube-proxy's) version. */
  version: string;
}

export const MACHINE = {
  cpu: '4',
  memory: '8131940Ki',
  ephemeralStorage: '102626232Ki',
  pods: '110',
  kernelVersion: '6.8.0-45-generic',
  osImage: 'Debian GNU/Linux 12 (bookworm)',
  containerRuntimeVersion: 'containerd://1.7.24',
  criSocket: 'unix:///run/containerd/containerd.sock',
} as const;

/** The images of a control plane at `version` (kubeadm's image list). */
export function imagesFor(version: string) {
  return {
    pause: 'registry.k8s.io/pause:3.10',
    etcd: 'registry.k8s.io/etcd:3.5.16-0',
    apiserver: `registry.k8s.io/kube-apiserver:${version}`,
    controllerManager: `registry.k8s.io/kube-controller-manager:${version}`,
    scheduler: `registry.k8s.io/kube-scheduler:${version}`,
    proxy: `registry.k8s.io/kube-proxy:${version}`,
    coredns: 'registry.k8s.io/coredns/coredns:v1.11.3',
  } as const;
}

export const IMAGES = imagesFor(KUBERNETES_VERSION);
