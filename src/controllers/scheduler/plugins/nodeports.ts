// NodePorts: a hostPort can be used by one pod per node.
import { type FilterPlugin, hostPorts } from '../framework';

export const nodePorts: FilterPlugin = {
  name: 'NodePorts',
  filter(pod, info) {
    const clash = hostPorts(pod).some((p) => {
      if (info.usedPorts.has(p)) return true;
      const [proto, ip, port] = p.split('/');
      // 0.0.0.0 conflicts with every address on the same port.
      return [...info.usedPorts].some((u) => {
        const [uProto, uIp, uPort] = u.split('/');
        return uProto === proto && uPort === port && (uIp === '0.0.0.0' || ip === '0.0.0.0');
      });
    });
    return clash ? { reasons: ["node(s) didn't have free ports for the requested pod ports"], resolvable: true } : null;
  },
};
