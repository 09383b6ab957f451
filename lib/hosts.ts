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

/** Loopback, private, shared (carrier NAT), link-local, "this network", multicast and reserved IPv4. */
function privateIpv4([a, b]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b! >= 64 && b! < 128) ||
    (a === 169 && b === 254) ||
    (a === 172 && b! >= 16 && b! < 32) ||
    (a === 192 && b === 168) ||
    a! >= 224
  );
}

/**
 * IPv6 as the URL parser writes it (`[::1]`, `[fe80::1]`, `[::ffff:c0a8:101]`): loopback,
 * unspecified, unique-local, link-local, or an IPv4 address inside it, mapped (`::ffff:`),
 * compatible (`::`), NAT64 (`64:ff9b::`) or 6to4 (`2002:`, the next two groups).
 */
function privateIpv6(host: string): boolean {
  const ip = host.slice(1, -1);
  if (ip === '::1' || ip === '::') return true;
  if (/^f[cd]/.test(ip) || /^fe[89ab]/.test(ip)) return true;
  const v4 =
    /^(?:::(?:ffff:)?|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(ip) ?? /^2002:([0-9a-f]{1,4}):([0-9a-f]{1,4})(?::|$)/.exec(ip);
  if (!v4) return false;
  const [hi, lo] = [parseInt(v4[1]!, 16), parseInt(v4[2]!, 16)];
  return privateIpv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);
}

/**
 * Whether `hostname` (as `new URL(…).hostname` gives it) is on the reader's own network or
 * machine: loopback, private, link-local and similar addresses, a single label (`intranet`,
 * `router`: resolved by the local network's search domain), `localhost` and the local suffixes.
 * A story's link there would send a reader to their router's admin page or an intranet.
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) return privateIpv6(host);
  const v4 = ipv4(host);
  if (v4) return privateIpv4(v4);
  return !host.includes('.') || LOCAL_NAME.test(host);
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
 * "one of this story's outlets".
 */
export function notAnOutlet(domain: string): string | null {
  const host = domain.toLowerCase().replace(/\.$/, '');
  if (!host.includes('.')) return 'must be a site, not a single label such as "com"';
  if (/^\d+$/.test(host.slice(host.lastIndexOf('.') + 1)) || host.startsWith('[')) return 'must be a site name, not an address';
  if (PUBLIC_SUFFIX.has(host)) return `must be a site, not a suffix many sites share ("${host}")`;
  if (LOCAL_NAME.test(host)) return 'must be a site on the web, not on a local network';
  return null;
}
