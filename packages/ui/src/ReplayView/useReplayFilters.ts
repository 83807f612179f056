'use client';
import { useMemo, useState } from 'react';
import { IdList } from '@natter/core';
import type { ChatEntry, MessageKind } from '@natter/core';
import { shownName } from '../utils/displayName';

export interface ReplayFilters {
  /** A participant's user id, or `''` for everyone. */
  participant: string;
  /** A message kind, or `''` for every kind. */
  type: MessageKind | '';
  search: string;
  pinnedOnly: boolean;
}

export const NO_FILTERS: ReplayFilters = {
  participant: '',
  type: '',
  search: '',
  pinnedOnly: false,
};

/** Text a search matches: message text, custom text and HTML source, file names, sender. */
function searchableText(entry: ChatEntry): string {
  switch (entry.type) {
    case 'text':
      return entry.message;
    case 'file':
      return entry.name;
    case 'image':
      return '';
    case 'custom':
      return `${entry.message ?? ''}\n${entry.html ?? ''}`;
  }
}

/** The participants of a replay (first-seen order) and the ids matching the filters. */
export function useReplayFilters(messages: readonly ChatEntry[]) {
  const [filters, setFilters] = useState<ReplayFilters>(NO_FILTERS);
  const participants = useMemo(() => {
    const seen = new Map<string, string>();
    for (const m of messages)
      if (!seen.has(m.userId)) seen.set(m.userId, shownName(m.displayName || m.userId).text);
    return [...seen].map(([userId, name]) => ({ userId, name }));
  }, [messages]);
  const ids = useMemo(() => {
    const term = filters.search.trim().toLocaleLowerCase();
    const out: string[] = [];
    for (const m of messages) {
      if (filters.participant && m.userId !== filters.participant) continue;
      if (filters.type && m.type !== filters.type) continue;
      if (filters.pinnedOnly && m.pinned !== true) continue;
      if (term && !searchableText(m).toLocaleLowerCase().includes(term)) continue;
      out.push(m.id);
    }
    return IdList.from(out);
  }, [messages, filters]);
  return { filters, setFilters, participants, ids };
}
