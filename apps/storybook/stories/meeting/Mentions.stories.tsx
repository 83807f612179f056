import { useEffect, useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createLocalMeeting } from '@natter/core/testing';
import type { LocalMeeting, LocalParticipant } from '@natter/core/testing';
import { ChatProvider } from '@natter/hooks';
import { ChatPanel } from '@natter/ui';
import { natter } from '../decorators';
import { useReleaseMeeting } from './useReleaseMeeting';

interface MentionStoryProps {
  /** The people in the room besides you. */
  people?: LocalParticipant[];
  /** Your name. */
  selfName?: string;
  /** Messages the first person sends once the story is up. */
  fromFirst?: string[];
}

const PEOPLE: LocalParticipant[] = [
  { userId: 'u-ada', displayName: 'Ada Lovelace' },
  { userId: 'u-alan', displayName: 'Alan Turing' },
  { userId: 'u-zoe', displayName: 'Zoë Åberg' },
  { userId: 'u-grace', displayName: 'Grace Hopper' },
];

/** ChatPanel on a meeting (createLocalMeeting) where people can be mentioned with `@`. */
function MentionStory({
  people = PEOPLE,
  selfName = 'Sam Rivera',
  fromFirst = [],
}: MentionStoryProps) {
  const [meeting] = useState<LocalMeeting>(() =>
    createLocalMeeting({
      seed: 11,
      latencyMs: 30,
      history: 0,
      now: new Date('2026-11-20T15:30:00Z'),
      self: { userId: 'u-self', displayName: selfName },
      participants: people,
    }),
  );
  useEffect(() => {
    const first = people[0];
    if (first)
      for (const text of fromFirst) meeting.chat.simulate.receive({ userId: first.userId, text });
    // Once: the story's messages arrive when it mounts.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the story's args are fixed
  }, [meeting]);
  useReleaseMeeting(meeting);
  return (
    <ChatProvider meeting={meeting}>
      <ChatPanel style={{ blockSize: 480 }} />
    </ChatProvider>
  );
}

const meta = {
  title: 'Meeting/Mentions',
  component: MentionStory,
  parameters: {
    natter: natter({ bare: true }),
    docs: {
      description: {
        component: `**@-mentions.** Typing \`@\` in the composer offers the people in the room (\`useParticipants\`), filtered by name as you type (case and accents ignored). The textarea is an ARIA combobox: ArrowUp/Down move, Enter or Tab choose, Escape closes and keeps the text; focus never leaves the textarea, and the number of suggestions is announced. A mention travels as plain text, \`@Display Name\`, as RealtimeKit's own UI writes it, so it survives both SDKs, the CSV dump and a replay. \`@Name\` of someone in the room is shown in bold (plain text, never a link); a message that mentions you says "Mentions you" and is announced as "Ada mentioned you".`,
      },
    },
  },
} satisfies Meta<typeof MentionStory>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The composer's polite count of suggestions. */
const status = (canvasElement: HTMLElement) =>
  canvasElement.querySelector('.natter-composer [role="status"]') as HTMLElement;

/** Bounds for conditions that wait on the lazy suggestions chunk or a live message (any load). */
const LONG = { timeout: 10_000 };

const message = (canvasElement: HTMLElement) =>
  within(canvasElement).getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;

/** The list open after `@a`, driven by the keyboard: the second suggestion is active. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const box = canvas.getByRole('textbox', { name: 'Message' });
    await userEvent.click(box);
    await userEvent.keyboard('Hi @a');
    const list = await within(document.body).findByRole(
      'listbox',
      { name: 'People to mention' },
      LONG,
    );
    const names = () =>
      within(list)
        .getAllByRole('option')
        .map((o) => o.textContent);
    // Names starting with "a" first, then names with a word starting with "a" (Zoë Åberg).
    await expect(names()).toEqual(['Ada Lovelace', 'Alan Turing', 'Zoë Åberg']);
    const textarea = message(canvasElement);
    await expect(textarea.getAttribute('aria-autocomplete')).toBe('list');
    await expect(textarea.getAttribute('aria-controls')).toBe(list.id);
    await userEvent.keyboard('{ArrowDown}');
    const active = within(list).getByRole('option', { name: 'Alan Turing' });
    await expect(active.getAttribute('aria-selected')).toBe('true');
    await expect(textarea.getAttribute('aria-activedescendant')).toBe(active.id);
    await expect(document.activeElement).toBe(textarea);
    await expect(status(canvasElement).textContent).toBe('3 people');
  },
};

/** Typing narrows the list; Escape closes it and keeps the text; Enter chooses and sends. */
export const ChooseWithKeyboard: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('textbox', { name: 'Message' }));
    await userEvent.keyboard('Thanks @ZOE');
    const list = await within(document.body).findByRole('listbox', {}, LONG);
    await expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Zoë Åberg']);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(within(document.body).queryByRole('listbox')).toBeNull(), LONG);
    const textarea = message(canvasElement);
    await expect(textarea.value).toBe('Thanks @ZOE');
    await expect(textarea.getAttribute('aria-controls')).toBeNull();
    await userEvent.keyboard('{Backspace}{Backspace}{Backspace}gr');
    await within(await within(document.body).findByRole('listbox', {}, LONG)).findByRole(
      'option',
      {
        name: 'Grace Hopper',
      },
      LONG,
    );
    await userEvent.keyboard('{Tab}');
    await expect(textarea.value).toBe('Thanks @Grace Hopper ');
    await expect(document.activeElement).toBe(textarea);
    await userEvent.keyboard('for the review{Enter}');
    const sent = await canvas.findByText('@Grace Hopper', { selector: 'strong' }, LONG);
    await expect(sent.className).toBe('natter-mention');
    await expect(sent.closest('article')?.textContent).toContain(
      'Thanks @Grace Hopper for the review',
    );
  },
};

/** No one's name fits: the list says so (and it is announced), the text stays. */
export const NoMatch: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('textbox', { name: 'Message' }));
    await userEvent.keyboard('@xyz');
    await waitFor(() => expect(status(canvasElement).textContent).toBe('No one matches'), LONG);
    await expect(within(document.body).queryByRole('listbox')).toBeNull();
    await expect(message(canvasElement).getAttribute('aria-activedescendant')).toBeNull();
    await userEvent.keyboard('{Enter}');
    // Enter with no suggestion sends the text as it is.
    await canvas.findByText('@xyz', {}, LONG);
  },
};

/** Ada mentions you: the message says "Mentions you" (not colour alone) and is announced. */
export const MentionsYou: Story = {
  args: {
    fromFirst: ['Thanks @Alan Turing, and hi @Sam Riveras', '@Sam Rivera can you share the deck?'],
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const marker = await canvas.findByText('Mentions you', {}, LONG);
    const article = marker.closest('article');
    await expect(article?.getAttribute('data-mentioned')).toBe('self');
    await expect(within(article as HTMLElement).getByText('@Sam Rivera').tagName).toBe('STRONG');
    // The other message mentions Alan, and "Sam Riveras" is not you: one mark only.
    await waitFor(() => expect(canvas.getAllByRole('article')).toHaveLength(2), LONG);
    await expect(canvas.getAllByText('Mentions you')).toHaveLength(1);
    // The last message is the mention, so the announcement ends on it (after the throttle).
    await waitFor(
      () => expect(canvasElement.textContent).toContain('Ada Lovelace mentioned you'),
      LONG,
    );
  },
};

/** Right to left, with Arabic and Hebrew names: the list opens at the textarea's start (right). */
export const RTL: Story = {
  globals: { dir: 'rtl', locale: 'ar' },
  args: {
    people: [
      { userId: 'u-layla', displayName: 'ليلى حداد' },
      { userId: 'u-lina', displayName: 'لينا منصور' },
      { userId: 'u-noa', displayName: 'נועה לוי' },
    ],
    selfName: 'سامي',
  },
  play: async ({ canvasElement }) => {
    const box = await waitFor(() => {
      const found = canvasElement.querySelector('textarea');
      if (!found) throw new Error('no composer yet');
      return found;
    }, LONG);
    await userEvent.click(box);
    await userEvent.keyboard('@لي');
    const list = await within(document.body).findByRole('listbox', {}, LONG);
    await expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['ليلى حداد', 'لينا منصور']);
    const right = (el: Element) => el.getBoundingClientRect().right;
    await expect(Math.abs(right(list) - right(box))).toBeLessThan(2);
  },
};
