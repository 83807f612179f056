import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse, delay } from 'msw';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ImagePreview } from '@natter/ui';
import { natter } from '../decorators';
import { brokenImageUrl, expectNoUnsafeMarkup, imageUrl, pictureUrl } from '../fixtures';

/** Served by MSW and never answered: the preview stays in its loading state. */
const NEVER = '/story-assets/never-loads.png';

const meta = {
  title: 'Components/ImagePreview',
  component: ImagePreview,
  args: { src: imageUrl('Slide 4', 210), alt: 'Image from Ada Lovelace' },
  argTypes: { file: { control: false } },
  parameters: {
    natter: natter({ bare: true }),
    docs: {
      description: {
        component: `An image thumbnail whose box is reserved before the image loads (give \`width\`/\`height\` when known), loaded lazily, with loading and error (Retry) states in \`data-state\`. Only http, https and blob sources are used. A click opens a lightbox (its own, or yours through \`onOpen\`).

\`\`\`tsx
<ImagePreview src={m.link} alt={\`Image from \${m.displayName}\`} />
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
  beforeEach({ msw }) {
    msw.use(
      http.get(`*${NEVER}`, async () => {
        await delay('infinite');
        return new HttpResponse(null);
      }),
    );
  },
} satisfies Meta<typeof ImagePreview>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Loads, then opens its own lightbox with Enter and closes with Esc, focus back on the image. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() =>
      expect(canvasElement.querySelector('.natter-image')).toHaveAttribute('data-state', 'loaded'),
    );
    const opener = canvas.getByRole('button', { name: 'Image from Ada Lovelace' });
    opener.focus();
    await userEvent.keyboard('{Enter}');
    const dialog = await canvas.findByRole('dialog', { name: 'Image viewer' });
    await expect(within(dialog).getByRole('img')).toHaveAttribute('src', imageUrl('Slide 4', 210));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    await expect(opener).toHaveFocus();
  },
};

/** A source that does not decode: the error state with Retry (which tries once more). */
export const Failed: Story = {
  args: { src: brokenImageUrl() },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('The image could not be loaded.')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await waitFor(() =>
      expect(canvasElement.querySelector('.natter-image')).toHaveAttribute('data-state', 'error'),
    );
  },
};

/** `javascript:` and `data:` sources never reach an `<img>`: the error state, without Retry. */
export const HostileInput: Story = {
  render: (args) => (
    <div className="story-stack">
      <ImagePreview {...args} src="javascript:alert(1)" />
      <ImagePreview {...args} src="data:text/html,<script>alert(1)</script>" />
      <ImagePreview
        {...args}
        src="data:image/svg+xml,<svg onload=alert(1)>"
        alt={'\u202Egnp.exe'}
      />
    </div>
  ),
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll('img')).toHaveLength(0);
    await expect(within(canvasElement).queryByRole('button', { name: 'Retry' })).toBeNull();
    await expectNoUnsafeMarkup(canvasElement);
  },
};

export const Playground: Story = { args: { width: 320, height: 180 } };

/** Loading (a request that never answers), loaded, sized before load, error. */
export const AllStates: Story = {
  render: (args) => (
    <div className="story-matrix">
      <div className="story-matrix__cell">
        <p className="story-matrix__label">loading</p>
        <ImagePreview {...args} src={`${location.origin}${NEVER}`} />
      </div>
      <div className="story-matrix__cell">
        <p className="story-matrix__label">loading · sized 320×180</p>
        <ImagePreview {...args} src={`${location.origin}${NEVER}?sized`} width={320} height={180} />
      </div>
      <div className="story-matrix__cell">
        <p className="story-matrix__label">loaded</p>
        <ImagePreview {...args} />
      </div>
      <div className="story-matrix__cell">
        <p className="story-matrix__label">loaded · portrait</p>
        <ImagePreview {...args} src={imageUrl('Portrait', 300)} width={180} height={320} />
      </div>
      <div className="story-matrix__cell">
        <p className="story-matrix__label">error · retry</p>
        <ImagePreview {...args} src={brokenImageUrl()} />
      </div>
      <div className="story-matrix__cell">
        <p className="story-matrix__label">error · unsafe source</p>
        <ImagePreview {...args} src="javascript:alert(1)" />
      </div>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const states = () =>
      [...canvasElement.querySelectorAll('.natter-image')].map((el) =>
        el.getAttribute('data-state'),
      );
    await waitFor(() =>
      expect(states()).toEqual(['loading', 'loading', 'loaded', 'loaded', 'error', 'error']),
    );
  },
};

/** Height / width of the element's box. */
const ratioOf = (el: Element) => {
  const box = el.getBoundingClientRect();
  return box.height / box.width;
};

/**
 * A portrait (400×900) and a landscape (900×300) picture with their sizes given: each box takes
 * the picture's own aspect ratio before it loads (no layout shift), within the max box, and the
 * whole picture shows (no crop, no grey bands).
 */
export const Portrait: Story = {
  args: { src: pictureUrl('Portrait', 400, 900), width: 400, height: 900, alt: 'Portrait' },
  play: async ({ canvasElement }) => {
    const box = canvasElement.querySelector('.natter-image');
    if (!box) throw new Error('no preview');
    // Before loading, the box already has the picture's shape.
    await expect(ratioOf(box)).toBeCloseTo(900 / 400, 1);
    await waitFor(() => expect(box).toHaveAttribute('data-state', 'loaded'));
    await expect(ratioOf(box)).toBeCloseTo(900 / 400, 1);
    const img = box.querySelector('img');
    if (!img) throw new Error('no img');
    // The whole picture is drawn in the box: same size, same shape.
    await expect(
      Math.abs(img.getBoundingClientRect().height - box.getBoundingClientRect().height),
    ).toBeLessThan(2);
    await expect(box.getBoundingClientRect().height).toBeLessThanOrEqual(18 * 16 + 1);
  },
};

export const Landscape: Story = {
  args: { src: pictureUrl('Landscape', 900, 300), width: 900, height: 300, alt: 'Landscape' },
  play: async ({ canvasElement }) => {
    const box = canvasElement.querySelector('.natter-image');
    if (!box) throw new Error('no preview');
    await waitFor(() => expect(box).toHaveAttribute('data-state', 'loaded'));
    await expect(ratioOf(box)).toBeCloseTo(300 / 900, 1);
  },
};

/** Size unknown (the SDKs send only a link): once loaded, the box takes the picture's shape. */
export const UnknownSize: Story = {
  args: { src: pictureUrl('Tall', 300, 800), alt: 'Tall picture' },
  play: async ({ canvasElement }) => {
    const box = canvasElement.querySelector('.natter-image');
    if (!box) throw new Error('no preview');
    await waitFor(() => expect(box).toHaveAttribute('data-state', 'loaded'));
    await waitFor(() => expect(ratioOf(box)).toBeCloseTo(800 / 300, 1));
  },
};
