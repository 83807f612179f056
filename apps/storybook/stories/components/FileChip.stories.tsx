import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import type { MessageStatus } from '@natter/core';
import { FileChip } from '@natter/ui';
import { natter } from '../decorators';
import { expectNoUnsafeMarkup, fileLink } from '../fixtures';

const meta = {
  title: 'Components/FileChip',
  component: FileChip,
  args: {
    name: 'quarterly-report.final.pdf',
    size: 482_113,
    href: fileLink('quarterly-report.final.pdf'),
    status: 'sent',
    onCancel: fn(),
    onRetry: fn(),
  },
  argTypes: {
    status: { control: 'inline-radio', options: ['sending', 'sent', 'failed'] },
  },
  parameters: {
    natter: natter({ bare: true }),
    docs: {
      description: {
        component: `A file attachment: type icon, the name with a middle ellipsis that keeps the extension visible (bidi controls removed, so \`invoice\\u202Efdp.exe\` cannot pose as a PDF), size and a download link. Pending uploads can be cancelled, failed ones retried.

\`\`\`tsx
<FileChip name={m.name} size={m.size} href={m.link} />
<FileChip name={file.name} status="sending" onCancel={() => store.discard(id)} />
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
} satisfies Meta<typeof FileChip>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const link = within(canvasElement).getByRole('link', {
      name: 'Download quarterly-report.final.pdf',
    });
    await expect(link).toHaveAttribute('download', 'quarterly-report.final.pdf');
    await expect(canvasElement.querySelector('.natter-file')).toHaveAttribute(
      'data-file-type',
      'pdf',
    );
  },
};

/** A failed upload: no link, a Retry upload button. */
export const Failed: Story = {
  args: { status: 'failed', name: 'recording.mp4', size: 73_400_320 },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByRole('link')).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Retry upload' }));
    await expect(args.onRetry).toHaveBeenCalledTimes(1);
  },
};

export const LongText: Story = {
  args: {
    name: 'a-very-long-file-name-that-keeps-going-and-going-until-it-has-to-be-truncated.final-v2.xlsx',
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('.xlsx')).toBeVisible();
  },
};

/** A bidi override in the name and `javascript:` / `data:` links: the name is shown as it is, no link. */
export const HostileInput: Story = {
  render: (args) => (
    <div className="story-stack">
      <FileChip {...args} name={'invoice\u202Efdp.exe'} href="javascript:alert(1)" />
      <FileChip
        {...args}
        name="<img src=x onerror=alert(1)>.html"
        href="data:text/html,<script>alert(1)</script>"
      />
      <FileChip {...args} name={'\u2067report\u2069.pdf'} href="JaVaScRiPt:alert(1)" />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryAllByRole('link')).toHaveLength(0);
    await expect(canvas.getAllByText('File not available')).toHaveLength(3);
    await expect(canvasElement.querySelector('.natter-file__ext')).toHaveTextContent('.exe');
    await expectNoUnsafeMarkup(canvasElement);
  },
};

export const RTL: Story = {
  globals: { dir: 'rtl' },
  args: { name: 'تقرير-الربع-الثالث.pdf' },
};

export const Playground: Story = {};

const TYPES = [
  'photo.png',
  'demo.mp4',
  'voice-note.m4a',
  'contract.pdf',
  'source.zip',
  'budget.xlsx',
  'pitch.pptx',
  'minutes.docx',
  'index.ts',
  'mystery.bin',
];
const STATUSES: MessageStatus[] = ['sending', 'sent', 'failed'];

/** Every file type × status, plus a sent file with no usable link. */
export const AllStates: Story = {
  render: (args) => (
    <div className="story-matrix">
      {STATUSES.flatMap((status) =>
        TYPES.map((name, i) => (
          <div className="story-matrix__cell" key={`${status}-${name}`}>
            <p className="story-matrix__label">
              {status} · {name}
            </p>
            <FileChip
              {...args}
              name={name}
              size={1_000 * 7 ** i}
              href={fileLink(name)}
              status={status}
            />
          </div>
        )),
      )}
      <div className="story-matrix__cell">
        <p className="story-matrix__label">sent · no link</p>
        <FileChip {...args} name="expired.pdf" href={undefined} status="sent" />
      </div>
    </div>
  ),
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll('.natter-file')).toHaveLength(31);
  },
};
