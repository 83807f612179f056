import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { Lightbox } from '@natter/ui';
import type { LightboxImage, LightboxProps } from '@natter/ui';
import { natter } from '../decorators';
import { imageUrl, pictureUrl } from '../fixtures';

const IMAGES: LightboxImage[] = [
  { key: 'a', src: imageUrl('Slide 1', 200), alt: 'Slide 1 from Ada', downloadName: 'slide-1.svg' },
  { key: 'b', src: imageUrl('Slide 2', 120), alt: 'Slide 2 from Grace' },
  { key: 'c', src: imageUrl('Slide 3', 330), alt: 'Slide 3 from Amal' },
];

/** Thumbnails that open the lightbox, as a chat would. */
function Gallery(props: LightboxProps) {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <div className="story-stack">
      <div className="story-thumbs">
        {props.images.map((image, i) => (
          <button key={image.key} type="button" className="story-thumb" onClick={() => setOpen(i)}>
            <img src={image.src} alt={image.alt} width={96} height={54} />
          </button>
        ))}
      </div>
      {open !== null ? (
        <Lightbox
          {...props}
          index={open}
          onIndexChange={(i) => {
            props.onIndexChange?.(i);
            setOpen(i);
          }}
          onClose={() => {
            props.onClose();
            setOpen(null);
          }}
        />
      ) : null}
    </div>
  );
}

const meta = {
  title: 'Components/Lightbox',
  component: Lightbox,
  args: { images: IMAGES, index: 0, onClose: fn(), onIndexChange: fn() },
  argTypes: { images: { control: 'object' } },
  render: (args) => <Gallery {...args} />,
  parameters: {
    natter: natter({ bare: true }),
    docs: {
      description: {
        component: `A modal image viewer: zoom (+/−), previous/next with the arrow keys (mirrored in right-to-left), Esc or the backdrop to close, focus trapped inside and given back to the opener, a download link. \`MessageList\` opens one over every image of the chat.

\`\`\`tsx
{open && (
  <Lightbox images={images} index={i} onIndexChange={setI} onClose={() => setOpen(false)} />
)}
\`\`\``,
      },
    },
  },
} satisfies Meta<typeof Lightbox>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Enter on a thumbnail, arrows page (wrapping), + zooms, Tab stays inside, Esc closes. */
export const Default: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const opener = canvas.getByRole('button', { name: 'Slide 2 from Grace' });
    opener.focus();
    await userEvent.keyboard('{Enter}');
    const dialog = await canvas.findByRole('dialog', { name: 'Image viewer' });
    await expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    await expect(dialog).toHaveTextContent('Image 2 of 3');
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => expect(dialog).toHaveTextContent('Image 3 of 3'));
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => expect(dialog).toHaveTextContent('Image 1 of 3'));
    await expect(within(dialog).getByRole('img')).toHaveAccessibleName('Slide 1 from Ada');
    await expect(within(dialog).getByRole('link', { name: 'Download image' })).toHaveAttribute(
      'download',
      'slide-1.svg',
    );
    await userEvent.keyboard('{ArrowLeft}');
    await waitFor(() => expect(dialog).toHaveTextContent('Image 3 of 3'));
    await expect(args.onIndexChange).toHaveBeenLastCalledWith(2);
    await userEvent.keyboard('+');
    await expect(dialog).toHaveTextContent('150%');
    // Tab from the last control wraps to the first.
    const controls = [...dialog.querySelectorAll<HTMLElement>('a[href], button:not([disabled])')];
    controls.at(-1)?.focus();
    await userEvent.tab();
    await expect(controls[0]).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    await expect(args.onClose).toHaveBeenCalledTimes(1);
    await expect(opener).toHaveFocus();
  },
};

/** In right-to-left, ArrowLeft moves forward. */
export const RTL: Story = {
  globals: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    canvas.getByRole('button', { name: 'Slide 1 from Ada' }).focus();
    await userEvent.keyboard('{Enter}');
    const dialog = await canvas.findByRole('dialog', { name: 'Image viewer' });
    await userEvent.keyboard('{ArrowLeft}');
    await waitFor(() => expect(dialog).toHaveTextContent('Image 2 of 3'));
  },
};

/** One image: no paging controls. */
export const Playground: Story = {
  args: { images: IMAGES.slice(0, 1) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Slide 1 from Ada' }));
    const dialog = await canvas.findByRole('dialog');
    await expect(within(dialog).queryByRole('button', { name: 'Next image' })).toBeNull();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
  },
};

/**
 * A picture four times taller than the screen opens fitted to the viewport (the whole picture
 * visible, its zoom shown as the real share of its size); + zooms from there and it scrolls.
 */
export const TallImage: Story = {
  args: {
    images: [{ key: 'tall', src: pictureUrl('Tall', 1200, 4000), alt: 'A tall scan' }],
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'A tall scan' }));
    const dialog = await canvas.findByRole('dialog', { name: 'Image viewer' });
    const img = within(dialog).getByRole('img', { name: 'A tall scan' });
    await waitFor(() => expect((img as HTMLImageElement).complete).toBe(true));
    const stage = dialog.querySelector('.natter-lightbox__stage');
    if (!stage) throw new Error('no stage');
    await waitFor(() => expect(stage).toHaveAttribute('data-fitted'));
    const box = img.getBoundingClientRect();
    await expect(box.top).toBeGreaterThanOrEqual(0);
    await expect(box.bottom).toBeLessThanOrEqual(window.innerHeight);
    await expect(box.height / box.width).toBeCloseTo(4000 / 1200, 1);
    const percent = Number(/(\d+)%/.exec(dialog.querySelector('output')?.textContent ?? '')?.[1]);
    await expect(percent).toBeLessThan(100);
    await expect(percent).toBeGreaterThan(0);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Zoom in' }));
    await waitFor(() =>
      expect(img.getBoundingClientRect().height).toBeCloseTo(box.height * 1.5, -1),
    );
    await expect(stage.scrollHeight).toBeGreaterThan(stage.clientHeight);
  },
};
