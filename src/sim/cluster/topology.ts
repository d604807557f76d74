// The shape of the default cluster: names, addresses, versions and machine sizes, as data.

export const KUBERNETES_VERSION = 'v1.32.0';
export const CLUSTER_NAME = 'kubernetes';
export const CONTROL_PLANE_ENDPOINT = '172.18.0.2:6443';
export const POD_SUBNET = '10.244.0.0/16';
export const SERVICE_SUBNET = '10.96.0.0/12';

export interface NodeSpecData {
  name: string;
  ip: string;
  podCIDR: string;
  controlPlane: boolean;
}

export const DEFAULT_NODES: readonly NodeSpecData[] = [
  { name: 'pocket-control-plane', ip: '172.18.0.2', podCIDR: '10.244.0.0/24', controlPlane: true },
  { name: 'pocket-worker', ip: '172.18.0.3', podCIDR: '10.244.1.0/24', controlPlane: false },
  { name: 'pocket-worker2', ip: '172.18.0.4', podCIDR: '10.244.2.0/24', controlPlane: false },
];

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

export const IMAGES = {
  pause: 'registry.k8s.io/pause:3.10',
  etcd: 'registry.k8s.io/etcd:3.5.16-0',
  apiserver: `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`,
  controllerManager: `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`,
  scheduler: `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`,
  proxy: `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`,
  coredns: 'registry.k8s.io/coredns/coredns:v1.11.3',
} as const;
