/**
 * The part of a Jest-style test framework the conformance suite uses. Vitest's module namespace
 * (`import * as vitest from 'vitest'`) and Jest's globals both fit, so `@natter/core/testing`
 * imports no test framework itself and stays loadable in a browser.
 */
export interface ConformanceTestApi {
  describe(name: string, body: () => void): unknown;
  it(name: string, body: () => Promise<void>): unknown;
  beforeEach(body: () => Promise<void>): unknown;
  afterEach(body: () => Promise<void>): unknown;
  expect: ConformanceExpect;
}

export interface ConformanceExpect {
  (actual: unknown): ConformanceMatchers;
  /** An asymmetric matcher for any instance of `type` (`expect.any(String)`). */
  any(type: unknown): unknown;
}

export interface ConformanceMatchers {
  toBe(expected: unknown): void;
  toEqual(expected: unknown): void;
  toMatchObject(expected: object): void;
  toBeInstanceOf(type: abstract new (...args: never[]) => unknown): void;
  toHaveLength(length: number): void;
  toContain(item: unknown): void;
  not: ConformanceMatchers;
}
