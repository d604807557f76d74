// delete -i: the list of what would go and kubectl's question, answered on standard input
// (texts recorded from kubectl v1.32 through scripts/kubectl-oracle.mjs).
import { describe, expect, it } from 'vitest';
import { throwawayHomes } from '../helpers/cli';

const home = throwawayHomes();
const QUESTION = 'Do you want to continue? (y/n): ';

describe('delete --interactive', () => {
  it('deletes only on y, and changes nothing otherwise', () => {
    const h = home();
    h.ok('create', 'deployment', 'web', '--image=nginx', '--replicas=2');
    const before = h.storeHash();
    expect(h.run(['delete', 'deploy', 'web', '-i'], { input: 'n\n' })).toEqual({
      stdout: `You are about to delete the following 1 resource(s):\ndeployment.apps/web\n${QUESTION}deletion is cancelled\n`,
      stderr: '',
      code: 0,
    });
    expect(h.run(['delete', 'pods', '-l', 'app=web', '--interactive'], { input: '' }).stdout).toMatch(
      new RegExp(`^You are about to delete the following 2 resource\\(s\\):\\npod/web-\\S+\\npod/web-\\S+\\n${QUESTION.replace(/[()?]/g, '\\$&')}deletion is cancelled\\n$`),
    );
    expect(h.storeHash()).toBe(before);
    expect(h.run(['delete', 'pods', '-l', 'app=none', '-i']).stdout).toBe('No resources found\n');
    expect(h.run(['delete', 'deploy', 'web', '-i'], { input: 'Y\n' }).stdout).toBe(
      `You are about to delete the following 1 resource(s):\ndeployment.apps/web\n${QUESTION}deployment.apps "web" deleted\n`,
    );
    expect(h.run(['get', 'deploy']).stderr).toBe('No resources found in default namespace.\n');
  });

  it('refuses --all beside a field selector, as kubectl validates', () => {
    const h = home();
    expect(h.run(['delete', 'pods', '--all', '--field-selector', 'status.phase=Running']).stderr).toBe('error: cannot set --all and --field-selector at the same time\n');
  });
});
