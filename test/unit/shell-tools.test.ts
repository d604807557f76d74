// The tools as programs: coreutils wording on Debian images (dash), busybox wording on ash images.
// Expected texts were recorded from coreutils 9.1 and busybox 1.35 where the two differ.
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../src/sim/shell';
import { fakeHost } from '../helpers/shellhost';

const T0 = Date.parse('2026-11-26T12:00:00Z');

function sh(flavor: 'dash' | 'ash', script: string, files: Record<string, string> = { '/w/f': 'b\na\nb\n' }) {
  const h = fakeHost({ shell: flavor, files, cwd: '/w', processes: [{ pid: 1, user: 'root', command: 'sh -c sleep 3600' }, { pid: 7, user: 'root', command: 'sleep 3600' }] });
  h.fs.mkdir('/w/d');
  const r = runToEnd(['sh', '-c', script], h, T0, 60_000);
  const text = (s: string) => r.output.filter((c) => c.stream === s).map((c) => c.text).join('');
  return { out: text('stdout'), err: text('stderr'), code: r.code, fs: h.fs };
}

describe('tools (recorded wording)', () => {
  const both: [script: string, out: string][] = [
    ['wc -l f', '3 f\n'],
    ['head -n 2 f; tail -n 1 f', 'b\na\nb\n'],
    ['ls; ls -a', 'd\nf\n.\n..\nd\nf\n'],
    ['grep -n b f; sed -n 2p f; cut -c1 f | tr -d "\\n"', '1:b\n3:b\na\nbab'],
    ["date -u -d @86400 +'%Y-%m-%d %H:%M:%S %a %j'", '1970-01-02 00:00:00 Fri 002\n'],
    ['date', 'Thu Nov 26 12:00:00 UTC 2026\n'],
    ['uname -sr; uname', 'Linux 6.8.0-45-generic\nLinux\n'],
    ['whoami; id -u', 'root\n0\n'],
    ['hostname; printenv HOSTNAME; printenv NOPE; echo $?', 'pod-1\npod-1\n1\n'],
    ['sort f | uniq -c', '      1 a\n      2 b\n'],
    ['mkdir -p x/y/z && touch x/y/z/t && ls x/y/z && rm -r x && ls', 't\nd\nf\n'],
    ['cp f g && mv g h && cat h | wc -l && ls', '3\nd\nf\nh\n'],
    ['echo hi | tee t >/dev/null; cat t', 'hi\n'],
    ['seq -s, 3; seq -w 8 10', '1,2,3\n08\n09\n10\n'],
  ];
  it.each(both)('dash and ash: %s', (script, out) => {
    for (const fl of ['dash', 'ash'] as const) expect(sh(fl, script).out).toBe(out);
  });

  const errors: [flavor: 'dash' | 'ash', script: string, err: string][] = [
    ['dash', 'cat nope', 'cat: nope: No such file or directory\n'],
    ['ash', 'cat nope', "cat: can't open 'nope': No such file or directory\n"],
    ['dash', 'ls nope', "ls: cannot access 'nope': No such file or directory\n"],
    ['ash', 'ls nope', 'ls: nope: No such file or directory\n'],
    ['dash', 'rm nope; rm d', "rm: cannot remove 'nope': No such file or directory\nrm: cannot remove 'd': Is a directory\n"],
    ['ash', 'rm nope; rm d', "rm: can't remove 'nope': No such file or directory\nrm: 'd' is a directory\n"],
    ['dash', 'mkdir d', "mkdir: cannot create directory 'd': File exists\n"],
    ['ash', 'mkdir d', "mkdir: can't create directory 'd': File exists\n"],
    ['dash', 'head nope', "head: cannot open 'nope' for reading: No such file or directory\n"],
    ['ash', 'head nope', 'head: nope: No such file or directory\n'],
    ['dash', 'sleep abc', "sleep: invalid time interval 'abc'\nTry 'sleep --help' for more information.\n"],
    ['dash', 'cp nope x', "cp: cannot stat 'nope': No such file or directory\n"],
    ['ash', 'cp nope x', "cp: can't stat 'nope': No such file or directory\n"],
    ['dash', 'touch /nonexist/x', "touch: cannot touch '/nonexist/x': No such file or directory\n"],
    ['ash', 'touch /nonexist/x', 'touch: /nonexist/x: No such file or directory\n'],
    ['dash', 'grep x nope; echo $?', 'grep: nope: No such file or directory\n'],
  ];
  it.each(errors)('%s: %s', (flavor, script, err) => {
    expect(sh(flavor, script).err).toBe(err);
  });

  it('wc pads its columns as each implementation does', () => {
    expect(sh('dash', 'printf "a b\\nc\\n" | wc; wc f d/../f').out).toBe('      2       3       6\n 3  3  6 f\n 3  3  6 d/../f\n 6  6 12 total\n');
    expect(sh('ash', 'printf "a b\\nc\\n" | wc; wc -l f f').out).toBe('        2         3         6\n        3 f\n        3 f\n        6 total\n');
  });

  it('grep: -i -v -c -q -E and exit 1 when nothing matches', () => {
    const r = sh('dash', 'printf "Foo\\nbar\\nbaz\\n" > t; grep -i foo t; grep -v ba t; grep -c ba t; grep -E "^(bar|baz)$" t; grep -q nope t; echo $?');
    expect(r.out).toBe('Foo\nFoo\n2\nbar\nbaz\n1\n');
  });

  it('sed s///g with groups, addresses and -i', () => {
    const r = sh('ash', 'echo "hello world" | sed "s/o/0/g"; echo abc | sed "s/\\(a\\)\\(b\\)/\\2\\1/"; sed -i "s/b/B/" f; cat f; printf "1\\n2\\n3\\n" | sed "2d"');
    expect(r.out).toBe('hell0 w0rld\nbac\nB\na\nB\n1\n3\n');
  });

  it('ps lists the processes in busybox format', () => {
    expect(sh('ash', 'ps').out).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 sh -c sleep 3600\n    7 root      0:00 sleep 3600\n    8 root      0:00 ps\n');
  });

  it('env and printenv print the environment; env runs a command with more of it', () => {
    // The shell adds PWD (dash) and SHLVL (busybox ash) to what the container had.
    expect(sh('dash', 'env').out).toBe('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME=pod-1\nHOME=/root\nPWD=/w\n');
    expect(sh('ash', 'env').out).toBe('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME=pod-1\nHOME=/root\nSHLVL=1\nPWD=/w\n');
    expect(sh('dash', 'env A=1 printenv A').out).toBe('1\n');
  });

  it('expr and test arithmetic', () => {
    expect(sh('dash', 'expr 7 / 2; expr 3 \\< 10; expr abc : "a\\(.\\)"; expr 1 / 0; echo $?').out).toBe('3\n1\nb\n2\n');
  });

  it('echo: dash interprets escapes and only -n; ash needs -e', () => {
    expect(sh('dash', 'echo "a\\tb"; echo -e x').out).toBe('a\tb\n-e x\n');
    expect(sh('ash', 'echo "a\\tb"; echo -e "x\\ty"').out).toBe('a\\tb\nx\ty\n');
  });

  it('a tool the image lacks fails like the shell, exit 127', () => {
    const r = sh('dash', 'curl http://x; echo $?');
    expect([r.out, r.err]).toEqual(['127\n', 'sh: 1: curl: not found\n']);
  });
});
