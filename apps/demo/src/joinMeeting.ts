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

const TAB_KEY = 'natter-demo:tab';

/**
 * This tab's id (sessionStorage: a reload keeps it, another tab has its own), made on the first
 * join. The server binds the tab's identity cookie to it, so two tabs are two people.
 */
function tabId(create: boolean): string | undefined {
  try {
    const known = sessionStorage.getItem(TAB_KEY);
    if (known || !create) return known ?? undefined;
    const made = crypto.randomUUID();
    sessionStorage.setItem(TAB_KEY, made);
    return made;
  } catch {
    return undefined; // storage blocked: every load is a new person, as before
  }
}

async function post(path: string, body: unknown): Promise<JoinedMeeting> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => undefined)) as
    (JoinResponse & { error?: { message?: string } }) | undefined;
  if (!response.ok || !answer?.token) {
    throw Object.assign(
      new Error(answer?.error?.message ?? `Joining failed (HTTP ${response.status}).`),
      { status: response.status },
    );
  }
  const chat = await connectDevChat({
    url: answer.chatUrl,
    token: answer.token,
    // The demo server restarts in seconds: try again often enough to be back soon after.
    reconnect: { maxDelayMs: 3000 },
  });
  return { ...answer, chat };
}

/** Asks the app's server for a participant token, then connects the chat. */
export function joinMeeting(
  name: string,
  meetingId: string,
  options: { host?: boolean } = {},
): Promise<JoinedMeeting> {
  const tab = tabId(true);
  return post('/api/join', {
    name,
    meetingId,
    host: options.host === true,
    tab, // sent as JSON, which drops the key when undefined
  });
}

/**
 * Rejoins as the person this tab was (after a reload), from the server's signed cookie; resolves
 * undefined when this tab has not joined or its identity is gone (then show the lobby).
 */
export async function resumeMeeting(meetingId: string): Promise<JoinedMeeting | undefined> {
  const tab = tabId(false);
  if (!tab) return undefined;
  try {
    return await post('/api/session', { meetingId, tab });
  } catch (error) {
    if ((error as { status?: number }).status === 401) return undefined;
    throw error;
  }
}

/** Forgets this tab's identity: the next join is a new person. */
export async function leaveMeeting(): Promise<void> {
  const tab = tabId(false);
  if (!tab) return;
  try {
    sessionStorage.removeItem(TAB_KEY);
  } catch {
    // storage blocked: nothing was kept
  }
  await fetch('/api/leave', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ tab }),
  }).catch(() => undefined);
}
