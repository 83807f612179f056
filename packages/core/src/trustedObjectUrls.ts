/**
 * Object URLs Natter itself made. A `blob:` link is only as trustworthy as whoever made it: one in
 * a message comes from another participant and may point at any same-origin blob the page holds,
 * so components show `blob:` links only when they are in this set.
 */
const trusted = new Set<string>();

/**
 * Creates an object URL for `blob` that Natter's components will show (`safeUrl` accepts it).
 * Revoke it with {@link revokeTrustedObjectUrl}.
 *
 * @example
 * ```ts
 * const link = createTrustedObjectUrl(file)
 * // ... a message whose link is `link` shows its image
 * revokeTrustedObjectUrl(link)
 * ```
 */
export function createTrustedObjectUrl(blob: Blob): string {
  return trustObjectUrl(URL.createObjectURL(blob));
}

/** Marks an object URL your code made as one Natter's components may show; returns it. */
export function trustObjectUrl(url: string): string {
  if (url.startsWith('blob:')) trusted.add(url);
  return url;
}

/** Revokes an object URL and forgets it. */
export function revokeTrustedObjectUrl(url: string): void {
  trusted.delete(url);
  if (typeof URL.revokeObjectURL === 'function') URL.revokeObjectURL(url);
}

/** Whether `url` is an object URL made through {@link createTrustedObjectUrl} or {@link trustObjectUrl}. */
export function isTrustedObjectUrl(url: string): boolean {
  return trusted.has(url);
}
