import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MeetingTimeProvider } from './meetingTime';
import { MessageTime } from './MessageTime';

// A fixed instant: noon UTC on 3 March 2026, whatever the hour the test runs.
const START = Date.UTC(2026, 2, 3, 12, 0, 0);

describe('meeting-relative time', () => {
  it('shows "+mm:ss" under a MeetingTimeProvider and keeps the full date for screen readers', () => {
    render(
      <MeetingTimeProvider startedAt={new Date(START)}>
        <MessageTime date={new Date(START + 750_000)} data-testid="t" />
      </MeetingTimeProvider>,
    );
    const time = screen.getByTestId('t');
    expect(time.querySelector('.natter-time-relative')?.textContent).toBe('+12:30');
    expect(time.getAttribute('title')).toMatch(/^\+12:30 after the meeting started, .*2026/);
    expect(time.getAttribute('datetime')).toBe(new Date(START + 750_000).toISOString());
  });

  it('stays absolute by default and with no start', () => {
    render(
      <MeetingTimeProvider startedAt={null}>
        <MessageTime date={new Date(START)} data-testid="t" />
      </MeetingTimeProvider>,
    );
    expect(screen.getByTestId('t').textContent).not.toContain('+');
  });
});
