/**
 * Storybook's docs tab shows each component's description and a table of its props, both read
 * from TSDoc by react-docgen-typescript (`.storybook/main.ts`). This runs the same parser, with
 * Storybook's filter (props declared in node_modules, the DOM's, are left out), over every
 * exported component: a prop without a description is an empty cell a user has to guess.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { withCustomConfig } from 'react-docgen-typescript';
import { describe, expect, it } from 'vitest';
import * as ui from './index';

const src = import.meta.dirname;

/** `X/X.tsx` for each exported component `X` (file name = main export). */
function componentFiles(dir: string, names: Set<string>): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return componentFiles(path, names);
    return names.has(entry.name.replace(/\.tsx?$/, '')) ? [path] : [];
  });
}

describe('the docs tab', () => {
  it('describes every exported component and every one of its props', () => {
    const parser = withCustomConfig(join(src, '..', 'tsconfig.json'), {
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      propFilter: (prop) => (prop.parent ? !/node_modules/.test(prop.parent.fileName) : true),
    });
    const exported = new Set(Object.keys(ui).filter((name) => /^[A-Z]/.test(name)));
    const docs = parser
      .parse(componentFiles(src, exported))
      .filter((doc) => exported.has(doc.displayName));

    const undocumented = docs.flatMap((doc) => [
      ...(doc.description.trim() === '' ? [`${doc.displayName} (the component itself)`] : []),
      ...Object.values(doc.props)
        .filter((prop) => prop.description.trim() === '')
        .map((prop) => `${doc.displayName}.${prop.name}`),
    ]);
    expect(undocumented).toEqual([]);
    // The parser found the components (an empty list would pass the check above).
    expect(docs.map((doc) => doc.displayName)).toEqual(
      expect.arrayContaining(['ChatPanel', 'MessageList', 'Composer', 'PinBar', 'MessageActions']),
    );
    expect(docs.length).toBeGreaterThanOrEqual(14);
  });
});
