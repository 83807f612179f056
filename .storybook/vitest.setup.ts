// Story tests fail on console errors (React warnings, failed prop types, uncaught render errors).
import { configure } from 'storybook/test';
import { afterEach, beforeEach } from 'vitest';

// `findBy*` and `waitFor` wait for a condition; their 1 s default fails stories whose lazily
// loaded parts (the lightbox, the CSV worker) take longer on a loaded machine. Nothing here
// asserts a duration, so wait up to 10 s.
configure({ asyncUtilTimeout: 10_000 });

// Storybook's preview registers its own `unhandledrejection` listener, so Vitest's browser runner
// does not report a rejected promise nobody awaited: it only logs the bare event
// (`PromiseRejectionEvent { isTrusted: true }`, with no reason and no story). Log the reason, so
// the story and the promise that failed can be named.
window.addEventListener('unhandledrejection', (event) => {
  const reason: unknown = event.reason;
  console.error(
    'Unhandled promise rejection:',
    reason instanceof Error ? `${reason.name}: ${reason.message}\n${reason.stack ?? ''}` : reason,
  );
});

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
  console.error = original;
  if (errors.length > 0)
    throw new Error(`The story logged ${errors.length} console error(s):\n${errors.join('\n')}`);
});
