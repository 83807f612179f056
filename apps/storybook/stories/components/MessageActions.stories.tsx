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
import { content, entryOf, imageFile, sampleHistory, SELF_ID } from '../fixtures';

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
        component: `The per-message menu (WAI-ARIA menu button): Edit (in the composer, through \`ComposerContext\`), Replace image / Replace file on your own attachments (pick, preview, confirm), Pin / Unpin, Copy text and Delete after a confirmation, each offered only where allowed: your own messages can be edited and deleted, others' only with \`canEditOthers\` / \`canDeleteOthers\`. Pass it to \`MessageList\` as \`renderActions\`.

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

/** Your own image, last in the list, for the Replace image story. */
function withOwnImage() {
  const history = sampleHistory();
  const last = history[history.length - 1];
  if (!last) return history;
  const time = new Date(last.time.getTime() + 60_000);
  history.push({
    ...content.image('Whiteboard', 30),
    id: 's-own-image',
    userId: SELF_ID,
    displayName: 'You',
    time,
    timeMs: time.getTime(),
    isEdited: false,
    pinned: false,
    targetUserIds: [],
  });
  return history;
}

/** The hidden file input of a row's menu (what "Replace …" opens). */
function fileInputOf(article: HTMLElement): HTMLInputElement {
  const input = article.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('No file input beside the message');
  return input;
}

/**
 * Replace your image: pick a new one, see it in the same preview a new attachment gets, confirm;
 * the message shows the new picture and "edited".
 */
export const ReplaceImage: Story = {
  parameters: { natter: natter({ history: withOwnImage() }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const article = await waitFor(() => {
      const found = canvasElement.querySelector<HTMLElement>(
        'article[data-origin="local"][data-kind="image"]',
      );
      if (!found) throw new Error('own image not rendered yet');
      return found;
    });
    await expect(within(article).queryByText('edited')).toBeNull();
    await userEvent.click(within(article).getByRole('button', { name: /^Message actions/ }));
    const menu = await canvas.findByRole('menu');
    await expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((i) => i.textContent),
    ).toEqual(['Replace image', 'Pin', 'Delete']);
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Replace image' }));
    await userEvent.upload(fileInputOf(article), imageFile('whiteboard-clean.png'));
    const dialog = await canvas.findByRole('dialog', { name: 'Replace image' });
    const preview = within(dialog).getByRole('img', { name: 'whiteboard-clean.png' });
    await waitFor(() => expect(preview.getAttribute('src')).toMatch(/^blob:/));
    await waitFor(() => expect(preview).toBeVisible());
    await waitFor(() =>
      expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus(),
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Replace image' }));
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(within(article).getByText('edited')).toBeVisible());
  },
};

/**
 * Replace your file: one over the 25 MB limit is refused in words, in the dialog, and the message
 * keeps its file; a smaller one replaces it ("edited").
 */
export const ReplaceFile: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const article = await waitFor(() => {
      const found = canvasElement.querySelector<HTMLElement>(
        'article[data-origin="local"][data-kind="file"]',
      );
      if (!found) throw new Error('own file not rendered yet');
      return found;
    });
    const button = within(article).getByRole('button', { name: /^Message actions/ });
    await userEvent.click(button);
    await userEvent.click(await canvas.findByRole('menuitem', { name: 'Replace file' }));
    const huge = new File([new Uint8Array(26 * 1024 * 1024)], 'recording.mov', {
      type: 'video/quicktime',
    });
    await userEvent.upload(fileInputOf(article), huge);
    let dialog = await canvas.findByRole('dialog', { name: 'Replace file' });
    await expect(dialog).toHaveTextContent('recording.mov');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Replace file' }));
    await waitFor(() =>
      expect(within(dialog).getByRole('alert')).toHaveTextContent(
        '"recording.mov" is larger than the 25 MB this chat accepts.',
      ),
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await expect(button).toHaveFocus();
    await expect(article).toHaveTextContent('quarterly-report.final.pdf');

    await userEvent.click(button);
    await userEvent.click(await canvas.findByRole('menuitem', { name: 'Replace file' }));
    await userEvent.upload(
      fileInputOf(article),
      new File(['Q3 numbers, corrected'], 'quarterly-report.v2.pdf', { type: 'application/pdf' }),
    );
    dialog = await canvas.findByRole('dialog', { name: 'Replace file' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Replace file' }));
    await waitFor(() => expect(article).toHaveTextContent('quarterly-report.v2.pdf'));
    await expect(within(article).getByText('edited')).toBeVisible();
  },
};

export const RTL: Story = { globals: { dir: 'rtl' } };
