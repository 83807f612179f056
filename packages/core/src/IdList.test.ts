import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdList } from './IdList';

type Op =
  | { kind: 'insert'; at: number; id: string }
  | { kind: 'remove'; at: number }
  | { kind: 'append'; ids: string[] }
  | { kind: 'prepend'; ids: string[] };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), id: fc.string() }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('append' as const),
    ids: fc.array(fc.string(), { maxLength: 1500 }),
  }),
  fc.record({
    kind: fc.constant('prepend' as const),
    ids: fc.array(fc.string(), { maxLength: 1500 }),
  }),
);

describe('IdList', () => {
  it('behaves like a plain array under any sequence of inserts, removes, appends and prepends', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string(), { maxLength: 3000 }),
        fc.array(op, { maxLength: 60 }),
        (start, ops) => {
          let list = IdList.from(start);
          const model = [...start];
          for (const o of ops) {
            if (o.kind === 'insert') {
              const at = o.at % (model.length + 1);
              list = list.insert(at, o.id);
              model.splice(at, 0, o.id);
            } else if (o.kind === 'remove') {
              const at = model.length === 0 ? 0 : o.at % model.length;
              list = list.removeAt(at);
              model.splice(at, 1);
            } else if (o.kind === 'append') {
              list = list.append(o.ids);
              model.push(...o.ids);
            } else {
              list = list.prepend(o.ids);
              model.unshift(...o.ids);
            }
          }
          expect(list.length).toBe(model.length);
          expect(list.toArray()).toEqual(model);
          for (let i = 0; i < model.length; i += 97) expect(list.at(i)).toBe(model[i]);
          expect(list.at(model.length)).toBeUndefined();
          expect(list.at(-1)).toBeUndefined();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps old snapshots unchanged when a new version is made', () => {
    const a = IdList.from(['x', 'y']);
    const b = a.insert(1, 'z');
    expect(a.toArray()).toEqual(['x', 'y']);
    expect(b.toArray()).toEqual(['x', 'z', 'y']);
    expect(b.removeAt(0).toArray()).toEqual(['z', 'y']);
    expect(b.toArray()).toEqual(['x', 'z', 'y']);
  });

  it('refuses an insert outside the list', () => {
    expect(() => IdList.from(['a']).insert(3, 'b')).toThrow(RangeError);
  });
});
