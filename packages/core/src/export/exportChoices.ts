import type {
  ChatExportChoice,
  ChatExportFormat,
  ChatExportNames,
  ChatExportPolicy,
  ChatExportScope,
  ChatExportTimes,
} from './chatExportTypes';

/** The choices an export may make here: the app's policy, less what this setup cannot do. */
export interface ChatExportChoices {
  /** The first of each list is the default. */
  scopes: readonly ChatExportScope[];
  formats: readonly ChatExportFormat[];
  names: readonly ChatExportNames[];
  times: readonly ChatExportTimes[];
  excel: boolean;
  /** Whether "all files in one zip" is allowed. */
  files: boolean;
}

const FORMATS: readonly ChatExportFormat[] = ['csv', 'txt', 'md'];
const NAMES: readonly ChatExportNames[] = ['kept', 'anonymised'];
const TIMES: readonly ChatExportTimes[] = ['absolute', 'relative'];

/**
 * What `policy` allows (`null`: export is off). "Everything" needs the Replay API; without it the
 * export holds what this person can see, as before.
 */
export function exportChoices(
  policy: ChatExportPolicy | false | undefined,
  hasReplay: boolean,
): ChatExportChoices | null {
  if (policy === false) return null;
  const possible: readonly ChatExportScope[] = hasReplay
    ? ['all', 'visible', 'pinned']
    : ['visible', 'pinned'];
  const scopes = (policy?.scopes ?? possible).filter((s) => possible.includes(s));
  const formats = policy?.formats ?? FORMATS;
  const names = policy?.names ?? NAMES;
  const times = policy?.times ?? TIMES;
  if (!scopes.length || !formats.length || !names.length || !times.length) return null;
  return {
    scopes,
    formats,
    names,
    times,
    excel: policy?.excel !== false,
    files: policy?.files !== false,
  };
}

/** The requested choice, each part defaulted to the first allowed; a string names what is refused. */
export function resolveExportChoice(
  choices: ChatExportChoices,
  requested: Partial<ChatExportChoice>,
): ChatExportChoice | string {
  const parts = [
    ['scope', choices.scopes, requested.scope],
    ['format', choices.formats, requested.format],
    ['names', choices.names, requested.names],
    ['times', choices.times, requested.times],
  ] as const;
  for (const [what, list, value] of parts) {
    if (value !== undefined && !(list as readonly string[]).includes(value)) {
      return `${what} "${String(value)}"`;
    }
  }
  if (requested.excel && !choices.excel) return 'the Excel-friendly option';
  return {
    scope: requested.scope ?? (choices.scopes[0] as ChatExportScope),
    format: requested.format ?? (choices.formats[0] as ChatExportFormat),
    names: requested.names ?? (choices.names[0] as ChatExportNames),
    times: requested.times ?? (choices.times[0] as ChatExportTimes),
    excel: requested.excel === true,
  };
}
