// Story tests fail on console errors (React warnings, failed prop types, uncaught render errors).
import { afterEach, beforeEach } from 'vitest';

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
