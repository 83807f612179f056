import { describe, expect, it } from 'vitest';
import { formatElapsed } from './formatElapsed';

// A fixed instant: noon UTC on 3 March 2026, whatever the hour the test runs.
const START = Date.UTC(2026, 2, 3, 12, 0, 0);

describe('formatElapsed', () => {
  it('formats the time since the start to the second, with hours only when needed', () => {
    expect(formatElapsed(START, START)).toBe('+0:00');
    expect(formatElapsed(START + 750_000, START)).toBe('+12:30');
    expect(formatElapsed(START + 3_723_000, START)).toBe('+1:02:03');
    expect(formatElapsed(START + 90_000_000, START)).toBe('+25:00:00');
    expect(formatElapsed(START - 45_000, START)).toBe('\u22120:45');
  });
});
