'use client';
import { useStrings } from '../strings';

/** Above the first message that arrived while the reader was away (scrolled up or tab hidden). */
export function UnreadDivider() {
  const { strings } = useStrings();
  return (
    <div className="natter-unread-divider">
      <span className="natter-unread-label">{strings.unreadDivider}</span>
    </div>
  );
}
