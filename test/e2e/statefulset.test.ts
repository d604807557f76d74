// StatefulSets through the launcher: the seed's nginx StatefulSet (fixtures/web-statefulset.yaml)
// with its pods in ordinal order and a claim each, kept when pods and the set go; a recreated pod
// with its name and claim; scaling; a partitioned rolling update, rollout status, history and undo;
// get and describe pages.
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, throwawayHomes } from '../helpers/cli';

const home = throwawayHomes();
const MANIFEST = path.join(FIXTURES, 'web-statefulset.yaml');

describe('StatefulSets', () => {
  it('in sequence: the seed\'s StatefulSet makes web-0 then web-1, a claim each, and keeps names and claims across deletions', () => {
    const h = home();
    expect(h.ok('apply', '-f', MANIFEST)).toBe('statefulset.apps/web created\n');
    expect(h.ok('get', 'sts')).toBe('NAME   READY   AGE\nweb    2/2     0s\n');
    expect(h.ok('get', 'pods', '-o', 'custom-columns=NAME:.metadata.name,HOST:.spec.hostname,SUBDOMAIN:.spec.subdomain,CLAIM:.spec.volumes[0].persistentVolumeClaim.claimName')).toBe(
      'NAME    HOST    SUBDOMAIN   CLAIM\nweb-0   web-0   nginx       www-web-0\nweb-1   web-1   nginx       www-web-1\n',
    );
    expect(h.ok('get', 'pvc')).toBe(
      'NAME        STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\n' +
        'www-web-0   Pending                                                     <unset>                 0s\n' +
        'www-web-1   Pending                                                     <unset>                 0s\n',
    );
    const events = h.ok('get', 'events', '--field-selector', 'involvedObject.kind=StatefulSet', '-o', 'jsonpath={range .items[*]}{.message}{"\\n"}{end}');
    expect(events).toBe(
      'create Claim www-web-0 Pod web-0 in StatefulSet web success\ncreate Pod web-0 in StatefulSet web successful\ncreate Claim www-web-1 Pod web-1 in StatefulSet web success\ncreate Pod web-1 in StatefulSet web successful\n',
    );
    // Deleted pods come back with the same names and claims.
    const uid = h.ok('get', 'pvc', 'www-web-0', '-o', 'jsonpath={.metadata.uid}');
    expect(h.ok('delete', 'pod', '-l', 'app=nginx')).toBe('pod "web-0" deleted\npod "web-1" deleted\n');
    expect(h.ok('get', 'pods', '-o', 'name')).toBe('pod/web-0\npod/web-1\n');
    expect(h.ok('get', 'pvc', 'www-web-0', '-o', 'jsonpath={.metadata.uid}')).toBe(uid);
    expect(h.ok('describe', 'pvc', 'www-web-0')).toBe(`Name:          www-web-0
Namespace:     default
StorageClass:  
Status:        Pending
Volume:        
Labels:        app=nginx
Annotations:   <none>
Finalizers:    [kubernetes.io/pvc-protection]
Capacity:      
Access Modes:  
VolumeMode:    Filesystem
Used By:       web-0
Events:        <none>
`);
    // Scaled up, the new ordinal comes last; scaled down, it goes first and its claim stays.
    expect(h.ok('scale', 'sts', 'web', '--replicas=3')).toBe('statefulset.apps/web scaled\n');
    expect(h.ok('get', 'pods', '-o', 'name')).toBe('pod/web-0\npod/web-1\npod/web-2\n');
    h.ok('scale', 'sts', 'web', '--replicas=1');
    expect(h.ok('get', 'pods', '-o', 'name')).toBe('pod/web-0\n');
    expect(h.ok('get', 'pvc', '-o', 'name')).toBe('persistentvolumeclaim/www-web-0\npersistentvolumeclaim/www-web-1\npersistentvolumeclaim/www-web-2\n');
    expect(h.ok('delete', 'sts', 'web')).toBe('statefulset.apps "web" deleted\n');
    expect(h.run(['get', 'pods'])).toEqual({ code: 0, stdout: '', stderr: 'No resources found in default namespace.\n' });
    expect(h.ok('get', 'pvc', '-o', 'name').split('\n')).toHaveLength(4);
    expect(h.ok('delete', 'pvc', '--all')).toBe('persistentvolumeclaim "www-web-0" deleted\npersistentvolumeclaim "www-web-1" deleted\npersistentvolumeclaim "www-web-2" deleted\n');
    expect(h.run(['get', 'pvc'])).toEqual({ code: 0, stdout: '', stderr: 'No resources found in default namespace.\n' });
  });

  it('in sequence: updates above the partition in reverse ordinal order; rollout status, history and undo', () => {
    const h = home();
    h.ok('apply', '-f', MANIFEST);
    h.ok('scale', 'sts', 'web', '--replicas=4');
    expect(h.ok('patch', 'sts', 'web', '-p', '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":2}}}}')).toBe('statefulset.apps/web patched\n');
    expect(h.ok('set', 'image', 'sts/web', 'nginx=nginx:1.27')).toBe('statefulset.apps/web image updated\n');
    expect(h.ok('rollout', 'status', 'sts/web')).toBe('partitioned roll out complete: 2 new pods have been updated...\n');
    expect(h.ok('get', 'pods', '-o', 'custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image')).toBe(
      'NAME    IMAGE\nweb-0   nginx:1.9.1\nweb-1   nginx:1.9.1\nweb-2   nginx:1.27\nweb-3   nginx:1.27\n',
    );
    const deletes = h.ok('get', 'events', '--field-selector', 'reason=SuccessfulDelete', '-o', 'jsonpath={range .items[*]}{.message}{"\\n"}{end}');
    expect(deletes).toBe('delete Pod web-3 in StatefulSet web successful\ndelete Pod web-2 in StatefulSet web successful\n');
    const status = h.ok('get', 'sts', 'web', '-o', 'jsonpath={.status.currentReplicas} {.status.updatedReplicas} {.status.currentRevision==.status.updateRevision}');
    expect(status.split(' ').slice(0, 2)).toEqual(['2', '2']);
    expect(h.ok('rollout', 'history', 'sts/web')).toBe('statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    h.ok('patch', 'sts', 'web', '-p', '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":0}}}}');
    expect(h.ok('get', 'pods', '-o', 'jsonpath={.items[*].spec.containers[0].image}')).toBe('nginx:1.27 nginx:1.27 nginx:1.27 nginx:1.27');
    expect(h.ok('rollout', 'undo', 'sts/web')).toBe('statefulset.apps/web rolled back\n');
    expect(h.ok('get', 'pods', '-o', 'jsonpath={.items[*].spec.containers[0].image}')).toBe('nginx:1.9.1 nginx:1.9.1 nginx:1.9.1 nginx:1.9.1');
    expect(h.ok('rollout', 'history', 'sts/web')).toBe('statefulset.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
    expect(h.ok('rollout', 'restart', 'sts/web')).toBe('statefulset.apps/web restarted\n');
    expect(h.run(['rollout', 'pause', 'sts/web'])).toEqual({ code: 1, stdout: '', stderr: 'error: statefulsets.apps "web" pausing is not supported\n' });
    const page = h.ok('describe', 'sts', 'web');
    expect(page).toContain('Replicas:           4 desired | 4 total\nUpdate Strategy:    RollingUpdate\n  Partition:        0\nPods Status:        4 Running / 0 Waiting / 0 Succeeded / 0 Failed\n');
    expect(page).toContain('Volume Claims:\n  Name:          www\n  StorageClass:  \n  Labels:        <none>\n  Annotations:   <none>\n  Capacity:      1Gi\n  Access Modes:  [ReadWriteOnce]\nEvents:\n');
  });

  it('orphans its pods with --cascade=orphan, and a new set of the same name adopts them', () => {
    const h = home();
    h.ok('apply', '-f', MANIFEST);
    const uids = h.ok('get', 'pods', '-l', 'app=nginx', '-o', 'jsonpath={.items[*].metadata.uid}');
    expect(h.ok('delete', 'sts', 'web', '--cascade=orphan')).toBe('statefulset.apps "web" deleted\n');
    expect(h.ok('get', 'pods', '-l', 'app=nginx', '-o', 'jsonpath={.items[*].metadata.ownerReferences}')).toBe('');
    h.ok('apply', '-f', MANIFEST);
    expect(h.ok('get', 'pods', '-l', 'app=nginx', '-o', 'jsonpath={.items[*].metadata.uid}')).toBe(uids);
    expect(h.ok('get', 'pods', '-l', 'app=nginx', '-o', 'jsonpath={.items[*].metadata.ownerReferences[0].name}')).toBe('web web');
    expect(h.ok('delete', 'sts', 'web', '--cascade=foreground')).toBe('statefulset.apps "web" deleted\n');
    expect(h.run(['get', 'pods', '-l', 'app=nginx'])).toEqual({ code: 0, stdout: '', stderr: 'No resources found in default namespace.\n' });
  });

  it('with OnDelete, rollout status says it only follows RollingUpdate', () => {
    const h = home();
    h.ok('apply', '-f', MANIFEST);
    h.ok('patch', 'sts', 'web', '-p', '{"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":null}}}');
    expect(h.run(['rollout', 'status', 'sts/web'])).toEqual({ code: 1, stdout: '', stderr: 'error: rollout status is only available for RollingUpdate strategy type\n' });
  });
});
