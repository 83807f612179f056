import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { FileChip } from './FileChip';

describe('FileChip', () => {
  it('shows type, name with its extension, size and a download link', async () => {
    const { container } = render(
      <FileChip
        name="quarterly-report-final-final.pdf"
        size={1_500_000}
        href="https://files.example.com/r.pdf"
      />,
    );
    await expectNoAxeViolations(container);
    const chip = container.firstElementChild as HTMLElement;
    expect(chip.dataset.fileType).toBe('pdf');
    expect(chip.dataset.status).toBe('sent');
    expect(chip.querySelector('.natter-file__ext')?.textContent).toBe('.pdf');
    expect(chip.querySelector('.natter-file__name')?.getAttribute('title')).toBe(
      'quarterly-report-final-final.pdf',
    );
    expect(screen.getByText('1.5 MB')).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Download quarterly-report-final-final.pdf' });
    expect(link.getAttribute('download')).toBe('quarterly-report-final-final.pdf');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('offers no link for unsafe URLs and strips bidi overrides from the name', async () => {
    const { container } = render(
      <FileChip name={'invoice\u202Efdp.exe'} size={10} href="javascript:alert(1)" />,
    );
    await expectNoAxeViolations(container);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('File not available')).toBeTruthy();
    expect(container.querySelector('.natter-file__ext')?.textContent).toBe('.exe');
    expect(container.textContent).not.toContain('\u202E');
  });

  it('cancels a pending upload and retries a failed one', async () => {
    const user = userEvent.setup();
    const onCancel = vi.fn();
    const onRetry = vi.fn();
    const { container, rerender } = render(
      <FileChip
        name="notes.txt"
        mimeType="text/plain"
        status="sending"
        onCancel={onCancel}
        onRetry={onRetry}
      />,
    );
    await expectNoAxeViolations(container);
    expect((container.firstElementChild as HTMLElement).getAttribute('aria-busy')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Cancel upload' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    rerender(<FileChip name="notes.txt" status="failed" onCancel={onCancel} onRetry={onRetry} />);
    expect(screen.getByText('Upload failed')).toBeTruthy();
    screen.getByRole('button', { name: 'Retry upload' }).focus();
    await user.keyboard('{Enter}');
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('link')).toBeNull();
  });
});
