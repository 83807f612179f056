import { within } from 'storybook/test';

/** The message rows the list in `root` renders now (it is virtualized: the rows in view). */
export const articles = (root: HTMLElement): HTMLElement[] => [
  ...within(root).getByRole('log').querySelectorAll<HTMLElement>('article'),
];
