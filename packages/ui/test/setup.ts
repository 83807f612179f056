// jsdom lacks a few browser APIs the components use; give them inert stand-ins.
import { afterEach, beforeEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// `findBy*` and `waitFor` wait for a condition; their 1 s default failed tests whose lazily loaded
// parts (the delete dialog) took longer on a loaded machine. Nothing here asserts a duration.
configure({ asyncUtilTimeout: 10_000 });

// A React warning (an unknown tag, a missing key, an update outside act) or a jsdom "Not
// implemented" is a bug or noise in `pnpm test`'s output: each fails the test that caused it.
const original = console.error;
let errors: string[] = [];
beforeEach(() => {
  errors = [];
  console.error = (...args: unknown[]) => {
    errors.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
    original(...args);
  };
});
afterEach(() => {
  cleanup();
  console.error = original;
  if (errors.length > 0)
    throw new Error(`The test logged ${errors.length} console error(s):\n${errors.join('\n')}`);
});

// axe-core probes <canvas> (icon ligatures); jsdom has no canvas and says so on every probe.
// `null` is what jsdom returns, without the message.
HTMLCanvasElement.prototype.getContext = () => null;

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;

class IntersectionObserverStub {
  readonly root = null;
  readonly rootMargin = '';
  readonly thresholds = [];
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }
}
globalThis.IntersectionObserver ??=
  IntersectionObserverStub as unknown as typeof IntersectionObserver;

if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
Element.prototype.scrollTo ??= function scrollTo() {};
Element.prototype.scrollIntoView ??= function scrollIntoView() {};
let objectUrls = 0;
URL.createObjectURL ??= () => `blob:natter-test/${++objectUrls}`;
URL.revokeObjectURL ??= () => undefined;
