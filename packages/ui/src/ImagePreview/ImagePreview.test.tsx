import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { ImagePreview } from './ImagePreview';

describe('ImagePreview', () => {
  it('reserves its box, loads lazily, and opens a lightbox that closes with Esc and restores focus', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <ImagePreview src="https://cdn.example.com/cat.png" alt="cat.png" width={640} height={480} />,
    );
    await expectNoAxeViolations(container);
    const root = container.firstElementChild as HTMLElement;
    expect(root.dataset.state).toBe('loading');
    expect(root.hasAttribute('data-sized')).toBe(true);
    const img = screen.getByRole('img', { name: 'cat.png' });
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('width')).toBe('640');
    fireEvent.load(img);
    expect(root.dataset.state).toBe('loaded');

    const opener = screen.getByRole('button', { name: 'cat.png' });
    await user.click(opener);
    // The lightbox is loaded on first open (React.lazy).
    const dialog = await screen.findByRole('dialog', { name: 'Image viewer' });
    await expectNoAxeViolations(container);
    expect(screen.queryByRole('button', { name: 'Next image' })).toBeNull();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(dialog.isConnected).toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  it('shows an error with a Retry button that loads the image again', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <ImagePreview src="https://cdn.example.com/broken.png" alt="Image from Ada" />,
    );
    fireEvent.error(screen.getByRole('img'));
    const root = container.firstElementChild as HTMLElement;
    expect(root.dataset.state).toBe('error');
    expect(screen.getByText('The image could not be loaded.')).toBeTruthy();
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(root.dataset.state).toBe('loading');
    expect(screen.getByRole('img', { name: 'Image from Ada' })).toBeTruthy();
  });

  it('refuses unsafe sources', async () => {
    const { container } = render(<ImagePreview src="javascript:alert(1)" alt="x" />);
    await expectNoAxeViolations(container);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('previews a pending file through an object URL revoked on unmount', async () => {
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:natter-test/preview');
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const file = new File(['x'], 'shot.png', { type: 'image/png' });
    const { unmount, container } = render(<ImagePreview file={file} alt="shot.png" />);
    await expectNoAxeViolations(container);
    expect(create).toHaveBeenCalledWith(file);
    expect(screen.getByRole('img', { name: 'shot.png' }).getAttribute('src')).toBe(
      'blob:natter-test/preview',
    );
    expect(revoke).not.toHaveBeenCalled();
    unmount();
    expect(revoke).toHaveBeenCalledWith('blob:natter-test/preview');
    create.mockRestore();
    revoke.mockRestore();
  });
});
