import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdSet, hashId } from './chatDumpIdSet';

describe('IdSet', () => {
  it('tells a new id from one already added, through many doublings of its table', () => {
    const ids = new IdSet();
    const uuids = Array.from(
      { length: 50_000 },
      (_, i) => `${i.toString(16)}-${crypto.randomUUID()}`,
    );
    for (const id of uuids) expect(ids.add(id)).toBe(true);
    for (const id of uuids) expect(ids.add(id)).toBe(false);
    expect(ids.size).toBe(50_000);
    expect(ids.usesNativeSet).toBe(false);
  });

  it('answers as a native Set does for any strings, emoji, lone surrogates and empty ones', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('', 'a', '😀')),
          {
            maxLength: 300,
          },
        ),
        (list) => {
          const ids = new IdSet();
          const reference = new Set<string>();
          for (const id of list) {
            const before = reference.size;
            reference.add(id);
            expect(ids.add(id)).toBe(reference.size !== before);
          }
          expect(ids.size).toBe(reference.size);
        },
      ),
    );
  });

  it('stays right when different ids share a hash', () => {
    // Every id in one of 4 hash values: long probe runs, the fallback, and the answers stay right.
    const ids = new IdSet((id) => id.length % 4);
    for (let i = 0; i < 2000; i++) expect(ids.add(`id-${i}`)).toBe(true);
    for (let i = 0; i < 2000; i++) expect(ids.add(`id-${i}`)).toBe(false);
    expect(ids.add('id-2000')).toBe(true);
    expect(ids.size).toBe(2001);
  });

  it('hands hostile, colliding ids to a native Set instead of probing without end', () => {
    // 100k ids that all collide would cost 5e9 probes in the table; the native Set takes over.
    const ids = new IdSet(() => 7);
    for (let i = 0; i < 100_000; i++) ids.add(`x${i}`);
    expect(ids.usesNativeSet).toBe(true);
    expect(ids.size).toBe(100_000);
    expect(ids.add('x99999')).toBe(false);
    expect(ids.add('x100000')).toBe(true);
  });

  it('does not fall back for ordinary ids that differ only at the end', () => {
    const ids = new IdSet();
    for (let i = 0; i < 200_000; i++) ids.add(`msg-${i}`);
    expect(ids.usesNativeSet).toBe(false);
    expect(ids.size).toBe(200_000);
  });

  it('hashes the same string to the same 32-bit number, and nearby ids apart', () => {
    expect(hashId('msg-1')).toBe(hashId('msg-1'));
    expect(Number.isInteger(hashId('😀'))).toBe(true);
    const low = new Set(Array.from({ length: 4096 }, (_, i) => hashId(`msg-${i}`) & 4095));
    expect(low.size).toBeGreaterThan(2048); // random values would fill ~63% of 4096 slots
  });
});
