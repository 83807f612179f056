import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSizeTree } from './SizeTree';

describe('SizeTree', () => {
  it('agrees with plain prefix sums under any sequence of pushes and size changes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 200 }),
        fc.array(
          fc.oneof(
            fc.record({ push: fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 90 }) }),
            fc.record({ at: fc.nat(), size: fc.integer({ min: 1, max: 300 }) }),
          ),
          { maxLength: 40 },
        ),
        (initial, ops) => {
          const tree = createSizeTree(initial);
          const model = [...initial];
          for (const op of ops) {
            if ('push' in op) {
              tree.push(op.push);
              model.push(...op.push);
            } else if (model.length > 0) {
              const i = op.at % model.length;
              tree.set(i, op.size);
              model[i] = op.size;
            }
          }
          const prefix = [0];
          for (const size of model) prefix.push((prefix.at(-1) ?? 0) + size);
          expect(tree.length).toBe(model.length);
          expect(tree.total()).toBe(prefix.at(-1));
          for (let i = 0; i < model.length; i++) {
            expect(tree.offsetOf(i)).toBe(prefix[i]);
            // The row covering its own start, and its last pixel, is itself.
            expect(tree.indexAt(prefix[i] ?? 0)).toBe(i);
            expect(tree.indexAt((prefix[i + 1] ?? 0) - 0.5)).toBe(i);
          }
          if (model.length > 0) expect(tree.indexAt(1e12)).toBe(model.length - 1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps half-pixel sizes exact across thousands of rows and many blocks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 3000 }),
        fc.array(fc.record({ at: fc.nat(), half: fc.integer({ min: 0, max: 600 }) }), {
          maxLength: 50,
        }),
        (halves, ops) => {
          const model = halves.map((h) => h / 2);
          const tree = createSizeTree(model);
          for (const op of ops) {
            const i = op.at % model.length;
            tree.set(i, op.half / 2);
            model[i] = op.half / 2;
          }
          let offset = 0;
          for (let i = 0; i < model.length; i++) {
            expect(tree.offsetOf(i)).toBe(offset);
            // Zero-height rows share their start with the next row: the last of them covers it.
            if ((model[i] ?? 0) > 0) expect(tree.indexAt(offset + (model[i] ?? 0) / 2)).toBe(i);
            offset += model[i] ?? 0;
          }
          expect(tree.total()).toBe(offset);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('built as n rows of one estimate, is the same tree as from an array of them', () => {
    fc.assert(
      fc.property(fc.nat({ max: 5000 }), fc.integer({ min: 1, max: 300 }), (n, size) => {
        const filled = createSizeTree(n, size);
        const fromArray = createSizeTree(new Array<number>(n).fill(size));
        expect(filled.length).toBe(n);
        expect(filled.total()).toBe(fromArray.total());
        for (const offset of [0, size * 0.5, size * n * 0.5, size * n - 1])
          expect(filled.indexAt(offset)).toBe(fromArray.indexAt(offset));
        filled.push([7]);
        expect(filled.total()).toBe(n * size + 7);
      }),
      { numRuns: 50 },
    );
  });
  it('built as n rows of an estimate, agrees with plain prefix sums as rows are measured and pushed', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 2000 }),
        fc.integer({ min: 1, max: 300 }),
        fc.array(
          fc.oneof(
            fc.record({ push: fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 70 }) }),
            fc.record({ at: fc.nat(), size: fc.integer({ min: 1, max: 300 }) }),
          ),
          { maxLength: 60 },
        ),
        (n, estimate, ops) => {
          const tree = createSizeTree(n, estimate);
          const model = new Array<number>(n).fill(estimate);
          for (const op of ops) {
            if ('push' in op) {
              tree.push(op.push);
              model.push(...op.push);
            } else if (model.length > 0) {
              const i = op.at % model.length;
              expect(tree.set(i, op.size)).toBe(op.size - (model[i] ?? 0));
              model[i] = op.size;
            }
          }
          let offset = 0;
          expect(tree.length).toBe(model.length);
          for (let i = 0; i < model.length; i++) {
            expect(tree.sizeAt(i)).toBe(model[i]);
            expect(tree.offsetOf(i)).toBe(offset);
            expect(tree.indexAt(offset)).toBe(i);
            offset += model[i] ?? 0;
          }
          expect(tree.total()).toBe(offset);
        },
      ),
      { numRuns: 100 },
    );
  });
});
