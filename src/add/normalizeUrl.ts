/** Query parameters that only track where a reader came from; the same article has them or not. */
const TRACKING = /^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|smid|ref|ref_src)$/i;

/**
 * The form of a page address used to recognise the same article twice: lower-case scheme and
 * host, no default port, no fragment, no tracking parameters, the remaining parameters sorted and
 * no trailing slash on the path. Returns the input unchanged when it is not a URL.
 */
export function normalizeUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return input.trim();
  }
  url.hash = '';
  const kept = [...url.searchParams].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '');
  return url.toString();
}
