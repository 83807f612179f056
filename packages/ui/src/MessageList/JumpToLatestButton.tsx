'use client';
import { useStrings } from '../strings';

/** Shown while the reader is scrolled up: "Jump to latest", or "N new messages" when some came. */
export function JumpToLatestButton({
  newCount,
  onClick,
}: {
  newCount: number;
  onClick: () => void;
}) {
  const { strings } = useStrings();
  return (
    <button
      type="button"
      className="natter-jump-button"
      data-state={newCount > 0 ? 'new' : 'idle'}
      onClick={onClick}
    >
      <span dir="auto">{newCount > 0 ? strings.newMessages(newCount) : strings.jumpToLatest}</span>
    </button>
  );
}
