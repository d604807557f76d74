// The control plane's static pods, as kubeadm writes their manifests; the kubelet of the
// control-plane node publishes them as mirror pods owned by the Node.
// node:crypto is loaded when a static pod is hashed (a few milliseconds every command would pay otherwise).
import type * as Crypto from 'node:crypto';
import type { ClusterConfig } from '../../api/kubeadm';
import { newControllerRef } from '../../api/meta/ownerrefs';
import { rfc3339Micro } from '../../api/time';
import type { Container, Node, Pod } from '../../api/types';
import { imagesFor, type NodeSpecData } from './topology';

interface Component {
  name: string;
  image: (images: ReturnType<typeof imagesFor>) => string;
  cpu: string;
  memory?: string;
  command: (ip: string, cfg: ClusterConfig) => string[];
  annotations?: (ip: string) => Record<string, string>;
}

const PKI = '/etc/kubernetes/pki';

const COMPONENTS: readonly Component[] = [
  {
    name: 'etcd',
    image: (i) => i.etcd,
    cpu: '100m',
    memory: '100Mi',
    command: (ip) => [
      'etcd',
      `--advertise-client-urls=https://${ip}:2379`,
      `--cert-file=${PKI}/etcd/server.crt`,
      '--data-dir=/var/lib/etcd',
      `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`,
      `--listen-peer-urls=https://${ip}:2380`,
      `--trusted-ca-file=${PKI}/etcd/ca.crt`,
    ],
    annotations: (ip) => ({ 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${ip}:2379` }),
  },
  {
    name: 'kube-apiserver',
    image: (i) => i.apiserver,
    cpu: '250m',
    command: (ip, cfg) => [
      'kube-apiserver',
      `--advertise-address=${ip}`,
      '--allow-privileged=true',
      '--authorization-mode=Node,RBAC',
      `--client-ca-file=${PKI}/ca.crt`,
      '--enable-admission-plugins=NodeRestriction',
      '--etcd-servers=https://127.0.0.1:2379',
      '--secure-port=6443',
      `--service-cluster-ip-range=${cfg.serviceSubnet}`,
      `--tls-cert-file=${PKI}/apiserver.crt`,
      `--tls-private-key-file=${PKI}/apiserver.key`,
    ],
    annotations: (ip) => ({ 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${ip}:6443` }),
  },
  {
    name: 'kube-controller-manager',
    image: (i) => i.controllerManager,
    cpu: '200m',
    command: (_ip, cfg) => [
      'kube-controller-manager',
      '--allocate-node-cidrs=true',
      `--cluster-cidr=${cfg.podSubnet}`,
      `--cluster-signing-cert-file=${PKI}/ca.crt`,
      '--controllers=*,bootstrapsigner,tokencleaner',
      '--kubeconfig=/etc/kubernetes/controller-manager.conf',
      '--leader-elect=true',
      `--root-ca-file=${PKI}/ca.crt`,
      `--service-cluster-ip-range=${cfg.serviceSubnet}`,
      '--use-service-account-credentials=true',
    ],
  },
  {
    name: 'kube-scheduler',
    image: (i) => i.scheduler,
    cpu: '100m',
    command: () => ['kube-scheduler', '--bind-address=127.0.0.1', '--kubeconfig=/etc/kubernetes/scheduler.conf', '--leader-elect=true'],
  },
];

/** The static pods' mirror pods of the control-plane node, for the cluster `cfg` describes. */
export function staticPods(node: Node, spec: NodeSpecData, now: number, cfg: ClusterConfig): Pod[] {
  const images = imagesFor(cfg.kubernetesVersion);
  return COMPONENTS.map((c) => {
    const container: Container = {
      command: c.command(spec.ip, cfg),
      image: c.image(images),
      imagePullPolicy: 'IfNotPresent',
      name: c.name,
      resources: { requests: { cpu: c.cpu, ...(c.memory ? { memory: c.memory } : {}) } },
    };
    const hash = (require('node:crypto') as typeof Crypto).createHash('md5').update(JSON.stringify(container)).digest('hex');
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${c.name}-${spec.name}`,
        namespace: 'kube-system',
        labels: { component: c.name, tier: 'control-plane' },
        annotations: {
          ...(c.annotations?.(spec.ip) ?? {}),
          'kubernetes.io/config.hash': hash,
          'kubernetes.io/config.mirror': hash,
          'kubernetes.io/config.seen': rfc3339Micro(now),
          'kubernetes.io/config.source': 'file',
        },
        ownerReferences: [{ ...newControllerRef(node), blockOwnerDeletion: undefined }],
      },
      spec: {
        containers: [container],
        hostNetwork: true,
        nodeName: spec.name,
        priorityClassName: 'system-node-critical',
        securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
        tolerations: [{ effect: 'NoExecute', operator: 'Exists' }],
      },
    };
  });
}
