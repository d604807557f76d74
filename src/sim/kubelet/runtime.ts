// The container runtime as the kubelet drives it: processes advanced along the clock, signals,
// one-shot commands (exec probes, hooks), the HTTP servers images run, image profiles and how a
// container's command line is read. With the shell and the simulated servers behind it this is
// about 150 KB of code, so the kubelet reaches it through `runtime()` (runtimeref.ts): it is
// loaded when a container is first started, stopped, probed or looked into, not by every
// command that runs the kubelet over pods with nothing to do (a ConfigMap written, a label set).
export { advance, httpServer, isOpaque, lines, listeningPorts, signal, startProcess } from '../runtime/process';
export { imageProfile } from '../runtime/profiles';
export { classify, containerArgv } from '../runtime/program';
export { runToEnd } from '../shell';
