import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ChatPanel } from '@natter/ui';
import { natter, withPanelFrame } from '../decorators';
import { sampleHistory } from '../fixtures';

/** The message article whose text contains `text`, in the chat log. */
function messageWith(canvasElement: HTMLElement, text: string | RegExp): HTMLElement {
  const log = within(canvasElement).getByRole('log');
  const article = within(log).getByText(text).closest('article');
  if (!article) throw new Error(`No message with ${String(text)}`);
  return article;
}

/** The newest message row rendered in the log. */
function lastMessage(canvasElement: HTMLElement): HTMLElement {
  const rows = [...canvasElement.querySelectorAll<HTMLElement>('[data-natter-row]')];
  rows.sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
  const article = rows.at(-1)?.querySelector('article');
  if (!article) throw new Error('no rows');
  return article;
}

const meta = {
  title: 'Components/ChatPanel/First look',
  component: ChatPanel,
  args: { canPin: true },
  parameters: {
    natter: natter({ history: sampleHistory() }),
    docs: {
      description: {
        component:
          'What a person meets first: the menu of the last message, own messages in bubbles, the kit in another language, and the keyboard path through the list.',
      },
    },
  },
  decorators: [withPanelFrame],
} satisfies Meta<typeof ChatPanel>;
export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The menu of the newest message opens inside the viewport (flipped above its button) and
 * nothing covers it: no "Jump to latest" button appears, and a click on Pin pins.
 */
export const MenuOnLastRow: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('log');
    await waitFor(() =>
      expect(canvasElement.querySelectorAll('article').length).toBeGreaterThan(3),
    );
    const last = lastMessage(canvasElement);
    await userEvent.click(within(last).getByRole('button', { name: /^Message actions/ }));
    const menu = await within(document.body).findByRole('menu');
    const box = menu.getBoundingClientRect();
    await expect(box.top).toBeGreaterThanOrEqual(0);
    await expect(box.bottom).toBeLessThanOrEqual(window.innerHeight);
    const pin = within(menu).getByRole('menuitem', { name: /^(Pin|Unpin)$/ });
    const pinBox = pin.getBoundingClientRect();
    const hit = document.elementFromPoint(
      pinBox.left + pinBox.width / 2,
      pinBox.top + pinBox.height / 2,
    );
    await expect(hit).toBe(pin);
    await expect(canvas.queryByRole('button', { name: 'Jump to latest messages' })).toBeNull();
    const wasPinned = last.getAttribute('data-state') === 'pinned';
    await userEvent.click(pin);
    await waitFor(() =>
      expect(lastMessage(canvasElement)).toHaveAttribute(
        'data-state',
        wasPinned ? 'unpinned' : 'pinned',
      ),
    );
  },
};

/** `layout="bubbles"`: own messages on the other side, in their own colour. */
export const Bubbles: Story = {
  args: { layout: 'bubbles' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = await canvas.findByRole('textbox', { name: 'Message' });
    await userEvent.type(input, 'Mine, on the other side{Enter}');
    const own = await waitFor(() => {
      const found = messageWith(canvasElement, 'Mine, on the other side');
      expect(found).toHaveAttribute('data-status', 'sent');
      return found;
    });
    const other = [...canvasElement.querySelectorAll('article[data-origin="remote"]')].at(-1);
    if (!other) throw new Error('no remote message');
    const ownBubble = own.querySelector('.natter-bubble');
    const otherBubble = other.querySelector('.natter-bubble');
    if (!ownBubble || !otherBubble) throw new Error('no bubbles');
    const log = canvas.getByRole('log').getBoundingClientRect();
    // Own: at the inline end; others': at the start; different colours.
    await expect(log.right - ownBubble.getBoundingClientRect().right).toBeLessThan(60);
    await expect(otherBubble.getBoundingClientRect().left - log.left).toBeLessThan(80);
    await expect(getComputedStyle(ownBubble).backgroundColor).not.toBe(
      getComputedStyle(otherBubble).backgroundColor,
    );
  },
};

/** `layout="list"` (the default): everyone's messages on one side. */
export const ListLayout: Story = {
  args: { layout: 'list' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = await canvas.findByRole('textbox', { name: 'Message' });
    await userEvent.type(input, 'Mine, in the list{Enter}');
    const own = await waitFor(() => messageWith(canvasElement, 'Mine, in the list'));
    const log = canvas.getByRole('log').getBoundingClientRect();
    const avatar = own.querySelector('.natter-avatar')?.getBoundingClientRect();
    await expect((avatar?.left ?? 999) - log.left).toBeLessThan(40);
  },
};

/** `locale="fr"`: the whole kit in French, plurals included (loaded on demand). */
export const French: Story = {
  args: { locale: 'fr' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = await canvas.findByRole('textbox', { name: 'Message' });
    await waitFor(() => expect(input).toHaveAttribute('placeholder', 'Écrire un message…'));
    await expect(canvas.getByRole('button', { name: 'Envoyer' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Télécharger la discussion' })).toBeVisible();
    await expect(canvas.getByRole('log', { name: 'Messages de la discussion' })).toBeVisible();
  },
};

/**
 * Arabic, right to left: the pin count is Arabic with its plural form, and an English count in
 * an RTL page still reads "1 pinned message", not "pinned message 1".
 */
export const Arabic: Story = {
  args: { locale: 'ar' },
  globals: { dir: 'rtl', locale: 'ar' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: 'إرسال' })).toBeVisible();
    const bar = await canvas.findByRole('region', { name: /مثبّتة/ });
    await expect(getComputedStyle(bar).direction).toBe('rtl');
  },
};

export const EnglishInRTL: Story = {
  globals: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const bar = await canvas.findByRole('region', { name: '1 pinned message' });
    const count = bar.querySelector('.natter-pinbar__count');
    if (!count) throw new Error('no count');
    await expect(count).toHaveTextContent('1 pinned message');
    // The count's own direction is LTR, so "1" stays before "pinned message".
    await expect(getComputedStyle(count).direction).toBe('ltr');
  },
};

/**
 * The list is one tab stop: Tab goes from the list to the current message's own controls and
 * then to the composer, never through every row's actions button. Each button names its sender.
 */
export const KeyboardOneTabStop: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const log = await canvas.findByRole('log');
    await waitFor(() => expect(log.querySelectorAll('article').length).toBeGreaterThan(3));
    log.focus();
    await userEvent.keyboard('{End}');
    const row = await waitFor(() => {
      const focused = document.activeElement?.closest('article');
      expect(focused).not.toBeNull();
      return focused as HTMLElement;
    });
    const visited: string[] = [];
    const input = canvas.getByRole('textbox', { name: 'Message' });
    for (let i = 0; i < 8 && document.activeElement !== input; i++) {
      await userEvent.tab();
      const el = document.activeElement as HTMLElement;
      visited.push(el.getAttribute('aria-label') ?? el.textContent ?? '');
    }
    await expect(input).toHaveFocus();
    const actions = visited.filter((name) => name.startsWith('Message actions'));
    // Only the current row's actions, named after its sender.
    await expect(actions).toHaveLength(1);
    const sender = row.querySelector('.natter-sender')?.textContent ?? '';
    await expect(actions[0]).toBe(`Message actions: ${sender}`);
  },
};
