/**
 * The real RealtimeKit 2 and Dyte 3 clients must fit `MeetingLike` (chat, self with permissions,
 * participants.joined), so `<ChatProvider meeting={meeting}>` takes them as users hold them.
 */
import type RealtimeKitClient from '@cloudflare/realtimekit';
import type DyteClient from '@dytesdk/web-core';
import type { MeetingLike } from './types';

declare const rtkMeeting: RealtimeKitClient;
declare const dyteMeeting: DyteClient;
export const rtk: MeetingLike = rtkMeeting;
export const dyte: MeetingLike = dyteMeeting;
