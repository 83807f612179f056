import type { DevWireMessage, Message } from '@natter/core';
import { audienceOf } from './createMessageStore';
import type { MessageRow } from './createMessageStore';

/**
 * A message as it travels in protocol frames (the type core's client reads). Links are absolute,
 * built from the file id at send time, so history survives a change of port or public URL.
 */
export type WireMessage = DevWireMessage;

export function fileLink(baseUrl: string, fileId: string): string {
  return `${baseUrl}/v1/files/${encodeURIComponent(fileId)}`;
}

export function toWireMessage(row: MessageRow, baseUrl: string): WireMessage {
  const wire: WireMessage = {
    id: row.id,
    type: row.type,
    userId: row.user_id,
    displayName: row.display_name,
    timeMs: row.created_at,
    isEdited: row.is_edited === 1,
    pinned: row.pinned === 1,
    targetUserIds: audienceOf(row),
  };
  if (row.type === 'text') wire.message = row.text ?? '';
  else {
    wire.link = row.file_id === null ? '' : fileLink(baseUrl, row.file_id);
    if (row.type === 'file') {
      wire.name = row.file_name ?? '';
      wire.size = row.file_size ?? 0;
    }
  }
  return wire;
}

/** The core `Message` of a row, for the CSV writer. */
export function toCoreMessage(row: MessageRow, baseUrl: string): Message {
  const base = {
    id: row.id,
    userId: row.user_id,
    displayName: row.display_name,
    time: new Date(row.created_at),
    timeMs: row.created_at,
    pinned: row.pinned === 1,
    isEdited: row.is_edited === 1,
  };
  const link = row.file_id === null ? '' : fileLink(baseUrl, row.file_id);
  if (row.type === 'image') return { ...base, type: 'image', link };
  if (row.type === 'file') {
    return { ...base, type: 'file', link, name: row.file_name ?? '', size: row.file_size ?? 0 };
  }
  return { ...base, type: 'text', message: row.text ?? '' };
}
