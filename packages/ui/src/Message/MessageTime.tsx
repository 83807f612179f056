'use client';
import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { formatElapsed } from '@natter/core';
import { useStrings } from '../strings';
import { cx } from '../utils/cx';
import { formatFull, formatRelative } from '../utils/format';
import { useMeetingStart } from './meetingTime';
import { useNow } from './useNow';

export interface MessageTimeProps extends Omit<
  ComponentPropsWithoutRef<'time'>,
  'children' | 'dateTime'
> {
  /** When the message was sent. */
  date: Date;
}

const MINUTE = 60_000;

/**
 * A message time: relative for the last hour (`5 minutes ago`), the clock time after that, or
 * "+12:30" from the meeting's start under a `MeetingTimeProvider`; the full date and time in
 * `title`, for screen readers, and shown when the message has focus.
 */
export const MessageTime = forwardRef<HTMLTimeElement, MessageTimeProps>(function MessageTime(
  { date, className, ...rest },
  ref,
) {
  const { locale, strings } = useStrings();
  const now = useNow(MINUTE);
  const start = useMeetingStart();
  const valid = Number.isFinite(date.getTime());
  const elapsed = valid && start !== null ? formatElapsed(date.getTime(), start) : '';
  const absolute = valid ? formatFull(date, locale) : '';
  const full = elapsed ? `${strings.meetingTimeLabel(elapsed)}, ${absolute}` : absolute;
  // Rounded to the minute, `now` can trail the message's time: never say "in 1 minute".
  const relative =
    elapsed || (valid ? formatRelative(date, Math.max(now + MINUTE, date.getTime()), locale) : '');
  return (
    <time
      ref={ref}
      dateTime={valid ? date.toISOString() : undefined}
      title={full}
      // English times inside a right-to-left panel read "3:23 PM", not "PM 3:23".
      dir="auto"
      {...rest}
      className={cx('natter-time', className)}
    >
      <span className="natter-time-relative" aria-hidden="true">
        {relative}
      </span>
      <span className="natter-time-absolute natter-visually-hidden">{full}</span>
    </time>
  );
});
