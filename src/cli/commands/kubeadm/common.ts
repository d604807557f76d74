// What several kubeadm subcommands share: the cluster behind /etc/kubernetes/admin.conf (certs,
// token), and the form of a bootstrap token given on the command line (init --token, token create).
import { TOKEN_PATTERN, parseToken } from '../../../api/bootstraptoken';
import type { CommandContext } from '../../context';
import type { KubeadmMachine } from './host';
import { kubeadmFail } from './output';

/** What kubeadm says when there is no cluster to talk to (no /etc/kubernetes/admin.conf). */
const NO_ADMIN_CONF = 'failed to load admin kubeconfig: open /etc/kubernetes/admin.conf: no such file or directory';

/** The cluster kubeadm talks to through admin.conf; none on a home kubeadm init never ran on. */
export function adminMachine(c: CommandContext): KubeadmMachine {
  const machine = c.kubeadm().open();
  if (!machine.initialised) throw kubeadmFail(NO_ADMIN_CONF);
  return machine;
}

/** kubeadm refuses a token not of the form [a-z0-9]{6}.[a-z0-9]{16} before anything else. */
export function checkTokenForm(token: string | undefined): void {
  if (token !== undefined && !parseToken(token)) throw kubeadmFail(`the bootstrap token ${JSON.stringify(token)} was not of the form ${JSON.stringify(TOKEN_PATTERN)}`);
}
