import { connectDevChat } from '@natter/core';
import type { DevChat } from '@natter/core';

/** What the demo's `POST /api/join` answers: everything the page needs, and no server secret. */
export interface JoinResponse {
  token: string;
  userId: string;
  displayName: string;
  meetingId: string;
  sessionId: string;
  /** The chat server's origin (uploads and files); `connectDevChat` takes it as `url`. */
  chatUrl: string;
  /** The chat WebSocket endpoint, for clients other than `connectDevChat`. */
  wsUrl: string;
  /** `host` may change what participants can do in the chat. */
  preset: 'host' | 'participant';
}

export interface JoinedMeeting extends JoinResponse {
  chat: DevChat;
}

/** Asks the app's server for a participant token, then connects the chat. */
export async function joinMeeting(
  name: string,
  meetingId: string,
  options: { host?: boolean } = {},
): Promise<JoinedMeeting> {
  const response = await fetch('/api/join', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, meetingId, host: options.host === true }),
  });
  const body = (await response.json().catch(() => undefined)) as
    (JoinResponse & { error?: { message?: string } }) | undefined;
  if (!response.ok || !body?.token) {
    throw new Error(body?.error?.message ?? `Joining failed (HTTP ${response.status}).`);
  }
  const chat = await connectDevChat({ url: body.chatUrl, token: body.token });
  return { ...body, chat };
}
