import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { releaseChatStore } from '@natter/core';
import type { ChatExportPolicy } from '@natter/core';
import { createLocalChat } from '@natter/core/testing';
import type { LocalChat } from '@natter/core/testing';
import { ChatProvider, useChatExport } from './index';

const chats: LocalChat[] = [];
afterEach(() => {
  for (const chat of chats.splice(0)) {
    releaseChatStore(chat);
    chat.dispose();
  }
  vi.restoreAllMocks();
});

function setup(exportPolicy: ChatExportPolicy | false, history = 3) {
  const chat = createLocalChat({ seed: 3, latencyMs: 1, history });
  chats.push(chat);
  const saved: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:natter-test/1');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    saved.push(this.download);
  });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ChatProvider chat={chat} exportPolicy={exportPolicy}>
      {children}
    </ChatProvider>
  );
  return { saved, hook: renderHook(() => useChatExport({ meetingName: 'Board' }), { wrapper }) };
}

describe('useChatExport and the provider policy', () => {
  it('refuses a choice the policy forbids, saving nothing, and says which', async () => {
    const { saved, hook } = setup({ formats: ['txt'], names: ['anonymised'] });
    expect(hook.result.current.policy).toEqual({ formats: ['txt'], names: ['anonymised'] });
    await act(() => hook.result.current.download({ format: 'csv' }));
    expect(hook.result.current.error?.code).toBe('not-allowed');
    expect(hook.result.current.error?.message).toBe(
      'This meeting does not allow exporting format "csv".',
    );
    await act(() => hook.result.current.download({ names: 'kept' }));
    expect(hook.result.current.error?.code).toBe('not-allowed');
    await act(() => hook.result.current.downloadFiles({ names: 'kept' }));
    expect(hook.result.current.error?.code).toBe('not-allowed');
    expect(saved).toEqual([]);
    // What it allows works, and is the default.
    await act(() => hook.result.current.download());
    expect(hook.result.current.status).toBe('done');
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatch(/^Board chat \d{4}-\d{2}-\d{2}\.txt$/);
  });

  it('with export off, every download fails with "disabled"', async () => {
    const { saved, hook } = setup(false);
    await act(() => hook.result.current.download());
    expect(hook.result.current.error?.code).toBe('disabled');
    await act(() => hook.result.current.downloadFiles());
    expect(hook.result.current.error?.code).toBe('disabled');
    expect(saved).toEqual([]);
  });

  it('a policy allowing only the whole record fails with "disabled", saying it needs the Replay API', async () => {
    const { saved, hook } = setup({ scopes: ['all'] });
    await act(() => hook.result.current.download());
    expect(hook.result.current.error?.code).toBe('disabled');
    expect(hook.result.current.error?.message).toMatch(/scope "all".*Replay API/);
    await act(() => hook.result.current.downloadFiles());
    expect(hook.result.current.error?.code).toBe('disabled');
    expect(hook.result.current.error?.message).toMatch(/Replay API/);
    expect(saved).toEqual([]);
  });

  it('a zip with nothing shared fails clearly with "no-files"', async () => {
    const { saved, hook } = setup({}, 0);
    await act(() => hook.result.current.downloadFiles());
    expect(hook.result.current.error).toMatchObject({
      code: 'no-files',
      message: 'No images or files were shared.',
    });
    expect(saved).toEqual([]);
  });
});
