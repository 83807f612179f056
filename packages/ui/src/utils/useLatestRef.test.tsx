import { act, render, renderHook } from '@testing-library/react';
import { useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { useLatestRef, useStableCallback } from './useLatestRef';

describe('useLatestRef', () => {
  it('holds the value of the last render, the same ref object throughout', () => {
    const { result, rerender } = renderHook(({ value }) => useLatestRef(value), {
      initialProps: { value: 'first' },
    });
    const ref = result.current;
    expect(ref.current).toBe('first');
    rerender({ value: 'second' });
    expect(result.current).toBe(ref);
    expect(ref.current).toBe('second');
  });

  it('is current inside the effects of the same commit', () => {
    const seen: string[] = [];
    function Probe({ value }: { value: string }) {
      const ref = useLatestRef(value);
      useEffect(() => {
        seen.push(ref.current);
      }, [ref, value]);
      return null;
    }
    const { rerender } = render(<Probe value="a" />);
    rerender(<Probe value="b" />);
    expect(seen).toEqual(['a', 'b']);
  });
});

describe('useStableCallback', () => {
  it('keeps one identity across renders and calls the latest callback with its arguments', () => {
    const { result, rerender } = renderHook(
      ({ factor }) => useStableCallback((n: number) => n * factor),
      { initialProps: { factor: 2 } },
    );
    const first = result.current;
    expect(first(5)).toBe(10);
    rerender({ factor: 3 });
    expect(result.current).toBe(first);
    let value = 0;
    act(() => {
      value = first(5);
    });
    expect(value).toBe(15);
  });
});
