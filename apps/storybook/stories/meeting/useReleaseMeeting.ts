import { useEffect } from 'react';
import { releaseChatStore } from '@natter/core';
import type { LocalMeeting } from '@natter/core/testing';

/** Frees a story's meeting when the story unmounts: its chat's shared store, then the chat. */
export function useReleaseMeeting(meeting: LocalMeeting): void {
  useEffect(
    () => () => {
      releaseChatStore(meeting.chat);
      meeting.chat.dispose();
    },
    [meeting],
  );
}
