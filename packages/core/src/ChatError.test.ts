import { describe, expect, it } from 'vitest';
import { ChatError, toChatError } from './ChatError';

describe('toChatError', () => {
  it('maps the SDKs’ error codes, given bare ("0503") or in the message ("[ERR0503]")', () => {
    const bare = Object.assign(new Error('[ERR0503]: {Chat} Text Message is too large'), {
      code: '0503',
    });
    expect(toChatError(bare)).toMatchObject({ code: 'too-long', sdkCode: 'ERR0503' });
    expect(toChatError(new Error('[ERR0013]: rate limited')).code).toBe('rate-limited');
    expect(toChatError(Object.assign(new Error('x'), { code: '0502' })).code).toBe('empty');
    expect(toChatError(Object.assign(new Error('x'), { code: '0504' })).code).toBe('not-found');
  });

  it('gives a readable message and keeps the original as cause', () => {
    const original = new Error('WebSocket disconnected');
    const error = toChatError(original);
    expect(error).toBeInstanceOf(ChatError);
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/connection/);
    expect(error.cause).toBe(original);
    expect(toChatError('weird').code).toBe('unknown');
    const same = new ChatError('empty', 'Type a message first.');
    expect(toChatError(same)).toBe(same);
  });

  it('turns a backend refusal into a readable sentence, never a raw code', () => {
    const refusal = Object.assign(new Error('[forbidden] You may only change your own messages.'), {
      code: 'forbidden',
    });
    const error = toChatError(refusal);
    expect(error.code).toBe('forbidden');
    expect(error.message).toBe('You may only change your own messages.');
    expect(toChatError(Object.assign(new Error(''), { code: 'forbidden' })).message).toBe(
      'You are not allowed to do that here.',
    );
  });
});
