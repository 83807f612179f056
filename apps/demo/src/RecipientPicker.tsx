import { useId } from 'react';
import type { DevParticipant } from './useDevChatState';

export interface RecipientPickerProps {
  participants: readonly DevParticipant[];
  selfUserId: string;
  /** A user id, or '' for everyone. */
  value: string;
  onChange(userId: string): void;
}

/** "To: Everyone | <someone>": a private message goes only to its recipient (and the sender). */
export function RecipientPicker({
  participants,
  selfUserId,
  value,
  onChange,
}: RecipientPickerProps) {
  const id = useId();
  const others = participants.filter((p) => p.userId !== selfUserId);
  return (
    <div className="demo-recipient" data-private={value ? '' : undefined}>
      <label htmlFor={id}>To</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">Everyone</option>
        {others.map((p) => (
          <option key={p.userId} value={p.userId}>
            {p.displayName} (private)
          </option>
        ))}
      </select>
    </div>
  );
}
