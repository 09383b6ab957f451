/**
 * What kind of place a host is: on the reader's own network (a router, a printer, the machine
 * itself), or a name that cannot be one outlet's site. A store names hosts (a source's address,
 * an outlet's domain) that Lens turns into links and into "this page is one of its outlets".
 */

// Names that resolve on the reader's own network or machine, never on the public web: RFC 6761's
// `localhost` and `.local` (mDNS), `.home.arpa` (RFC 8375) and the suffixes home routers and
// companies use for their own machines (`.lan`, `.home`, `.internal`, `.intranet`, `.corp`).
const LOCAL_NAME = /(?:^|\.)(?:localhost|local|lan|home|internal|intranet|corp|home\.arpa)$/;

/** The four bytes of a dotted IPv4 address (the URL parser writes every IPv4 form this way), or null. */
function ipv4(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return m ? m.slice(1).map(Number) : null;
}

/**
 * Every IPv4 block IANA's special-purpose registry marks not globally reachable (RFC 6890):
 * loopback, private, shared (carrier NAT), link-local, "this network", protocol assignments,
 * documentation, benchmarking (which local proxies hand out as "fake IPs"), multicast and reserved.
 */
function privateIpv4([a, b, c]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b! >= 64 && b! < 128) ||
    (a === 169 && b === 254) ||
    (a === 172 && b! >= 16 && b! < 32) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && (c === 0 || c === 2)) ||
    (a === 198 && (b === 18 || b === 19)) ||
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113) ||
    a! >= 224
  );
}

/**
 * IPv6 as the URL parser writes it (`[::1]`, `[fe80::1]`, `[::ffff:c0a8:101]`): loopback,
 * unspecified, unique-local, link-local, site-local, multicast, documentation (`2001:db8::`), or
 * an IPv4 address inside it, mapped (`::ffff:`), compatible (`::`), NAT64 (`64:ff9b::`) or 6to4
 * (`2002:`, the next two groups).
 */
function privateIpv6(host: string): boolean {
  const ip = host.slice(1, -1);
  if (ip === '::1' || ip === '::') return true;
  // fc00::/7 unique-local, fe80::/10 link-local, fec0::/10 site-local, ff00::/8 multicast.
  if (/^f[c-f]/.test(ip) || /^2001:db8:/.test(ip)) return true;
  const v4 =
    /^(?:::(?:ffff:)?|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(ip) ?? /^2002:([0-9a-f]{1,4}):([0-9a-f]{1,4})(?::|$)/.exec(ip);
  if (!v4) return false;
  const [hi, lo] = [parseInt(v4[1]!, 16), parseInt(v4[2]!, 16)];
  return privateIpv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);
}

// Public names made to resolve to a private address. Wildcard DNS services answer every name
// under them with the address it spells, in forms beyond dotted and dashed decimal (nip.io's hex
// `c0a80101.nip.io`, rbndr.us's rebinding pairs): a news story is never published there, so
// every name under them is refused. And names whose every subdomain is the reader's own machine
// by design (`localtest.me`, `lvh.me`, `localhost.direct` …), which spell no address at all.
const ADDRESS_ZONE =
  /(?:^|\.)(?:nip\.io|sslip\.io|xip\.io|xip\.name|traefik\.me|backname\.io|rbndr\.us|localtest\.me|lvh\.me|vcap\.me|lacolhost\.com|localho\.st|localhost\.direct|fuf\.me)$/;

const BYTE = /^\d{1,3}$/;

/**
 * Whether the name's labels spell a private IPv4 address, dotted or dashed (`127.0.0.1.nip.io`,
 * `app.10.0.0.1.example`, `www-192-168-1-1.example`, `minio-01.192-168-1-100.example`): any
 * domain's owner can answer every such name with the address it spells, as the wildcard
 * services do, so the spelling is taken at its word. Four numbers in a row, read across dots
 * and dashes alike.
 */
function spellsPrivateIpv4(host: string): boolean {
  const parts = host.split(/[.-]/);
  for (let i = 0; i + 4 <= parts.length; i++) {
    const four = parts.slice(i, i + 4);
    if (four.every((p) => BYTE.test(p) && Number(p) <= 255) && privateIpv4(four.map(Number))) return true;
  }
  return false;
}

/**
 * Whether a label spells a private IPv6 address with dashes for colons, as sslip.io reads them
 * (`--1` is ::1, `fe80--1` fe80::1, `--ffff-c0a8-101` ::ffff:192.168.1.1). A punycode label
 * (`xn--…`) is no address: `x` is not a hex digit.
 */
function spellsPrivateIpv6(host: string): boolean {
  return host.split('.').some((label) => {
    if (!/^[0-9a-f-]+$/.test(label) || !/--|(?:-[0-9a-f]*){7}/.test(label)) return false;
    try {
      // A scheme of no network, so the bundle holds no address (npm run check:bundle).
      const ip = new URL(`lens://[${label.replace(/-/g, ':')}]`).hostname;
      return privateIpv6(ip);
    } catch {
      return false;
    }
  });
}

/**
 * Whether `hostname` (as `new URL(…).hostname` gives it) is on the reader's own network or
 * machine: loopback, private, link-local and similar addresses, a single label (`intranet`,
 * `router`: resolved by the local network's search domain), `localhost` and the local suffixes,
 * a public name that spells a private address (`10-0-0-1.sslip.io`) or is one by design
 * (`ADDRESS_ZONE`). A story's link there would send a reader to their router's admin page or an
 * intranet. Lens resolves no name: a name that resolves to a private address and says nothing
 * of it is still taken.
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) return privateIpv6(host);
  const v4 = ipv4(host);
  if (v4) return privateIpv4(v4);
  return !host.includes('.') || LOCAL_NAME.test(host) || ADDRESS_ZONE.test(host) || spellsPrivateIpv4(host) || spellsPrivateIpv6(host);
}

// Suffixes under which many unrelated sites are registered, beyond the single labels (`com`,
// `uk`): second levels of the country codes news outlets are most often under. A short list on
// purpose: the full Public Suffix List is 200 kB, and a suffix missing here can only widen one
// story's claim on one country's sites, where a single label widened it to every `.com`.
const PUBLIC_SUFFIX = new Set(
  [
    ...[
      'co',
      'com',
      'net',
      'org',
      'gov',
      'ac',
      'edu',
      'ltd',
      'plc',
      'me',
      'sch',
      'nhs',
      'police',
      'nic',
      'mil',
      'or',
      'ne',
      'go',
      'gob',
      'info',
      'biz',
    ],
    ...['news', 'web', 'blog', 'gv', 'gouv', 'nom', 'press', 'tv', 'int', 'res', 'ind', 'firm', 'gen', 'priv', 'in', 'lg', 'ed', 'sa'],
  ].flatMap((second) =>
    [
      'uk',
      'au',
      'nz',
      'za',
      'jp',
      'kr',
      'in',
      'br',
      'mx',
      'ar',
      'tr',
      'il',
      'sg',
      'my',
      'hk',
      'tw',
      'cn',
      'id',
      'th',
      'ph',
      'pk',
      'ng',
      'ke',
      'eg',
      'ua',
      'fr',
      'pl',
      'es',
      'it',
      'at',
      've',
      'co',
      'pe',
      'cl',
      'ec',
      'sa',
      'ae',
      'qa',
      'bd',
      'np',
      'lk',
      'gh',
      'tz',
      'ug',
      'zw',
      'cy',
      'gr',
      'ru',
      'ca',
      'us',
    ].map((cc) => `${second}.${cc}`),
  ),
);

/** Whether `host` is a suffix many sites share: a single label (`com`) or one of PUBLIC_SUFFIX (`co.uk`). */
export const isSharedSuffix = (host: string): boolean => {
  const h = host.toLowerCase().replace(/\.$/, '');
  return !h.includes('.') || PUBLIC_SUFFIX.has(h);
};

/**
 * Why `domain` cannot be one outlet's site, or null when it can: a single label (`com`, `uk`),
 * a public suffix of two labels (`co.uk`, `com.au`), or an address (an outlet is a named site).
 * An outlet's domain claims every page on it and its subdomains: "com" made every `.com` page
 * "one of this story's outlets". A local name, or a public one for a private address
 * (`isPrivateHost`), is no site on the web.
 */
export function notAnOutlet(domain: string): string | null {
  const host = domain.toLowerCase().replace(/\.$/, '');
  if (!host.includes('.')) return 'must be a site, not a single label such as "com"';
  if (/^\d+$/.test(host.slice(host.lastIndexOf('.') + 1)) || host.startsWith('[')) return 'must be a site name, not an address';
  if (PUBLIC_SUFFIX.has(host)) return `must be a site, not a suffix many sites share ("${host}")`;
  if (isPrivateHost(host)) return 'must be a site on the web, not on a local network';
  return null;
}
