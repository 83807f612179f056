import { WebSocket } from 'ws';
import { DEV_CLOSE_TOO_SLOW } from '@natter/core';

/**
 * Sends a frame unless the socket is no longer open or already holds more than `maxBufferedBytes`
 * unsent: that client stopped reading (or cannot keep up), so it is closed with 4408 instead of
 * growing the server's memory; it may reconnect and resync. Every frame the server sends (acks,
 * errors, history, hello, presence, broadcasts) goes through this check.
 */
export function sendGuarded(
  ws: WebSocket,
  data: string | Buffer,
  maxBufferedBytes: number,
): boolean {
  if (ws.readyState !== WebSocket.OPEN) return false;
  if (ws.bufferedAmount > maxBufferedBytes) {
    closeTooSlow(ws);
    return false;
  }
  ws.send(data, { binary: false });
  return true;
}

export function closeTooSlow(ws: WebSocket): void {
  ws.close(DEV_CLOSE_TOO_SLOW, 'too slow');
}
