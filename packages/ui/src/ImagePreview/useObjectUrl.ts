'use client';
import { useEffect, useState } from 'react';

/**
 * An object URL for `file`, created in an effect and revoked in its cleanup (so a re-render, a
 * new file or unmounting never leaks one). `undefined` until created, or without a file.
 */
export function useObjectUrl(file: Blob | undefined): string | undefined {
  const [state, setState] = useState<{ file: Blob; url: string } | undefined>(undefined);
  useEffect(() => {
    if (!file) return undefined;
    const url = URL.createObjectURL(file);
    // The URL is an external resource: created here so that this effect's cleanup revokes it
    // (creating it during render leaks one per discarded render, as LiveKit's chat entry does).
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the URL must be created in the effect so its cleanup can revoke it (DESIGN rule 9)
    setState({ file, url });
    return () => {
      URL.revokeObjectURL(url);
      setState((current) => (current?.url === url ? undefined : current));
    };
  }, [file]);
  return state && state.file === file ? state.url : undefined;
}
