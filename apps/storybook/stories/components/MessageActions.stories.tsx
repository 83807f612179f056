import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import {
  Composer,
  ComposerContext,
  ListControllerContext,
  MessageActions,
  MessageList,
  PinBar,
  useComposerControllerRef,
  useListControllerRef,
} from '@natter/ui';
import type { MessageActionsProps } from '@natter/ui';
import { natter } from '../decorators';
import { content, entryOf, sampleHistory } from '../fixtures';

/**
 * A panel assembled from parts: the contexts let the menu's Edit reach the composer and the pin
 * bar's excerpt reach the list. `args` (minus `message`) go to every row's menu.
 */
function Parts({ message: _message, ...args }: MessageActionsProps) {
  const list = useListControllerRef();
  const composer = useComposerControllerRef();
  return (
    <ListControllerContext.Provider value={list}>
      <ComposerContext.Provider value={composer}>
        <div className="story-parts">
          <PinBar canPin={args.canPin ?? false} />
          <MessageList renderActions={(entry) => <MessageActions {...args} message={entry} />} />
          <Composer />
        </div>
      </ComposerContext.Provider>
    </ListControllerContext.Provider>
  );
}

/** The article of the message whose text contains `text`. */
function messageWith(canvasElement: HTMLElement, text: string): HTMLElement {
  const article = within(canvasElement.querySelector('[role="log"]') as HTMLElement)
    .getByText(text)
    .closest('article');
  if (!article) throw new Error(`No message with "${text}"`);
  return article;
}

const meta = {
  title: 'Components/MessageActions',
  component: MessageActions,
  args: { message: entryOf(content.text()), canPin: true },
  argTypes: {
    message: { control: false },
    chat: { control: false },
    store: { control: false },
  },
  render: (args) => <Parts {...args} />,
  parameters: {
    natter: natter({ history: sampleHistory() }),
    docs: {
      description: {
        component: `The per-message menu (WAI-ARIA menu button): Edit (in the composer, through \`ComposerContext\`), Pin / Unpin, Copy text and Delete after a confirmation, each offered only where allowed: your own messages can be edited and deleted, others' only with \`canEditOthers\` / \`canDeleteOthers\`. Pass it to \`MessageList\` as \`renderActions\`.

\`\`\`tsx
<MessageList renderActions={(m) => <MessageActions message={m} canPin={isHost} canDeleteOthers={isHost} />} />
\`\`\``,
      },
    },
  },
} satisfies Meta<typeof MessageActions>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Delete your message: the menu by keyboard, a confirmation (Esc cancels), then it is gone. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const text = 'Here is the report we talked about.';
    const button = await waitFor(() =>
      within(messageWith(canvasElement, text)).getByRole('button', { name: /^Message actions/ }),
    );
    button.focus();
    await userEvent.keyboard('{ArrowDown}');
    const menu = await canvas.findByRole('menu');
    const items = within(menu).getAllByRole('menuitem');
    await expect(items.map((i) => i.textContent)).toEqual(['Edit', 'Pin', 'Copy text', 'Delete']);
    await expect(items[0]).toHaveFocus();
    await userEvent.keyboard('{End}');
    await expect(within(menu).getByRole('menuitem', { name: 'Delete' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    // The dialog loads on the first Delete, then puts focus on Cancel (the safe choice).
    let dialog = await canvas.findByRole('alertdialog', { name: 'Delete this message?' });
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    await waitFor(() => expect(cancel).toHaveFocus());
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('alertdialog')).toBeNull());
    await expect(button).toHaveFocus();
    await expect(messageWith(canvasElement, text)).toBeInTheDocument();

    await userEvent.click(button);
    await userEvent.click(await canvas.findByRole('menuitem', { name: 'Delete' }));
    dialog = await canvas.findByRole('alertdialog', { name: 'Delete this message?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(within(canvas.getByRole('log')).queryByText(text)).toBeNull());
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toHaveFocus();
  },
};

/** Pin someone's message from its menu: it shows in the pin bar; Unpin there removes it. */
export const Pinned: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const text = 'Good morning! Sharing the slides in a second.';
    const article = await waitFor(() => messageWith(canvasElement, text));
    await expect(canvas.getByRole('region', { name: '1 pinned message' })).toBeVisible();
    await userEvent.click(within(article).getByRole('button', { name: /^Message actions/ }));
    const menu = await canvas.findByRole('menu');
    // Someone else's message: no Edit or Delete without canEditOthers / canDeleteOthers.
    await expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((i) => i.textContent),
    ).toEqual(['Pin', 'Copy text']);
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Pin' }));
    const bar = await canvas.findByRole('region', { name: '2 pinned messages' });
    await waitFor(() => expect(bar).toHaveTextContent(text));
    await expect(messageWith(canvasElement, text)).toHaveAttribute('data-state', 'pinned');
    await userEvent.click(within(bar).getByRole('button', { name: 'Unpin' }));
    await waitFor(() =>
      expect(canvas.getByRole('region', { name: '1 pinned message' })).toBeVisible(),
    );
    await expect(messageWith(canvasElement, text)).toHaveAttribute('data-state', 'unpinned');
  },
};

/** A host: may edit and delete everyone's messages. */
export const Playground: Story = {
  args: { canPin: true, canEditOthers: true, canDeleteOthers: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const article = await waitFor(() =>
      messageWith(canvasElement, 'Agreed, let us ship it behind a flag first.'),
    );
    await userEvent.click(within(article).getByRole('button', { name: /^Message actions/ }));
    await expect(
      within(await canvas.findByRole('menu'))
        .getAllByRole('menuitem')
        .map((i) => i.textContent),
    ).toEqual(['Edit', 'Pin', 'Copy text', 'Delete']);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('menu')).toBeNull());
  },
};

export const RTL: Story = { globals: { dir: 'rtl' } };
