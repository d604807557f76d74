// Network tools against a fake cluster network, and the perl/python one-liners containers run.
import { describe, expect, it } from 'vitest';
import { resume, runToEnd, startProcess } from '../../src/sim/shell';
import { piDigits } from '../../src/sim/shell/tools/pi';
import { fakeHost, type FakeHost } from '../helpers/shellhost';

const T0 = Date.parse('2026-11-26T12:00:00Z');

function cluster(shell: 'ash' | 'dash', tools?: string[]): FakeHost {
  const h = fakeHost({ shell, tools });
  h.net.dns.set('nginx.default.svc.cluster.local', ['10.96.12.34']);
  h.net.dns.set('kubernetes.default.svc.cluster.local', ['10.96.0.1']);
  h.net.dns.set('example.com', ['93.184.215.14']);
  h.net.servers.set('10.96.12.34:80', (path) => (path === '/' ? { body: '<h1>Welcome to nginx!</h1>\n' } : { status: 404, reason: 'Not Found', body: '<html>404</html>\n' }));
  h.net.servers.set('10.96.0.1:8080', { hang: true });
  h.net.dead.add('10.96.99.99');
  h.net.dns.set('dead.default.svc.cluster.local', ['10.96.99.99']);
  return h;
}

function run(h: FakeHost, script: string, limit = 600_000) {
  const r = runToEnd(['sh', '-c', script], h, T0, limit);
  const text = (s: string) => r.output.filter((c) => c.stream === s).map((c) => c.text).join('');
  return { out: text('stdout'), err: text('stderr'), code: r.code, finishedAt: r.finishedAt, timedOut: r.timedOut };
}

describe('nslookup (busybox 1.36)', () => {
  it('tries each search domain, A then AAAA, and exits 1 when any query failed', () => {
    const r = run(cluster('ash'), 'nslookup nginx');
    expect(r.out).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n' +
        'Name:\tnginx.default.svc.cluster.local\nAddress: 10.96.12.34\n\n' +
        "** server can't find nginx.svc.cluster.local: NXDOMAIN\n\n** server can't find nginx.cluster.local: NXDOMAIN\n\n" +
        '\n' +
        "** server can't find nginx.svc.cluster.local: NXDOMAIN\n\n** server can't find nginx.cluster.local: NXDOMAIN\n\n",
    );
    expect(r.code).toBe(1);
  });

  it('does not search for a name with a dot', () => {
    expect(run(cluster('ash'), 'nslookup nginx.default.svc.cluster.local')).toMatchObject({ out: 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tnginx.default.svc.cluster.local\nAddress: 10.96.12.34\n\n\n', code: 0 });
    expect(run(cluster('ash'), 'nslookup nginx.default')).toMatchObject({
      out: "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find nginx.default: NXDOMAIN\n\n** server can't find nginx.default: NXDOMAIN\n\n",
      code: 1,
    });
    expect(run(cluster('ash'), 'nslookup example.com').out).toContain('Non-authoritative answer:\nName:\texample.com\nAddress: 93.184.215.14\n');
  });
});

describe('curl 7.88', () => {
  const h = () => cluster('dash', ['curl', 'cat']);
  it('prints the body, with the progress meter on stderr unless -s', () => {
    expect(run(h(), 'curl -s http://nginx')).toMatchObject({ out: '<h1>Welcome to nginx!</h1>\n', err: '', code: 0 });
    const r = run(h(), 'curl nginx');
    expect(r.err).toBe(
      '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n' +
        '\r  0    27    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\r100    27  100    27    0     0   2700      0 --:--:-- --:--:-- --:--:--  2700\n',
    );
  });

  it('fails with curl\'s codes and words', () => {
    expect(run(h(), 'curl -sS http://nosuch/')).toMatchObject({ err: 'curl: (6) Could not resolve host: nosuch\n', code: 6 });
    expect(run(h(), 'curl -sS http://nginx:81/')).toMatchObject({ err: "curl: (7) Failed to connect to nginx port 81 after 0 ms: Couldn't connect to server\n", code: 7 });
    expect(run(h(), 'curl -s http://nginx:81/')).toMatchObject({ err: '', code: 7 });
    expect(run(h(), 'curl -sS -m 2 http://kubernetes:8080/')).toMatchObject({ err: 'curl: (28) Operation timed out after 2000 milliseconds with 0 bytes received\n', code: 28, finishedAt: T0 + 2000 });
    expect(run(h(), 'curl -sS --connect-timeout 3 http://dead/')).toMatchObject({ code: 28, finishedAt: T0 + 3000 });
    expect(run(h(), 'curl -sf http://nginx/x; echo $?')).toMatchObject({ out: '22\n', err: '' });
    expect(run(h(), 'curl -sSf http://nginx/x').err).toBe('curl: (22) The requested URL returned error: 404\n');
  });

  it('-w, -o, -I and -i', () => {
    const host = h();
    expect(run(host, "curl -s -o /tmp/page -w '%{http_code}\\n' http://nginx/").out).toBe('200\n');
    expect(host.fs.read('/tmp/page')).toBe('<h1>Welcome to nginx!</h1>\n');
    expect(run(host, 'curl -sI http://nginx/').out).toBe('HTTP/1.1 200 OK\r\nServer: nginx/1.27.3\r\nContent-Type: text/html\r\nContent-Length: 27\r\n\r\n');
    expect(run(host, 'curl -si http://nginx/').out).toBe('HTTP/1.1 200 OK\r\nServer: nginx/1.27.3\r\nContent-Type: text/html\r\nContent-Length: 0\r\n\r\n'.replace('Content-Length: 0', 'Content-Length: 27') + '<h1>Welcome to nginx!</h1>\n');
  });

  it('without -m, a server that never answers keeps curl waiting for good', () => {
    const host = h();
    const s = startProcess(['curl', '-s', 'http://kubernetes:8080/'], host, T0);
    expect(s.ok && resume(s.state, host, { until: T0 + 3_600_000 }).status).toBe('forever');
  });
});

describe('wget (busybox)', () => {
  it('saves index.html with busybox\'s messages', () => {
    const host = cluster('ash');
    const r = run(host, 'wget http://nginx');
    expect(r.err).toBe("Connecting to nginx (10.96.12.34:80)\nsaving to 'index.html'\nindex.html           100% |*******************************|    27  0:00:00 ETA\n'index.html' saved\n");
    expect(host.fs.read('/index.html')).toBe('<h1>Welcome to nginx!</h1>\n');
  });

  it('-qO- writes the body to stdout; errors in busybox words', () => {
    const host = cluster('ash');
    expect(run(host, 'wget -qO- nginx')).toMatchObject({ out: '<h1>Welcome to nginx!</h1>\n', err: '', code: 0 });
    expect(run(host, 'wget -qO- http://nosuch')).toMatchObject({ err: "wget: bad address 'nosuch'\n", code: 1 });
    expect(run(host, 'wget -qO- http://nginx:81')).toMatchObject({ err: "wget: can't connect to remote host (10.96.12.34): Connection refused\n", code: 1 });
    expect(run(host, 'wget -qO- http://nginx/x')).toMatchObject({ err: 'wget: server returned error: HTTP/1.1 404 Not Found\n', code: 1 });
    expect(run(host, 'wget -q -T 5 -O- http://kubernetes:8080/')).toMatchObject({ err: 'wget: download timed out\n', code: 1, finishedAt: T0 + 5000 });
    expect(run(host, 'wget --spider http://nginx/')).toMatchObject({ err: 'Connecting to nginx (10.96.12.34:80)\nremote file exists\n', code: 0 });
  });
});

// pi from bc (scale=2030, 4*a(1)), an independent computation.
const PI_DIGITS = '31415926535897932384626433832795028841971693993751058209749445923078164062862089986280348253421170679821480865132823066470938446095505822317253594081284811174502841027019385211055596446229489549303819644288109756659334461284756482337867831652712019091456485669234603486104543266482133936072602491412737245870066063155881748815209209628292540917153643678925903600113305305488204665213841469519415116094330572703657595919530921861173819326117931051185480744623799627495673518857527248912279381830119491298336733624406566430860213949463952247371907021798609437027705392171762931767523846748184676694051320005681271452635608277857713427577896091736371787214684409012249534301465495853710507922796892589235420199561121290219608640344181598136297747713099605187072113499999983729780499510597317328160963185950244594553469083026425223082533446850352619311881710100031378387528865875332083814206171776691473035982534904287554687311595628638823537875937519577818577805321712268066130019278766111959092164201989380952572010654858632788659361533818279682303019520353018529689957736225994138912497217752834791315155748572424541506959508295331168617278558890750983817546374649393192550604009277016711390098488240128583616035637076601047101819429555961989467678374494482553797747268471040475346462080466842590694912933136770289891521047521620569660240580381501935112533824300355876402474964732639141992726042699227967823547816360093417216412199245863150302861829745557067498385054945885869269956909272107975093029553211653449872027559602364806654991198818347977535663698074265425278625518184175746728909777727938000816470600161452491921732172147723501414419735685481613611573525521334757418494684385233239073941433345477624168625189835694855620992192221842725502542568876717904946016534668049886272327917860857843838279679766814541009538837863609506800642251252051173929848960841284886269456042419652850222106611863067442786220391949450471237137869609563643719172874677646575739624138908658326459958133904780275900994657640789512694683983525956';

function roundedPi(n: number): string {
  let d = BigInt(PI_DIGITS.slice(0, n));
  const next = Number(PI_DIGITS[n]);
  const rest = PI_DIGITS.slice(n + 1, n + 20);
  if (next > 5 || (next === 5 && (/[1-9]/.test(rest) || d % 2n === 1n))) d += 1n;
  const s = d.toString();
  return `${s[0]}.${s.slice(1)}`;
}

describe('perl and python', () => {
  it('perl -Mbignum=bpi -wle "print bpi(2000)" prints pi to 2000 significant digits', () => {
    const r = runToEnd(['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'], fakeHost({ shell: 'dash', tools: ['perl'] }), T0, 60_000);
    expect(r.code).toBe(0);
    const out = r.output.map((c) => c.text).join('');
    expect(out).toBe(`${roundedPi(2000)}\n`);
    expect(out).toHaveLength(2002);
    expect(out.startsWith('3.14159265358979323846')).toBe(true);
  });

  it('rounds as Math::BigFloat does (recorded: bpi(10), bpi(3), bpi(1))', () => {
    expect([piDigits(10), piDigits(3), piDigits(1)]).toEqual(['3.141592654', '3.14', '3']);
    for (const n of [5, 50, 333, 1000]) expect(piDigits(n)).toBe(roundedPi(n));
  });

  it('perl prints string literals, buffers stdout until exit, and fails like perl on anything else', () => {
    const h = fakeHost({ shell: 'dash', tools: ['perl'] });
    expect(runToEnd(['perl', '-e', 'print "x\\n"'], h, T0, 1000).output).toEqual([{ stream: 'stdout', text: 'x\n', at: T0 }]);
    expect(runToEnd(['perl', '-le', 'print "a", "b"'], h, T0, 1000).output[0].text).toBe('ab\n');
    expect(runToEnd(['perl', '-e', 'print "a\\n"; sleep 5; print "b\\n"'], h, T0, 10_000).output).toEqual([{ stream: 'stdout', text: 'a\nb\n', at: T0 + 5000 }]);
    expect(runToEnd(['perl', '-e', '$| = 1; print "a\\n"; sleep 5; print "b\\n"'], h, T0, 10_000).output).toEqual([{ stream: 'stdout', text: 'a\n', at: T0 }, { stream: 'stdout', text: 'b\n', at: T0 + 5000 }]);
    const bad = runToEnd(['perl', '-e', 'prin "x"'], h, T0, 1000);
    expect(bad.code).toBe(255);
    expect(bad.output[0].text).toBe('syntax error at -e line 1, near "prin "x""\nExecution of -e aborted due to compilation errors.\n');
  });

  it('python -c with print and time.sleep; unbuffered with -u', () => {
    const h = fakeHost({ shell: 'dash', tools: ['python3'] });
    expect(runToEnd(['python3', '-c', 'print("hello")'], h, T0, 1000).output).toEqual([{ stream: 'stdout', text: 'hello\n', at: T0 }]);
    expect(runToEnd(['python3', '-u', '-c', 'import time; print("a"); time.sleep(2); print("b")'], h, T0, 5000).output.map((c) => [c.text, c.at - T0])).toEqual([['a\n', 0], ['b\n', 2000]]);
    const err = runToEnd(['python3', '-c', 'foo()'], h, T0, 1000);
    expect([err.code, err.output[0].text]).toEqual([1, "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nNameError: name 'foo' is not defined\n"]);
  });
});
