import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChatEntry } from '@natter/core';
import { expectNoAxeViolations } from '../../test/axe';
import { Message } from './Message';

const entry = (extra: Partial<ChatEntry>): ChatEntry =>
  ({
    id: 'm1',
    type: 'text',
    message: 'just between us',
    userId: 'u-self',
    displayName: 'You',
    time: new Date('2026-01-01T10:00:00Z'),
    timeMs: Date.parse('2026-01-01T10:00:00Z'),
    status: 'sent',
    clientKey: 'm1',
    ...extra,
  }) as ChatEntry;

describe('Message', () => {
  it('says a send held while offline is waiting for the connection, and offers no Retry', async () => {
    const { container } = render(
      <Message
        message={entry({ status: 'sending', waiting: true })}
        origin="local"
        groupStart
        onRetry={() => undefined}
      />,
    );
    await expectNoAxeViolations(container);
    expect(screen.getByText('Waiting for the connection…')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(container.querySelector('[data-status="sending"]')?.hasAttribute('data-waiting')).toBe(
      true,
    );
  });

  it('names the recipients of a private message, not the sender the SDK adds to them', async () => {
    const names: Record<string, string> = { 'u-ada': 'Ada Lovelace' };
    const { container } = render(
      <Message
        message={entry({ targetUserIds: ['u-ada', 'u-self'] })}
        origin="local"
        groupStart
        nameOf={(id) => names[id]}
      />,
    );
    await expectNoAxeViolations(container);
    expect(screen.getByText('Private to Ada Lovelace')).toBeTruthy();
  });

  it('shows the id of a recipient it has no name for, and "you" on messages sent to you', () => {
    const { rerender } = render(
      <Message message={entry({ targetUserIds: ['u-zed'] })} origin="local" groupStart />,
    );
    expect(screen.getByText('Private to u-zed')).toBeTruthy();
    rerender(
      <Message
        message={entry({ userId: 'u-ada', displayName: 'Ada', targetUserIds: ['u-self', 'u-ada'] })}
        origin="remote"
        groupStart
      />,
    );
    expect(screen.getByText('Private to you')).toBeTruthy();
  });
});
