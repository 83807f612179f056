import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { MessageText } from '@natter/ui';
import { natter } from '../decorators';
import { HOSTILE_TEXT, HUGE_TEXT, LONG_TEXT, expectNoUnsafeMarkup } from '../fixtures';

const meta = {
  title: 'Components/MessageText',
  component: MessageText,
  args: {
    text: 'The deck is in the shared drive: https://example.com/deck (slide 12). Mail me at mailto:ada@example.com.',
  },
  parameters: {
    natter: natter({ bare: true }),
    docs: {
      description: {
        component: `Untrusted message text rendered as text, never as HTML: newlines kept, long words wrapped, direction from the content (\`dir="auto"\`), http/https/mailto links made clickable (external ones with \`rel="noopener noreferrer"\`), and an optional search highlight.

\`\`\`tsx
<MessageText text={message.message} highlight={searchTerm} />
\`\`\``,
      },
    },
  },
  decorators: [
    (Story) => (
      <div className="story-message-frame">
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof MessageText>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const links = within(canvasElement).getAllByRole('link');
    await expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://example.com/deck',
      'mailto:ada@example.com',
    ]);
    await expect(links[0]).toHaveAttribute('target', '_blank');
  },
};

export const LongText: Story = { args: { text: LONG_TEXT } };

/**
 * Markup shows as text; `javascript:` and `data:` stay plain text; 100 kB is cut at 1,000
 * characters with "Show more", which shows it all.
 */
export const HostileInput: Story = {
  args: { text: `${HOSTILE_TEXT}\n${HUGE_TEXT}` },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/<img src=x onerror=alert\(1\)>/)).toBeVisible();
    await expect(canvasElement.querySelector('img')).toBeNull();
    await expect(canvasElement.textContent?.length).toBeLessThan(1_100);
    const more = canvas.getByRole('button', { name: 'Show more' });
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(more);
    await expect(canvasElement.textContent?.length).toBeGreaterThan(100_000);
    await expectNoUnsafeMarkup(canvasElement);
    const less = canvas.getByRole('button', { name: 'Show less' });
    await expect(less).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(less);
    await expect(canvasElement.textContent?.length).toBeLessThan(1_100);
  },
};

export const RTL: Story = {
  globals: { dir: 'rtl' },
  args: { text: 'שלום לכולם! המצגת כאן: https://example.com/deck — תודה.' },
};

/** Search highlight: every case-insensitive match is marked. */
export const Playground: Story = {
  args: { text: 'Ship it? Yes, SHIP it on Thursday; shipping notes follow.', highlight: 'ship' },
  play: async ({ canvasElement }) => {
    const marks = [...canvasElement.querySelectorAll('mark')].map((m) => m.textContent);
    await expect(marks).toEqual(['Ship', 'SHIP', 'ship']);
  },
};
