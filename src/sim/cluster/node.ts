// A Node as its kubelet registers it: labels, capacity, conditions, addresses and system info.
import { rfc3339 } from '../../api/time';
import type { Node } from '../../api/types';
import type { Random } from '../../api/random';
import { fullName, imageDigest, imageSize, parseImage } from '../runtime/images';
import { imagesFor, MACHINE, type NodeSpecData } from './topology';

const CONDITIONS = [
  ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
  ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
] as const;

function preloaded(controlPlane: boolean, version: string) {
  const IMAGES = imagesFor(version);
  const refs = controlPlane
    ? [IMAGES.pause, IMAGES.etcd, IMAGES.apiserver, IMAGES.controllerManager, IMAGES.scheduler, IMAGES.proxy, IMAGES.coredns]
    : [IMAGES.pause, IMAGES.proxy, IMAGES.coredns];
  return refs.map((r) => {
    const ref = parseImage(r);
    return { names: [`${ref.registry}/${ref.repository}@${imageDigest(ref)}`, fullName(ref)], sizeBytes: imageSize(ref) };
  });
}

export function nodeObject(spec: NodeSpecData, now: number, random: Random): Node {
  const t = rfc3339(now);
  const resources = {
    cpu: MACHINE.cpu,
    'ephemeral-storage': MACHINE.ephemeralStorage,
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: MACHINE.memory,
    pods: MACHINE.pods,
  };
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': spec.name,
    'kubernetes.io/os': 'linux',
  };
  if (spec.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': MACHINE.criSocket,
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      ...(spec.podCIDR ? { podCIDR: spec.podCIDR, podCIDRs: [spec.podCIDR] } : {}),
      ...(spec.controlPlane ? { taints: [{ effect: 'NoSchedule' as const, key: 'node-role.kubernetes.io/control-plane' }] } : {}),
    },
    status: {
      addresses: [
        { address: spec.ip, type: 'InternalIP' },
        { address: spec.name, type: 'Hostname' },
      ],
      allocatable: { ...resources },
      capacity: { ...resources },
      conditions: CONDITIONS.map(([type, status, reason, message]) => ({
        lastHeartbeatTime: t,
        lastTransitionTime: t,
        message,
        reason,
        status,
        type,
      })),
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      images: preloaded(spec.controlPlane, spec.version),
      nodeInfo: {
        architecture: 'amd64',
        bootID: random.uuid(),
        containerRuntimeVersion: MACHINE.containerRuntimeVersion,
        kernelVersion: MACHINE.kernelVersion,
        kubeProxyVersion: spec.version,
        kubeletVersion: spec.version,
        machineID: random.string(32, '0123456789abcdef'),
        operatingSystem: 'linux',
        osImage: MACHINE.osImage,
        systemUUID: random.uuid(),
      },
    },
  };
}
