'use client';
import { useNow } from '../Message/useNow';
import { useStrings } from '../strings';
import { formatDay, sameDay } from '../utils/format';

const HOUR = 3_600_000;

/** "Today", "Yesterday" or the full day, above the first message of each day. */
export function DaySeparator({ date }: { date: Date }) {
  const { strings, locale } = useStrings();
  const now = new Date(useNow(HOUR));
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  const label = sameDay(date, now)
    ? strings.today
    : sameDay(date, yesterday)
      ? strings.yesterday
      : formatDay(date, locale);
  return (
    <div className="natter-day">
      <span className="natter-day__label">{label}</span>
    </div>
  );
}
