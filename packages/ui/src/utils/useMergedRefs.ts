import { useCallback } from 'react';
import type { Ref, RefCallback } from 'react';

/** One ref callback that feeds every given ref (a forwarded ref and our own). */
export function useMergedRefs<T>(...refs: (Ref<T> | undefined)[]): RefCallback<T> {
  // eslint-disable-next-line react-hooks/exhaustive-deps, react-hooks/use-memo -- the refs themselves are the dependencies
  return useCallback(mergeRefs(...refs), refs);
}

export function mergeRefs<T>(...refs: (Ref<T> | undefined)[]): RefCallback<T> {
  return (value) => {
    for (const ref of refs) {
      if (typeof ref === 'function') ref(value);
      else if (ref) (ref as { current: T | null }).current = value;
    }
  };
}
