import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChatEntry, Participant } from '@natter/core';
import { expectNoAxeViolations } from '../../test/axe';
import { filterPeople } from '../Composer/MentionCombobox';
import { Message } from './Message';
import { mentionsOf, mentionsSelf, splitMentions } from './mentions';

const names = mentionsOf(['Ada', 'Ada Lovelace', 'Grace Hopper', '\u202eAlan'], 'Sam').names;

function entry(text: string, displayName = 'Ada Lovelace'): ChatEntry {
  return {
    id: 'm1',
    type: 'text',
    userId: 'u-ada',
    displayName,
    time: new Date(2026, 10, 20, 12),
    timeMs: new Date(2026, 10, 20, 12).getTime(),
    message: text,
    status: 'sent',
  } as ChatEntry;
}

describe('mentions in text', () => {
  it('reads @Name of a known person, the longest name first, only as a whole word', () => {
    expect(splitMentions('Hi @Ada Lovelace and @Ada, mail ada@Ada.org or @Adam', names)).toEqual([
      { text: 'Hi ' },
      { text: '@Ada Lovelace', name: 'Ada Lovelace' },
      { text: ' and ' },
      { text: '@Ada', name: 'Ada' },
      { text: ', mail ada@Ada.org or @Adam' },
    ]);
    // Names are cleaned of direction overrides before they are matched.
    expect(splitMentions('@Alan', names)).toEqual([{ text: '@Alan', name: 'Alan' }]);
    expect(splitMentions('no mention here', names)).toEqual([{ text: 'no mention here' }]);
  });

  it('marks a message only for the exact name: a look-alike (Cyrillic А) is not you', () => {
    const mine = mentionsOf(['Ada Lovelace', 'Sam Rivera'], 'Sam Rivera');
    expect(mentionsSelf('@Sam Rivera look', mine)).toBe(true);
    expect(mentionsSelf('@Sam Riveras look', mine)).toBe(false);
    expect(mentionsSelf('@\u0405am Rivera look', mine)).toBe(false);
    expect(mentionsSelf('@Sam Rivera', mentionsOf(['Sam Rivera']))).toBe(false);
  });

  it('renders mentions inert and marks the message that mentions you, in words', async () => {
    const mentions = mentionsOf(['<img src=x onerror=alert(1)>', 'Sam Rivera'], 'Sam Rivera');
    const { container } = render(
      <main data-natter-theme="light">
        <Message
          message={entry('@<img src=x onerror=alert(1)> and @Sam Rivera: https://example.com')}
          mentions={mentions}
        />
      </main>,
    );
    await expectNoAxeViolations(container);
    expect(container.querySelector('img')).toBeNull();
    const strong = container.querySelectorAll('strong.natter-mention');
    expect([...strong].map((s) => s.textContent)).toEqual([
      '@<img src=x onerror=alert(1)>',
      '@Sam Rivera',
    ]);
    expect([...strong].some((s) => s.querySelector('a'))).toBe(false);
    expect(screen.getByText('Mentions you')).toBeTruthy();
    expect(container.querySelector('article')?.getAttribute('data-mentioned')).toBe('self');
    // The link beside them still works as a link.
    expect(screen.getByRole('link').getAttribute('href')).toBe('https://example.com/');
  });

  it('does not mark your own message that names you', () => {
    const { container } = render(
      <Message
        message={entry('@Sam Rivera is me', 'Sam Rivera')}
        origin="local"
        mentions={mentionsOf(['Sam Rivera'], 'Sam Rivera')}
      />,
    );
    expect(container.querySelector('[data-mentioned]')).toBeNull();
    expect(container.querySelector('strong.natter-mention')).not.toBeNull();
  });
});

describe('filterPeople', () => {
  const people = ['Zoë Åberg', 'ada lovelace', 'Alan Turing', 'Grace Hopper'].map(
    (name, i): Participant =>
      ({
        userId: `u${i}`,
        name,
        isSelf: false,
        status: 'joined',
      }) as Participant,
  );
  const names = (query: string) => filterPeople(people, query).map((p) => p.name);

  it('ignores case and accents, puts names that start with the query first', () => {
    expect(names('A')).toEqual(['ada lovelace', 'Alan Turing', 'Zoë Åberg']);
    expect(names('zoe')).toEqual(['Zoë Åberg']);
    expect(names('ABERG')).toEqual(['Zoë Åberg']);
    expect(names('grace h')).toEqual(['Grace Hopper']);
    expect(names('xyz')).toEqual([]);
    expect(names('')).toHaveLength(4);
  });
});
