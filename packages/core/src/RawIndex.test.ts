import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RawIndex } from './RawIndex';

type Msg = { id: string; n: number };

describe('RawIndex', () => {
  it('agrees with a Map over any sequence of sets, adds, deletes and lookups', () => {
    // Few ids, so that deletes hit, slots are reused and probes pass deleted slots.
    const id = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 4 });
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), id, n: fc.nat() }),
      fc.record({ kind: fc.constant('add' as const), id, n: fc.nat() }),
      fc.record({ kind: fc.constant('delete' as const), id }),
    );
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 300, size: 'max' }),
        fc.nat({ max: 40 }),
        (ops, reserve) => {
          const index = new RawIndex<Msg>();
          index.reserve(reserve);
          const model = new Map<string, Msg>();
          for (const o of ops) {
            if (o.kind === 'set') {
              const message = { id: o.id, n: o.n };
              expect(index.set(message)).toBe(!model.has(o.id));
              model.set(o.id, message);
            } else if (o.kind === 'add') {
              // `add` keeps what is held: a history's first copy of a repeated id.
              const message = { id: o.id, n: o.n };
              expect(index.add(message)).toBe(!model.has(o.id));
              if (!model.has(o.id)) model.set(o.id, message);
            } else {
              expect(index.delete(o.id)).toBe(model.delete(o.id));
            }
            expect(index.size).toBe(model.size);
          }
          for (const o of ops) {
            expect(index.get(o.id)).toBe(model.get(o.id));
            expect(index.has(o.id)).toBe(model.has(o.id));
          }
          expect([...index.keys()].sort()).toEqual([...model.keys()].sort());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('holds 100 000 ids through growth and churn, and finds each one', () => {
    const index = new RawIndex<Msg>();
    const all = Array.from({ length: 100_000 }, (_, n) => ({ id: `msg-${n}-of-the-call`, n }));
    for (const m of all) expect(index.set(m)).toBe(true);
    // Delete every third, add them back: deleted slots are reused or cleaned out.
    for (const m of all) if (m.n % 3 === 0) index.delete(m.id);
    expect(index.size).toBe(66_666);
    expect(index.has('msg-3-of-the-call')).toBe(false);
    for (const m of all) if (m.n % 3 === 0) index.set(m);
    expect(index.size).toBe(100_000);
    expect(all.every((m) => index.get(m.id) === m)).toBe(true);
    expect(index.get('msg-100000-of-the-call')).toBeUndefined();
  });

  it('an SDK that changes a held message’s id loses that message, and only it', () => {
    const index = new RawIndex<{ id: unknown }>();
    const changed: { id: unknown } = { id: 'x' };
    const kept = Array.from({ length: 50 }, (_, n) => ({ id: `k${n}` }));
    index.set(changed as { id: string });
    for (const m of kept) index.set(m);
    changed.id = 42;
    expect(index.get('x')).toBeUndefined();
    // Growing drops it; everything else is still found.
    for (let n = 0; n < 200; n++) index.set({ id: `more${n}` });
    expect(kept.every((m) => index.get(m.id) === m)).toBe(true);
    expect([...index.keys()]).not.toContain(42);
  });
});
