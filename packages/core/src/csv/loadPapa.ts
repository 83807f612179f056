import type * as PapaNamespace from 'papaparse';

export type Papa = typeof PapaNamespace;

let loading: Promise<Papa> | undefined;

/**
 * Loads papaparse on first use, so it is only fetched when an export or a replay starts
 * (DESIGN.md section 4, bundle budget). papaparse is UMD/CommonJS: bundlers and Node expose it as
 * the default export of the dynamic import.
 */
export function loadPapa(): Promise<Papa> {
  loading ??= import('papaparse').then((module) => {
    const candidate = module as Papa & { default?: Papa };
    return candidate.default ?? candidate;
  });
  return loading;
}
