import type { Message } from '../types';

/** One message as a transcript shows it, names already chosen (kept or anonymised). */
export interface TranscriptLine {
  time: string;
  name: string;
  /** Recipients' names when the message is private. */
  privateTo?: string[];
  pinned: boolean;
  edited: boolean;
  text: string;
  /** Attachments: what they are, their name and link (`''` when dropped). */
  files: { kind: 'image' | 'file' | 'video'; name: string; link: string }[];
}

/** Only links a reader may safely follow: `http:`, `https:`, `blob:`. */
function safeLink(link: string): string {
  return /^(https?|blob):/i.test(link.trim()) ? link.trim() : '';
}

/** Plain text: `[10:00:05] Ada (private to Grace) [pinned]: text`, attachments indented. */
export function writeTextTranscript(title: string, lines: readonly TranscriptLine[]): string {
  const out = [title, '='.repeat(Math.min(80, Array.from(title).length)), ''];
  for (const line of lines) {
    const marks = [
      line.privateTo ? `(private to ${line.privateTo.join(', ')})` : '',
      line.pinned ? '[pinned]' : '',
      line.edited ? '(edited)' : '',
    ].filter(Boolean);
    const head = `[${line.time}] ${line.name}${marks.length ? ` ${marks.join(' ')}` : ''}:`;
    const [first = '', ...rest] = line.text.split(/\r\n|\r|\n/);
    out.push(first ? `${head} ${first}` : head, ...rest.map((l) => `    ${l}`));
    for (const file of line.files) {
      const link = safeLink(file.link);
      out.push(
        `    ${file.kind === 'image' ? 'Image' : 'File'}: ${file.name}${link ? ` <${link}>` : ''}`,
      );
    }
  }
  return `${out.join('\r\n')}\r\n`;
}

/**
 * Escapes text so Markdown shows it as typed: `[x](javascript:…)`, `<img onerror=…>`, `# heading`,
 * `1. list`, `**bold**` and `| tables |` stay literal (backslash escapes, which CommonMark allows on
 * any ASCII punctuation); `&` becomes `&amp;` so no entity or tag forms; `:`, `@` and `www.` are
 * escaped so GFM does not turn a typed `https://…`, `www.…` or e-mail address into a link.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/^[ \t]+/gm, '')
    .replace(/[\\`*_[\]()<>#!|~:@{}]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/^([+\-=])/gm, '\\$1')
    .replace(/^(\d+)([.)])/gm, '$1\\$2')
    .replace(/\b(www)\./gi, '$1\\.');
}

/** A link destination Markdown cannot break out of: angle brackets, spaces and parens encoded. */
function markdownLink(label: string, link: string): string {
  const safe = safeLink(link);
  if (!safe) return escapeMarkdown(label);
  const destination = safe.replace(
    /[\s<>()\\`"']/g,
    (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`,
  );
  return `[${escapeMarkdown(label)}](<${destination}>)`;
}

/** Markdown: a heading, then each message as a paragraph, hostile text escaped. */
export function writeMarkdownTranscript(title: string, lines: readonly TranscriptLine[]): string {
  const out = [`# ${escapeMarkdown(title)}`, ''];
  for (const line of lines) {
    const marks = [
      line.privateTo ? `_private to ${line.privateTo.map(escapeMarkdown).join(', ')}_` : '',
      line.pinned ? '📌 **pinned**' : '',
      line.edited ? '_(edited)_' : '',
    ].filter(Boolean);
    out.push(
      `**${line.time}** · **${escapeMarkdown(line.name)}**${marks.length ? ` · ${marks.join(' · ')}` : ''}  `,
    );
    const text = line.text.split(/\r\n|\r|\n/).map(escapeMarkdown);
    if (line.text) out.push(text.join('  \n'));
    for (const file of line.files) {
      out.push(
        `${file.kind === 'image' ? 'Image' : 'File'}: ${markdownLink(file.name, file.link)}`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}

/** The text and attachments of a message, for a transcript. */
export function transcriptContent(message: Message): Pick<TranscriptLine, 'text' | 'files'> {
  switch (message.type) {
    case 'text':
      return { text: message.message, files: [] };
    case 'image':
      return { text: '', files: [{ kind: 'image', name: 'image', link: message.link }] };
    case 'file':
      return { text: '', files: [{ kind: 'file', name: message.name, link: message.link }] };
    default: {
      const files = [
        ...(message.images ?? []).map((f) => ({
          kind: 'image' as const,
          name: f.name ?? 'image',
          link: f.link,
        })),
        ...(message.files ?? []).map((f) => ({
          kind: 'file' as const,
          name: f.name ?? 'file',
          link: f.link,
        })),
        ...(message.videos ?? []).map((f) => ({
          kind: 'video' as const,
          name: f.name ?? 'video',
          link: f.link,
        })),
      ];
      return { text: message.message ?? '', files };
    }
  }
}
