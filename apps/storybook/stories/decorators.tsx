import { useEffect, useRef, useState } from 'react';
import type { Decorator } from '@storybook/react-vite';
import { releaseChatStore } from '@natter/core';
import { createLocalChat } from '@natter/core/testing';
import type { ChatExportPolicy, Message } from '@natter/core';
import type { LocalChat, LocalChatOptions } from '@natter/core/testing';
import { ChatProvider } from '@natter/hooks';
import { StringsProvider } from '@natter/ui';

/** Per-story chat setup: `parameters: { natter: { history: 40, live: true } }`. */
export interface NatterParameters {
  /** History messages (a count to generate, or messages). Default 12. */
  history?: number | Message[];
  /** Simulated participants chat, edit, pin and delete every `live` ms (true = 1000). */
  live?: boolean | number;
  /** Anything else createLocalChat takes. */
  chat?: LocalChatOptions;
  /** Called once with the chat, to set up a state (pins, failed sends, ...). */
  setup?: (chat: LocalChat) => void | Promise<void>;
  /** Replay endpoint for the download button (served by MSW in stories). */
  replay?: boolean;
  /** `ChatProvider`'s `exportPolicy`. */
  exportPolicy?: ChatExportPolicy | false;
  /** Render without a ChatProvider (stories of pure components). */
  bare?: boolean;
  /**
   * No `data-natter-theme` (and no story background) around the story: the parts must look
   * right on their own, as in an app that never heard of the theme attribute.
   */
  unthemed?: boolean;
}

const PARTICIPANTS = [
  { userId: 'u-ada', displayName: 'Ada Lovelace' },
  { userId: 'u-grace', displayName: 'Grace Hopper' },
  { userId: 'u-amal', displayName: 'أمل' },
  { userId: 'u-noa', displayName: 'נועה' },
  { userId: 'u-linus', displayName: 'Linus' },
  { userId: 'u-mei', displayName: 'Mei 🎧' },
];

function ChatStory({
  story,
  params,
  participants,
}: {
  story: () => React.ReactNode;
  params: NatterParameters;
  participants: number;
}) {
  const [chat] = useState(() =>
    createLocalChat({
      seed: 42,
      latencyMs: 120,
      history: params.history ?? 12,
      now: new Date('2026-11-20T15:30:00Z'),
      self: { userId: 'u-self', displayName: 'You' },
      participants: PARTICIPANTS.slice(0, Math.max(1, participants)),
      ...params.chat,
    }),
  );
  // Parameters are static per story: read them once, with the chat.
  const first = useRef(params);
  useEffect(() => {
    const { setup, live } = first.current;
    void setup?.(chat);
    const stop = live
      ? chat.simulate.startConversation({ intervalMs: live === true ? 1000 : live })
      : undefined;
    return () => {
      stop?.();
      releaseChatStore(chat);
      chat.dispose();
    };
  }, [chat]);
  return (
    <ChatProvider
      chat={chat}
      selfUserId={chat.self.userId}
      selfDisplayName={chat.self.displayName}
      replay={params.replay ? { endpoint: '/api/chat-replay', sessionId: 'session-42' } : undefined}
      exportPolicy={params.exportPolicy}
    >
      {story()}
    </ChatProvider>
  );
}

/** Theme, direction, locale and layout from the toolbar; a `ChatProvider` over `createLocalChat()`. */
export const withNatter: Decorator = (Story, context) => {
  const theme = (context.globals.theme as string | undefined) ?? 'light';
  const dir = (context.globals.dir as string | undefined) ?? 'ltr';
  const locale = (context.globals.locale as string | undefined) ?? 'en';
  const layout = (context.globals.layout as string | undefined) ?? 'list';
  const participants = Number(context.globals.participants ?? 4);
  const params = (context.parameters.natter ?? {}) as NatterParameters;
  const content = params.bare ? (
    <Story />
  ) : (
    <ChatStory
      story={() => <Story />}
      params={params}
      participants={participants}
      key={`${participants}`}
    />
  );
  if (params.unthemed) {
    return (
      <div lang={locale} dir={dir}>
        {content}
      </div>
    );
  }
  return (
    <div
      data-natter-theme={theme}
      data-natter-layout={layout}
      dir={dir}
      lang={locale}
      className="natter-story-frame"
    >
      {/* The locale selects the kit's shipped string table (loaded on demand). */}
      <StringsProvider locale={locale}>{content}</StringsProvider>
    </div>
  );
};

/** Typed story parameters: `parameters: { natter: natter({ history: 0 }) }`. */
export const natter = (params: NatterParameters): NatterParameters => params;

/** A panel in the frame a meeting's side column gives it (`.story-panel-frame`, preview.css). */
export const withPanelFrame: Decorator = (Story) => (
  <div className="story-panel-frame">
    <Story />
  </div>
);
