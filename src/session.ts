// Composition of one invocation's cluster: the store under its lock, clock, seeded randomness,
// API server, engine and controllers. Reads skip the lock when nothing is due; writes hold it
// from load to save, so concurrent invocations never lose each other's writes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { authenticate, impersonate, type TokenEntry, type UserInfo } from './apiserver/auth';
import type { MetricsScraper } from './api/metrics';
import type { NodeProxy } from './api/nodeproxy';
import { ApiServer } from './apiserver/server';
import type { KubeadmHome, KubeadmMachine } from './cli/commands/kubeadm/host';
import type { StoreHome } from './cli/commands/store/host';
import type { Cluster, ClusterAccess, ClusterMode, Credentials, MachineAccess } from './cli/context';
import { CliError } from './cli/errors';
import { Kubeconfig } from './cli/kubeconfig';
import { type Client, LocalClient } from './client/client';
import { EventSequence } from './client/events';
import type { MemorySource } from './engine/controller';
import type { Engine } from './engine/engine';
import { SimClock, machineTime } from './sim/clock';
import { machineFacts, setMachineFacts } from './sim/kubelet/nodestate';
import { SeededRandom, freshSecret } from './sim/rand';
import { makePrivateDir, readFileOrUndefined, writeDurably } from './store/files';
import { FileLock } from './store/lock';
import { StoreAreas } from './store/areas';
import { StoreError, type SystemState, Store } from './store/store';
import { type BootstrapTemplate, TEMPLATE_FORMAT } from './sim/cluster/template/format';
import type { EncryptionAtRest } from './apiserver/encryption';
import type { EncryptReport, ProviderName } from './api/encryption';
import { allKinds } from './api/registry';

export interface SessionOptions {
  home: string;
  kubeconfigPath: string;
  pid: number;
  isAlive(pid: number): boolean;
  /** Overrides the seed of a new cluster's randomness. */
  seed?: string;
  /** Pins the wall-clock reading (RFC3339), for reproducible output. */
  wallClock?: string;
  lockTimeoutMs?: number;
  /** A smaller limit of pods in the cluster than Kubernetes' 150,000 (POCKETKUBE_MAX_PODS, for tests). */
  maxPods?: number;
  /** The most passes a convergence makes (POCKETKUBE_PASS_CAP, for tests of a run that does not converge). */
  passCap?: number;
  /**
   * The default cluster's template made by this build (scripts/build.mjs): the file and the build
   * it must name. Without it, or when it does not fit, an empty home is bootstrapped directly.
   */
  template?: { file: string; build: string };
  /** Freeze every object reads hand out (tests: a reader that mutates fails loudly). */
  freezeReads?: boolean;
}

/**
 * The home's EncryptionConfiguration, as kube-apiserver's --encryption-provider-config names one
 * (JSON or YAML); without it nothing is encrypted at rest.
 */
export const ENCRYPTION_CONFIG = 'encryption-config.yaml';

/** The home's encryption at rest, if it has a configuration (the module is loaded only then). */
export function loadEncryption(home: string): EncryptionAtRest | undefined {
  const file = path.join(home, ENCRYPTION_CONFIG);
  const text = readFileOrUndefined(file);
  if (text === undefined) return undefined;
  const { EncryptionAtRest, EncryptionConfigError } = require('./apiserver/encryption') as typeof import('./apiserver/encryption');
  try {
    return EncryptionAtRest.load(text, file);
  } catch (e) {
    // The API server would not start: no command can run until the file is mended.
    if (e instanceof EncryptionConfigError) throw new CliError(`the encryption provider config ${file}: ${e.message}`);
    throw e;
  }
}

const ADMIN_USER = 'kubernetes-admin';
const ADMIN_GROUPS = ['system:masters'];
const TOKEN_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

class World implements Cluster {
  readonly clock: SimClock;
  readonly random: SeededRandom;
  readonly server: ApiServer;
  private engineInstance?: Engine;
  readonly admin: Client;
  readonly events: EventSequence;
  /** The nodes' disks: logs, processes and files, beside the API's objects. */
  readonly disk: StoreAreas;
  client!: Client;
  /** The CA of a cluster created in this invocation, before its files are written. */
  newCA?: string;
  /** Called on every engine pass while the home is locked (the lock's refresh). */
  heartbeat?: () => void;
  private readonly passCap?: number;

  /** `made`: the clock and event sequence of a cluster made from the template in this invocation. */
  constructor(
    readonly store: Store,
    opts: SessionOptions,
    made?: { clock: SimClock; eventSequence: number },
  ) {
    const sys = store.system;
    this.clock = made?.clock ?? SimClock.start(sys.clockOffsetMs, opts.wallClock);
    this.events = new EventSequence(made?.eventSequence ?? store.revision);
    this.disk = new StoreAreas(store);
    // Credentials' secrets come from the system's random source: no two homes share a token.
    this.random =
      sys.rand.length === 4 ? new SeededRandom(sys.rand, freshSecret) : opts.seed ? SeededRandom.fromSeed(opts.seed, freshSecret) : new SeededRandom(undefined, freshSecret);
    this.server = new ApiServer(store, this.clock, this.random, opts.freezeReads ?? false, loadEncryption(opts.home), opts.maxPods);
    this.passCap = opts.passCap;
    this.admin = new LocalClient(this.server, { name: ADMIN_USER, groups: [...ADMIN_GROUPS, 'system:authenticated'] });
    this.server.nodeProxy = this.nodeProxy();
    this.server.metricsScraper = this.metricsScraper();
    this.caFile = path.join(opts.home, 'pki', 'ca.crt');
  }

  private readonly caFile: string;

  /** The controller manager, loaded only when something has to converge (reads rarely do). */
  get engine(): Engine {
    if (!this.engineInstance) {
      const { Engine } = require('./engine/engine') as typeof import('./engine/engine');
      const { controllerBindings } = require('./engine/controllers') as typeof import('./engine/controllers');
      this.engineInstance = new Engine(controllerBindings(this.admin, this.clock, this.events, () => this.newCA ?? this.controlPlaneCA()), {
        clock: this.clock,
        random: this.random,
        writes: this.server,
        disk: this.disk,
        timers: this.store.system.timers,
        memory: this.memory(),
        // What changed since a save that did not converge cannot be known: look at everything.
        resync: !this.store.system.converged,
        onPass: () => this.heartbeat?.(),
        passCap: this.passCap,
      });
    }
    return this.engineInstance;
  }

  /**
   * The components' memory, one store collection each ("/memory/kubelet"), read only by the
   * component that uses it. A home saved when it all lived in store.json is moved over first.
   */
  private memory(): MemorySource {
    const areas = new StoreAreas(this.store, '/memory/');
    const legacy = this.store.system.memory;
    if (legacy) {
      for (const [full, value] of Object.entries(legacy)) {
        const slash = full.indexOf('/');
        areas.put(full.slice(0, slash), full.slice(slash + 1), value);
      }
      this.store.setSystem({ memory: undefined });
    }
    return {
      of: (component) => ({
        get: <T>(key: string) => areas.get<T>(component, key),
        set: (key: string, value: unknown) => areas.put(component, key, value),
        keys: (prefix?: string) => areas.keys(component, prefix),
      }),
    };
  }

  /** The CA kubeadm keeps on the control plane's disk (homes made before it did: the old file). */
  private controlPlaneCA(): string {
    const { caCertificateOn } = require('./sim/cluster/kubeadm/files') as typeof import('./sim/cluster/kubeadm/files');
    return caCertificateOn(this.disk) ?? fs.readFileSync(this.caFile, 'utf8');
  }

  /** The metrics-server add-on's side of metrics.k8s.io, loaded when first asked. */
  private metricsScraper(): MetricsScraper {
    let server: MetricsScraper | undefined;
    const get = () => {
      if (!server) {
        const { MetricsServer } = require('./sim/metrics/server') as typeof import('./sim/metrics/server');
        server = new MetricsServer(this.admin, this.disk, this.clock);
      }
      return server;
    };
    return { nodes: (nodes, pod) => get().nodes(nodes, pod), pods: (pods, pod) => get().pods(pods, pod) };
  }

  /** The kubelets' side of pods/log, pods/exec and pods/attach, loaded when first asked. */
  private nodeProxy(): NodeProxy {
    let agent: NodeProxy | undefined;
    const get = () => {
      if (!agent) {
        const { NodeAgent } = require('./sim/kubelet/agent') as typeof import('./sim/kubelet/agent');
        agent = new NodeAgent(this.admin, this.disk, this.clock);
      }
      return agent;
    };
    return {
      logs: (pod, opts) => get().logs(pod, opts),
      attach: (pod, opts) => get().attach(pod, opts),
      exec: (pod, opts) => {
        const result = get().exec(pod, opts);
        // What the command did in the pod's containers (a file removed, say) is seen at its next sync.
        this.engine.enqueue('kubelet', { namespace: pod.metadata.namespace, name: pod.metadata.name! });
        return result;
      },
    };
  }

  now(): number {
    return this.clock.now();
  }

  /** Made from the template just now and not used yet: converged, nothing due. */
  settled = false;

  converge(): void {
    this.engine.converge();
  }

  advanceTo(target: number, until?: () => boolean): boolean {
    return this.engine.advanceTo(target, until);
  }

  nextTimer(): number | undefined {
    return this.engine.nextTimer();
  }

  typeWrites(): number {
    return this.server.writeCount;
  }

  machines(): MachineAccess {
    return { get: (name) => machineFacts(this.disk, name), set: (name, facts) => setMachineFacts(this.disk, name, facts) };
  }

  /**
   * Records what the next invocation must not repeat before the writes made so far are
   * committed: the clock and the random state (names, UIDs and IPs already handed out). The
   * store is not converged until the controllers have caught up and it is saved.
   */
  recordProgress(): void {
    this.store.setSystem({ clockOffsetMs: this.clock.offsetMs, rand: this.random.state, converged: false });
  }

  /**
   * Records the simulation's own state in the store, for the next invocation. `converged` false:
   * saved midway, so the next command looks at everything again (resync).
   */
  persistSystem(converged = true): void {
    this.store.setSystem({
      clockOffsetMs: this.clock.offsetMs,
      rand: this.random.state,
      timers: this.engineInstance ? this.engineInstance.pendingTimers() : this.store.system.timers,
      converged,
    });
  }

  /** Whether the last convergence stopped at the pass cap with controllers still writing. */
  get unconverged(): boolean {
    return this.engineInstance?.capped ?? false;
  }
}

export class Session implements ClusterAccess {
  private world?: World;
  private mode?: ClusterMode;
  private lock?: FileLock;
  private writesBeforeCommand = 0;
  /** The save of a read's new cluster, under way while the command runs (see save). */
  private saving?: { done(): Promise<void>; now(): void };
  /** The API server's write count and the clock's offset when the store was last committed or saved. */
  private writesCommitted = 0;
  private offsetCommitted = 0;
  /** Set once the command is over: what it printed after that (a failed save) commits nothing. */
  private finished = false;
  private bootstrapped?: { caPem: string; caKey: string; server: string; token: string };

  /** What the command should say on its standard error besides its own output (main prints them). */
  readonly warnings: string[] = [];

  constructor(private readonly opts: SessionOptions) {}

  private get storeFile(): string {
    return path.join(this.opts.home, 'store.json');
  }

  open(mode: ClusterMode, credentials: () => Credentials, impersonate?: UserInfo): Cluster {
    if (this.world && (this.mode === 'write' || mode === 'read')) return this.world;
    if (mode === 'read') {
      const store = Store.open(this.storeFile);
      const sys = store.system;
      const now = SimClock.start(sys.clockOffsetMs, this.opts.wallClock).now();
      const due = !store.existed || !sys.converged || sys.timers.some((t) => t.at <= now);
      if (!due) return this.attach(new World(store, this.opts), 'read', credentials, impersonate);
      // Something is due: converge under the lock and save before reading. An empty home made
      // from the template is converged already.
      if (!store.existed && this.openFromTemplate(credentials, impersonate)) {
        this.save(this.opts.kubeconfigPath, true);
        return this.world!;
      }
      this.open('write', credentials, impersonate);
      try {
        this.save();
      } catch (e) {
        // A read still answers when the disk cannot take what converging changed (a full disk):
        // from the converged state, which the next command makes again. Said, not hidden.
        if (!(e instanceof StoreError)) throw e;
        this.warnings.push(`warning: the cluster's progress could not be saved: ${e.message}`);
        this.saved();
      }
      return this.world!;
    }
    this.lockHome();
    this.saveNow();
    const store = Store.open(this.storeFile);
    const made = !store.existed ? this.fromTemplate(store) : undefined;
    const world = made ?? new World(store, this.opts);
    if (!store.existed && !made) this.bootstrap(world);
    world.converge();
    return this.attach(world, 'write', credentials, impersonate);
  }

  /** The store as it is, read without the lock: nothing is converged, made or saved. */
  peek(credentials: () => Credentials, impersonate?: UserInfo): Cluster | undefined {
    if (this.world) return this.world;
    const store = Store.open(this.storeFile);
    if (!store.existed) return undefined;
    return this.attach(new World(store, this.opts), 'read', credentials, impersonate);
  }

  /** An empty home's cluster made from the template, under the lock (false: no template fits, or the home filled meanwhile). */
  private openFromTemplate(credentials: () => Credentials, impersonate?: UserInfo): boolean {
    this.lockHome();
    const store = Store.open(this.storeFile);
    const world = !store.existed && this.fromTemplate(store);
    if (!world) return false;
    world.settled = true;
    this.attach(world, 'write', credentials, impersonate);
    return true;
  }

  /**
   * The default cluster from the build's template, with this home's cluster time, certificates,
   * keys and tokens: what bootstrap() and converging would build, at a fraction of the cost.
   */
  private fromTemplate(store: Store): World | undefined {
    const template = this.template();
    if (!template) return undefined;
    const start = this.opts.seed ? SeededRandom.fromSeed(this.opts.seed) : new SeededRandom();
    if (String(start.state) !== String(template.rand)) return undefined;
    const clock = SimClock.start(0, this.opts.wallClock);
    const { instantiate } = require('./sim/cluster/template/instantiate') as typeof import('./sim/cluster/template/instantiate');
    const made = instantiate(template, clock.now());
    store.adopt(made.revision, { ...(made.system as SystemState), endpoint: made.server }, made.collections);
    const world = new World(store, this.opts, { clock, eventSequence: template.eventSequence });
    // The template's Secrets are in the clear: a home configured to encrypt them never saves them so.
    world.server.encryptStored();
    world.newCA = made.ca.certPem;
    this.bootstrapped = { caPem: made.ca.certPem, caKey: made.ca.keyPem, server: made.server, token: made.token };
    return world;
  }

  /** The build's template, if it is this build's. */
  private template(): BootstrapTemplate | undefined {
    const t = this.opts.template;
    if (!t) return undefined;
    let text: string;
    try {
      text = fs.readFileSync(t.file, 'utf8');
    } catch {
      return undefined;
    }
    const template = JSON.parse(text) as BootstrapTemplate;
    return template.format === TEMPLATE_FORMAT && template.build === t.build ? template : undefined;
  }

  private lockHome(): void {
    if (this.lock) return;
    makePrivateDir(this.opts.home);
    this.lock = new FileLock(path.join(this.opts.home, 'store.lock'), {
      timeoutMs: this.opts.lockTimeoutMs ?? 60_000,
      pid: this.opts.pid,
      isAlive: this.opts.isAlive,
      now: machineTime,
    });
    this.lock.acquire();
  }

  /**
   * `store encrypt`: the configuration with `provider` first (a new key, from the system's random
   * source), written before anything is encrypted with it; then every object of the resources it
   * covers rewritten through the API (an update that changes nothing rewrites a stale value), and
   * the store folded at the save, so no file keeps what they held before.
   */
  private encrypt(provider: ProviderName | undefined): EncryptReport {
    const world = this.world;
    if (!world || this.mode !== 'write') throw new Error('store encrypt needs the cluster open for writing');
    const file = path.join(this.opts.home, ENCRYPTION_CONFIG);
    let encryption = loadEncryption(this.opts.home);
    if (provider) {
      const enc = require('./apiserver/encryption') as typeof import('./apiserver/encryption');
      const { randomBytes } = require('node:crypto') as typeof import('node:crypto');
      const { config } = enc.withWriter(encryption?.config, provider, () => randomBytes(32));
      encryption = enc.EncryptionAtRest.of(config);
      writeDurably(file, enc.configText(config), this.opts.pid);
      world.server.setEncryption(encryption);
    } else if (!encryption) throw new CliError(`there is no encryption provider config ${file}: --provider makes one`);
    const resources: EncryptReport['resources'] = [];
    for (const def of allKinds()) {
      const transformer = encryption.transformerFor(def.type);
      if (!transformer) continue;
      let rewritten = 0;
      for (const obj of world.client.list(def.type)) {
        const before = world.typeWrites();
        world.client.update(def.type, obj);
        if (world.typeWrites() > before) rewritten++;
      }
      resources.push({ resource: def.type.group ? `${def.type.resource}.${def.type.group}` : def.type.resource, writer: transformer.writer, readers: transformer.readers, rewritten });
    }
    world.store.compactAtSave();
    return { file, written: !!provider, resources };
  }

  /** `pocketkube kubeadm`: the home as it is (an empty one stays empty until kubeadm init). */
  kubeadm(): KubeadmHome {
    return { open: () => this.openMachine(), reset: () => this.removeCluster() };
  }

  /**
   * `pocketkube store`: check, backup and restore work on the home's files under the lock, outside
   * any cluster; encrypt on the storage of the cluster the command opened for writing.
   */
  store(): StoreHome {
    const { storeAdmin } = require('./storeadmin') as typeof import('./storeadmin');
    const admin = storeAdmin({
      storeFile: this.storeFile,
      kubeconfigPath: this.opts.kubeconfigPath,
      pid: this.opts.pid,
      lock: () => {
        this.lockHome();
        this.saveNow();
      },
      now: () => SimClock.start(0, this.opts.wallClock).now(),
      encryption: () => loadEncryption(this.opts.home),
    });
    return { ...admin, encrypt: (provider) => this.encrypt(provider) };
  }

  private openMachine(): KubeadmMachine {
    this.lockHome();
    this.saveNow();
    const world = new World(Store.open(this.storeFile), this.opts);
    const adopt = () => {
      this.world = world;
      this.mode = 'write';
      world.client = world.admin;
      this.writesBeforeCommand = world.typeWrites();
      // A cluster kubeadm init just built is acknowledged by the report that follows.
      this.committed(world);
      if (!world.store.existed) this.writesCommitted = -1;
    };
    if (world.store.existed) {
      world.converge();
      adopt();
    }
    const { Kubeadm } = require('./sim/cluster/kubeadm') as typeof import('./sim/cluster/kubeadm');
    const kubeadm = new Kubeadm({ client: world.admin, clock: world.clock, random: world.random, events: world.events, disk: world.disk });
    const init = kubeadm.init.bind(kubeadm);
    // A cluster kubeadm init builds on an empty home is saved with the home's admin credentials.
    kubeadm.init = (pre, tokens) => {
      const fresh = !world.store.existed && !this.world;
      const report = init(pre, tokens);
      if (fresh) {
        this.adminCredentials(world, kubeadm.certificateAuthority(), `https://${report.endpoint}`);
        adopt();
      }
      return report;
    };
    // Time passing on the machine (kubeadm waiting for the kubelet and the API server).
    return Object.assign(kubeadm, { elapse: (ms: number) => void world.advanceTo(world.now() + ms) });
  }

  /** kubeadm reset: the store goes (the lock is held since the home was opened). */
  private removeCluster(): void {
    this.world = undefined;
    this.mode = undefined;
    fs.rmSync(this.storeFile, { force: true });
    // With the collections goes the journal: a store opened later has no manifest to replay onto.
    fs.rmSync(path.join(this.opts.home, 'store'), { recursive: true, force: true });
  }

  private attach(world: World, mode: ClusterMode, credentials: () => Credentials, impersonateAs?: UserInfo): World {
    this.world = world;
    this.mode = mode;
    world.heartbeat = () => this.lock?.refresh();
    const user = this.authenticate(world, credentials);
    world.client = new LocalClient(world.server, impersonateAs ? impersonate(user, impersonateAs) : user);
    this.writesBeforeCommand = world.typeWrites();
    this.committed(world);
    return world;
  }

  private authenticate(world: World, credentials: () => Credentials): UserInfo {
    const tokens: Record<string, TokenEntry> = world.store.system.tokens ?? {};
    const caller = credentials();
    if (this.bootstrapped) {
      if (!caller.chosen) return authenticate(tokens, this.bootstrapped.token);
      // Credentials the command chose may name the admin's: its kubeconfig is written first.
      this.writeCredentials(this.opts.kubeconfigPath);
    }
    const presented = caller.present();
    const endpoint = world.store.system.endpoint;
    if (endpoint) presented.reach(endpoint);
    return authenticate(tokens, presented.token);
  }

  private bootstrap(world: World): void {
    const { bootstrapCluster } = require('./sim/cluster/bootstrap') as typeof import('./sim/cluster/bootstrap');
    const result = bootstrapCluster(world.admin, world.clock, world.random, world.events, world.disk);
    world.newCA = result.ca.certPem;
    this.adminCredentials(world, result.ca, result.server);
  }

  /** The admin's bearer token, accepted by the API server and written to the home's kubeconfig. */
  private adminCredentials(world: World, ca: { certPem: string; keyPem: string }, server: string): void {
    const token = world.random.secret(32, TOKEN_ALPHABET);
    world.store.setSystem({ tokens: { [token]: { user: ADMIN_USER, groups: ADMIN_GROUPS } }, endpoint: server });
    this.bootstrapped = { caPem: ca.certPem, caKey: ca.keyPem, server, token };
  }

  /** Whether the command wrote through the API. */
  get commandWrote(): boolean {
    return !!this.world && this.world.typeWrites() > this.writesBeforeCommand;
  }

  /**
   * Commits what the command has written through the API since the last commit, before anything
   * is printed that could report it (`created`, `scaled`, a rollout's progress): a kill after
   * this loses none of it. Before a result (standard output), time the command moved the cluster
   * clock through counts too (`clock advance`, what `exec` printed after its sleeps); an error
   * alone (a wait that timed out) leaves a command that wrote nothing saving nothing, as before.
   * Convergence and the full save follow at the end. Free when nothing was written, so reads
   * never pay for it; a read's new cluster still being flushed is finished first.
   */
  acknowledge(stream: 'out' | 'err'): void {
    if (!this.finished) this.saveNow();
    const world = this.world;
    if (this.mode !== 'write' || this.finished || !world) return;
    const moved = stream === 'out' && world.clock.offsetMs !== this.offsetCommitted;
    if (world.typeWrites() === this.writesCommitted && !moved) return;
    this.committed(world);
    // The credentials first: a store whose admin token no kubeconfig holds would be locked out.
    if (this.bootstrapped) this.writeCredentials(this.opts.kubeconfigPath);
    world.recordProgress();
    world.store.commit(this.opts.pid);
  }

  private committed(world: World): void {
    this.writesCommitted = world.typeWrites();
    this.offsetCommitted = world.clock.offsetMs;
  }

  /**
   * Converges, saves and unlocks. Skipped when the command failed without writing (and no
   * journal waits to be folded into the store); a cluster made from the template for a read is
   * saved whatever the command did.
   */
  async finish(ok: boolean, kubeconfigPath: string): Promise<void> {
    this.finished = true;
    try {
      const saving = this.saving;
      this.saving = undefined;
      await saving?.done();
      // A store whose write failed (the command reported it) is left as its files hold it.
      if (this.mode === 'write' && this.world && !this.world.store.writeFailed && (ok || this.commandWrote || this.world.store.journalPending)) {
        let unconverged: unknown;
        try {
          this.prepareSave(kubeconfigPath);
        } catch (e) {
          // Controllers that would not stop writing: what they did is saved as not converged (the
          // next command goes on from there), and the error names them.
          if (!this.world.unconverged) throw e;
          unconverged = e;
          this.world.persistSystem(false);
        }
        if (this.world.store.dirty) await this.world.store.saveAsync(this.opts.pid);
        this.saved();
        if (unconverged) throw unconverged;
      }
    } finally {
      this.lock?.release();
      this.lock = undefined;
    }
  }

  /**
   * A read's converge-and-save before it reads. `background`: the files are written now and
   * flushed to disk while the command runs; the manifest is installed before its first output
   * (acknowledge) or when it finishes, or before anything else opens the store. The home stays
   * locked until then.
   */
  private save(kubeconfigPath = this.opts.kubeconfigPath, background = false): void {
    this.prepareSave(kubeconfigPath);
    const store = this.world!.store;
    if (background) this.saving = store.dirty ? store.startSave(this.opts.pid) : undefined;
    else if (store.dirty) store.save(this.opts.pid);
    this.saved(!background);
  }

  /** The save under way, finished now (something is about to be printed, or to open the store again). */
  private saveNow(): void {
    const saving = this.saving;
    this.saving = undefined;
    saving?.now();
  }

  private prepareSave(kubeconfigPath: string): void {
    const world = this.world!;
    if (!world.settled) world.converge();
    world.settled = false;
    world.persistSystem();
    if (this.bootstrapped) this.writeCredentials(kubeconfigPath);
  }

  private saved(unlock = true): void {
    this.writesBeforeCommand = this.world!.typeWrites();
    this.committed(this.world!);
    if (this.mode === 'write') {
      if (unlock) {
        this.lock?.release();
        this.lock = undefined;
      }
      this.mode = 'read';
    }
  }

  /** The admin kubeconfig of a newly created cluster (its CA stays on the control plane's disk, in the store). */
  private writeCredentials(kubeconfigPath: string): void {
    const b = this.bootstrapped!;
    const config = Kubeconfig.load(kubeconfigPath) ?? Kubeconfig.empty(kubeconfigPath);
    const context = 'kubernetes-admin@kubernetes';
    config.upsertCluster({ name: 'kubernetes', cluster: { 'certificate-authority-data': Buffer.from(b.caPem).toString('base64'), server: b.server } });
    config.upsertUser({ name: ADMIN_USER, user: { token: b.token } });
    const existing = config.context(context);
    config.upsertContext({ name: context, context: { cluster: 'kubernetes', user: ADMIN_USER, ...(existing?.context.namespace ? { namespace: existing.context.namespace } : {}) } });
    if (!config.currentContext) config.data['current-context'] = context;
    config.save();
    this.bootstrapped = undefined;
  }
}

