// What is inside the well-known images: their ENTRYPOINT and CMD, which /bin/sh they have, the
// tools on their PATH, the environment their Dockerfile sets, and the files a container starts with.
// An image outside the catalog is opaque: its own program runs (and runs forever), and a shell
// command in it gets a Debian-like shell with coreutils.
import type { ShellFlavor } from '../shell/host';
import type { ImageRef } from './images';
import { NGINX_CONF, NGINX_DEFAULT_CONF, NGINX_INDEX_HTML, nginxVersion } from './servers/nginx';

export interface ImageProfile {
  /** The repository's short name: "nginx", "busybox"; "" for images outside the catalog. */
  name: string;
  entrypoint: string[];
  cmd: string[];
  shell: ShellFlavor;
  /** Commands on the PATH besides the shell's builtins. */
  tools: ReadonlySet<string>;
  env: Record<string, string>;
  workingDir: string;
  /** Files the image ships that programs read (web roots, /etc/os-release). */
  files: Record<string, string>;
  /** Outside the catalog: any program named runs as the image's own (forever). */
  opaque: boolean;
}

const PATH_DEBIAN = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * coreutils and friends every Debian-based image has — those the simulated shell implements (a
 * program it cannot run is left out rather than run wrongly: the shell reports it not found).
 */
const DEBIAN_BASE = [
  'cat', 'ls', 'mkdir', 'touch', 'rm', 'cp', 'mv', 'ln', 'chmod', 'head', 'tail', 'tee', 'wc', 'grep', 'egrep', 'fgrep', 'sed', 'cut', 'tr', 'sort', 'uniq', 'seq', 'expr',
  'basename', 'dirname', 'hostname', 'printenv', 'env', 'date', 'id', 'whoami', 'uname', 'sleep', 'nproc', 'nohup', 'tar', 'bash',
];
/** Applets of busybox (busybox, alpine and the alpine variants): no curl, but wget, nslookup and ps. */
const BUSYBOX = [...DEBIAN_BASE.filter((t) => t !== 'bash'), 'wget', 'nslookup', 'ps'];

const DEBIAN_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;
const ALPINE_OS_RELEASE = `NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.21.3
PRETTY_NAME="Alpine Linux v3.21"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
`;

interface Base {
  entrypoint?: string[];
  cmd: string[];
  debianTools?: string[];
  alpineTools?: string[];
  env?: (tag: string) => Record<string, string>;
  files?: (tag: string) => Record<string, string>;
  workingDir?: string;
  /** Always busybox/alpine based. */
  alpineOnly?: boolean;
}

const CATALOG: Record<string, Base> = {
  'library/nginx': {
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    debianTools: ['curl', 'nginx'],
    alpineTools: ['curl', 'nginx'],
    env: (tag) => ({ NGINX_VERSION: nginxVersion(tag) }),
    files: () => ({
      '/usr/share/nginx/html/index.html': NGINX_INDEX_HTML,
      '/usr/share/nginx/html/50x.html': '',
      '/etc/nginx/nginx.conf': NGINX_CONF,
      '/etc/nginx/conf.d/default.conf': NGINX_DEFAULT_CONF,
    }),
  },
  'library/httpd': {
    cmd: ['httpd-foreground'],
    debianTools: ['httpd', 'httpd-foreground'],
    alpineTools: ['httpd', 'httpd-foreground'],
    workingDir: '/usr/local/apache2',
    env: () => ({ HTTPD_PREFIX: '/usr/local/apache2', HTTPD_VERSION: '2.4.62' }),
    files: () => ({ '/usr/local/apache2/htdocs/index.html': '<html><body><h1>It works!</h1></body></html>\n' }),
  },
  'library/busybox': { cmd: ['sh'], alpineOnly: true },
  'library/alpine': { cmd: ['/bin/sh'], alpineOnly: true },
  'library/redis': {
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['redis-server'],
    debianTools: ['redis-server'],
    alpineTools: ['redis-server'],
    workingDir: '/data',
  },
  'library/perl': { cmd: ['perl5.40.0', '-de0'], debianTools: ['perl', 'curl', 'wget'], workingDir: '/' },
  'library/python': { cmd: ['python3'], debianTools: ['python', 'python3', 'curl', 'wget'], alpineTools: ['python', 'python3'] },
  'library/node': { entrypoint: ['docker-entrypoint.sh'], cmd: ['node'], debianTools: ['curl', 'wget'] },
  'library/postgres': { entrypoint: ['docker-entrypoint.sh'], cmd: ['postgres'], debianTools: ['postgres'], alpineTools: ['postgres'] },
  'library/mysql': { entrypoint: ['docker-entrypoint.sh'], cmd: ['mysqld'], debianTools: ['mysqld'] },
  'library/ubuntu': { cmd: ['/bin/bash'] },
  'library/debian': { cmd: ['bash'] },
};

function isAlpine(repository: string, tag: string, base: Base): boolean {
  return !!base.alpineOnly || /(^|-)alpine/.test(tag) || (repository === 'library/nginx' && tag.includes('alpine'));
}

/** The profile of an image reference. */
export function imageProfile(ref: ImageRef): ImageProfile {
  const base = ref.registry === 'docker.io' ? CATALOG[ref.repository] : undefined;
  if (!base) {
    return {
      name: '',
      entrypoint: [],
      cmd: [],
      shell: 'dash',
      tools: new Set(DEBIAN_BASE),
      env: { PATH: PATH_DEBIAN },
      workingDir: '/',
      files: {},
      opaque: true,
    };
  }
  const alpine = isAlpine(ref.repository, ref.tag, base);
  const tools = alpine ? [...BUSYBOX, ...(base.alpineTools ?? [])] : [...DEBIAN_BASE, ...(base.debianTools ?? [])];
  if (ref.repository === 'library/nginx' && ref.tag.includes('perl')) tools.push('perl');
  return {
    name: ref.repository.replace(/^library\//, ''),
    entrypoint: base.entrypoint ?? [],
    cmd: base.cmd,
    shell: alpine ? 'ash' : 'dash',
    tools: new Set(tools),
    env: { PATH: ref.repository === 'library/busybox' ? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' : PATH_DEBIAN, ...(base.env?.(ref.tag) ?? {}) },
    workingDir: base.workingDir ?? '/',
    files: { '/etc/os-release': alpine ? ALPINE_OS_RELEASE : DEBIAN_OS_RELEASE, ...(base.files?.(ref.tag) ?? {}) },
    opaque: false,
  };
}
