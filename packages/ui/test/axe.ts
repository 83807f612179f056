import axe from 'axe-core';

/** Runs axe on `container` and throws with a readable list when anything is violated. */
export async function expectNoAxeViolations(container: Element): Promise<void> {
  const result = await axe.run(container, {
    // jsdom cannot compute colours or layout: contrast is checked in Chromium (Storybook tests).
    rules: { 'color-contrast': { enabled: false } },
  });
  if (result.violations.length > 0) {
    const lines = result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
    throw new Error(`axe found ${result.violations.length} violation(s):\n${lines.join('\n')}`);
  }
}
