'use client';
import { useId, useLayoutEffect, useRef } from 'react';
import type { MouseEvent } from 'react';
import { exportChoices } from '@natter/core';
import type { ChatExportChoice, ChatExportChoices, ChatExportPolicy } from '@natter/core';
import type { UseMenuResult } from '../MessageActions/useMenu';
import { useRecordStrings } from '../strings';
import type { NatterStrings } from '../strings';

/** The groups the menu shows: only lists with more than one allowed choice. */
function groupsOf(choices: ChatExportChoices) {
  return (['scopes', 'formats', 'names', 'times'] as const).filter((g) => choices[g].length > 1);
}

/** How many items the menu has (for the menu's keyboard model). */
export function menuItemCount(policy: ChatExportPolicy | false | undefined, hasReplay: boolean) {
  const choices = exportChoices(policy, hasReplay);
  if (!choices) return 0;
  const radios = groupsOf(choices).reduce((sum, g) => sum + choices[g].length, 0);
  return radios + (choices.excel ? 1 : 0) + 1 + (choices.files ? 1 : 0);
}

/** The checked state, shown (screen readers get it from `aria-checked`). */
function Check({ on }: { on: boolean }) {
  return <span aria-hidden="true">{on ? '✓ ' : '\u2003'}</span>;
}

const WORDS = [
  'scopes',
  'formats',
  'names',
  'times',
  'all',
  'visible',
  'pinned',
  'csv',
  'txt',
  'md',
  'kept',
  'anonymised',
  'absolute',
  'relative',
  'excel',
  'download',
  'files',
] as const;
/** The export menu's words: the strings' `exportScopes`, `exportAll`, … of the locale in effect. */
export type ExportMenuStrings = Record<(typeof WORDS)[number], string>;

/** The menu's words from the locale's strings (`scopes` is `exportScopes`, and so on). */
function menuWords(strings: NatterStrings): ExportMenuStrings {
  const words = {} as ExportMenuStrings;
  for (const word of WORDS) {
    const key = `export${word[0]?.toUpperCase() ?? ''}${word.slice(1)}` as keyof NatterStrings;
    words[word] = strings[key] as string;
  }
  return words;
}

const KEYS = { scopes: 'scope', formats: 'format', names: 'names', times: 'times' } as const;

export interface ExportMenuProps {
  menu: UseMenuResult;
  policy: ChatExportPolicy | false | undefined;
  hasReplay: boolean;
  /** What was picked so far; the rest is the policy's default. */
  picked: Partial<ChatExportChoice>;
  onChange(next: Partial<ChatExportChoice>): void;
  onDownload(): void;
  onDownloadFiles(names: ChatExportChoice['names']): void;
  strings?: Partial<ExportMenuStrings> | undefined;
}

/**
 * The items of `DownloadChatButton`'s menu, loaded on first open: radio groups (what, format,
 * names, times), the Excel-friendly checkbox, then Download and All files. Picking a radio or
 * the checkbox keeps the menu open; Download closes it and returns focus to the menu button.
 */
export default function ExportMenu(props: ExportMenuProps) {
  const { menu, picked, onChange } = props;
  const { strings } = useRecordStrings();
  const t = { ...menuWords(strings), ...props.strings };
  const choices = exportChoices(props.policy, props.hasReplay);
  const id = useId();
  const root = useRef<HTMLDivElement | null>(null);
  let index = 0;
  // Loaded after the menu opened: put the focus on its first item in the commit that shows it.
  useLayoutEffect(() => {
    root.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
  }, []);
  const keep = (change: Partial<ChatExportChoice>) => (event: MouseEvent) => {
    event.preventDefault(); // a radio or checkbox keeps the menu open
    onChange(change);
  };
  const done = (run: () => void) => () => {
    menu.close(true);
    run();
  };
  if (!choices) return null;
  const chosen: ChatExportChoice = {
    scope: picked.scope ?? (choices.scopes[0] as ChatExportChoice['scope']),
    format: picked.format ?? (choices.formats[0] as ChatExportChoice['format']),
    names: picked.names ?? (choices.names[0] as ChatExportChoice['names']),
    times: picked.times ?? (choices.times[0] as ChatExportChoice['times']),
    excel: picked.excel === true,
  };

  return (
    <div ref={root} className="natter-export-menu">
      {groupsOf(choices).map((group) => (
        <div key={group} role="group" aria-labelledby={`${id}-${group}`}>
          <div id={`${id}-${group}`} className="natter-export-menu__label" role="presentation">
            {t[group]}
          </div>
          {choices[group].map((value) => {
            const checked = chosen[KEYS[group]] === value;
            return (
              <button
                key={value}
                {...menu.getItemProps(index++, () => undefined, {
                  role: 'menuitemradio',
                  'aria-checked': checked,
                  onClick: keep({ [KEYS[group]]: value }),
                })}
                className="natter-actions__item"
              >
                <Check on={checked} />
                {t[value]}
              </button>
            );
          })}
        </div>
      ))}
      {choices.excel ? (
        <button
          {...menu.getItemProps(index++, () => undefined, {
            role: 'menuitemcheckbox',
            'aria-checked': chosen.excel,
            onClick: keep({ excel: !chosen.excel }),
          })}
          className="natter-actions__item"
        >
          <Check on={chosen.excel} />
          {t.excel}
        </button>
      ) : null}
      <div role="separator" className="natter-export-menu__separator" />
      <button
        {...menu.getItemProps(index++, done(props.onDownload))}
        className="natter-actions__item"
      >
        {t.download}
      </button>
      {choices.files ? (
        <button
          {...menu.getItemProps(
            index++,
            done(() => props.onDownloadFiles(chosen.names)),
          )}
          className="natter-actions__item"
        >
          {t.files}
        </button>
      ) : null}
    </div>
  );
}
