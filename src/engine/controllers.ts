// The controller manager's roster: which controllers run, in pass order, as whom, and under
// which event source.
import type { Clock } from '../api/time';
import { COMPONENTS, type Client } from '../client/client';
import { EventIndex, EventRecorder, EventSequence } from '../client/events';
import { apiServiceAvailability } from '../controllers/apiserviceavailability';
import { bootstrapSigner } from '../controllers/bootstrapsigner';
import { cronJobController } from '../controllers/cronjob';
import { daemonSetController } from '../controllers/daemonset';
import { deploymentController } from '../controllers/deployment';
import { disruptionController } from '../controllers/disruption';
import { eventTTL } from '../controllers/eventttl';
import { garbageCollector } from '../controllers/garbagecollector';
import { jobController } from '../controllers/job';
import { jobPodOrphans } from '../controllers/job/orphans';
import { namespaceController } from '../controllers/namespace';
import { nodeLifecycleController } from '../controllers/nodelifecycle';
import { podGarbageCollector } from '../controllers/podgc';
import { pvcProtectionController } from '../controllers/pvcprotection';
import { replicaSetController } from '../controllers/replicaset';
import { rootCACertPublisher } from '../controllers/rootcacert';
import { scheduler } from '../controllers/scheduler';
import { serviceAccountController } from '../controllers/serviceaccount';
import { statefulSetController } from '../controllers/statefulset';
import { tokenCleaner } from '../controllers/tokencleaner';
import { ttlAfterFinished } from '../controllers/ttlafterfinished';
import { taintEvictionController } from '../controllers/tainteviction';
import { kubelet } from '../sim/kubelet';
import { evictionManager } from '../sim/kubelet/eviction';
import { kubeletSilentSince } from '../sim/kubelet/nodestate';
import { nodeStatusReporter } from '../sim/node/status';
import type { AnyController } from './controller';
import type { ControllerBinding } from './engine';

export function controllerBindings(client: Client, clock: Clock, sequence: EventSequence, caCert: () => string): ControllerBinding[] {
  const manager = client.as(COMPONENTS.controllerManager);
  const sched = client.as(COMPONENTS.scheduler);
  const nodes = client.as({ name: 'system:node', groups: ['system:nodes', 'system:authenticated'] });
  const index = new EventIndex(manager);
  const bind = (controller: AnyController, c: Client, component: string): ControllerBinding => ({
    controller,
    client: c,
    events: new EventRecorder(c, clock, sequence, { component }, index),
  });
  return [
    bind(deploymentController, manager, 'deployment-controller'),
    bind(replicaSetController, manager, 'replicaset-controller'),
    bind(daemonSetController, manager, 'daemonset-controller'),
    bind(statefulSetController, manager, 'statefulset-controller'),
    bind(cronJobController, manager, 'cronjob-controller'),
    bind(jobController, manager, 'job-controller'),
    bind(jobPodOrphans, manager, 'job-controller'),
    bind(ttlAfterFinished, manager, 'ttl-after-finished-controller'),
    // The node controller before the scheduler, so a cordon's taint is gone when the node is
    // uncordoned; the scheduler before the kubelet, so a new pod starts in the pass that binds it.
    bind(nodeLifecycleController(kubeletSilentSince), manager, 'node-controller'),
    bind(scheduler, sched, 'default-scheduler'),
    bind(kubelet, nodes, 'kubelet'),
    bind(evictionManager, nodes, 'kubelet'),
    bind(nodeStatusReporter, nodes, 'kubelet'),
    bind(taintEvictionController, manager, 'taint-eviction-controller'),
    // Its events name the controller manager itself as their source, as Kubernetes' do.
    bind(disruptionController, manager, 'controllermanager'),
    bind(garbageCollector, manager, 'garbage-collector'),
    bind(podGarbageCollector, manager, 'pod-garbage-collector'),
    bind(pvcProtectionController, manager, 'pvc-protection-controller'),
    bind(namespaceController, manager, 'namespace-controller'),
    bind(serviceAccountController, manager, 'service-account-controller'),
    bind(rootCACertPublisher(caCert), manager, 'root-ca-cert-publisher'),
    bind(eventTTL, manager, 'event-ttl'),
    bind(tokenCleaner, manager, 'token-cleaner'),
    bind(bootstrapSigner, manager, 'bootstrap-signer'),
    // kube-apiserver's aggregator, not the controller manager: it acts as the API server does.
    bind(apiServiceAvailability, manager, 'apiservice-available'),
  ];
}
