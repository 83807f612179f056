import { ChatError, createTrustedObjectUrl, parseChatDump } from '@natter/core';
import type { ChatEntry, Message, MessageStatus } from '@natter/core';
import { expect, spyOn } from 'storybook/test';

/** The fixed "now" of every story (the decorator's local chat uses the same). */
export const NOW = new Date('2026-11-20T15:30:00Z');
export const SELF_ID = 'u-self';

const at = (minutesBefore: number) => new Date(NOW.getTime() - minutesBefore * 60_000);

function svgBlob(label: string, hue: number, width = 320, height = 180): Blob {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="${width}" height="${height}" fill="hsl(${hue} 55% 42%)"/>` +
    `<circle cx="${width * 0.8}" cy="${height * 0.3}" r="${height * 0.18}" fill="hsl(${(hue + 40) % 360} 70% 70%)"/>` +
    `<text x="${width / 2}" y="${height / 2 + 10}" font-family="sans-serif" font-size="28" fill="white" text-anchor="middle">${label}</text></svg>`;
  return new Blob([svg], { type: 'image/svg+xml' });
}

const urls = new Map<string, string>();
/** A deterministic picture as a trusted `blob:` URL (offline, allowed by `safeUrl`), made once per page. */
export function imageUrl(label: string, hue = 210): string {
  const key = `${label}:${hue}`;
  let url = urls.get(key);
  if (url === undefined) {
    url = createTrustedObjectUrl(svgBlob(label, hue));
    urls.set(key, url);
  }
  return url;
}

/** A picture of the given intrinsic size (portrait, landscape, ...) as a trusted `blob:` URL. */
export function pictureUrl(label: string, width: number, height: number): string {
  const key = `${label}:${width}x${height}`;
  let url = urls.get(key);
  if (url === undefined) {
    url = createTrustedObjectUrl(svgBlob(label, 150, width, height));
    urls.set(key, url);
  }
  return url;
}

/** A `blob:` URL whose content is not an image: an `<img>` fails to load it (the error state). */
export function brokenImageUrl(): string {
  let url = urls.get('broken');
  if (url === undefined) {
    url = createTrustedObjectUrl(new Blob(['not an image'], { type: 'text/plain' }));
    urls.set('broken', url);
  }
  return url;
}

/** A small real PNG (160×90, four colour bands), as a pending upload carries it. */
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAKAAAABaCAIAAACwpMoFAAABBklEQVR42u3RoRVAUBQAUMkYkmIBSbeAJJhDcI4FVNECqmIS/U/ypT/DK/ecu8Gt2ukLsV05RH7GEMO9hqgECxYsWLBgwYIFCxYsWLBgwYIFCxYsWLBgwYIFCxYsWLBgwYIFCxYsWLBgwYIFCxYsWLBgwYIFCxYsWLBgwYIFCxYsWLBgwYIFCxYsWLBgwYIFCxYsWLBgwYIFCy7Bdf+GWPYUIp1diOaYQwgWLFiwYMGCBQsWLFiwYMGCBQsWLFiwYMGCBQsWLFiwYMGCBQsWLFiwYMGCBQsWLFiwYMGCBQsWLFiwYMGCBQsWLFiwYMGCBQsWLFiwYMGCBQsWLFiwYMGCBQsWXPzrGON9dZtJVwAAAABJRU5ErkJggg==';
export const imageFile = (name: string) =>
  new File([Uint8Array.from(atob(PNG_BASE64), (c) => c.charCodeAt(0))], name, {
    type: 'image/png',
  });

export const textFile = (name: string, size = 2048) =>
  new File(['x'.repeat(size)], name, { type: 'text/plain' });

/** A deterministic file link (never fetched by a story: the download needs a click). */
export const fileLink = (name: string) =>
  `https://files.natter.example/${encodeURIComponent(name)}`;

interface EntryOptions {
  status?: MessageStatus;
  pinned?: boolean;
  edited?: boolean;
  userId?: string;
  displayName?: string;
  minutesBefore?: number;
  error?: string;
}

let counter = 0;
/** A store entry for the pure `Message` stories. */
export function entryOf(content: Message | Omit<Message, keyof Base>, o: EntryOptions = {}) {
  counter += 1;
  const id = 'id' in content && typeof content.id === 'string' ? content.id : `m-${counter}`;
  const userId = o.userId ?? ('userId' in content ? content.userId : 'u-ada');
  const time = o.minutesBefore === undefined ? at(counter % 50) : at(o.minutesBefore);
  const status = o.status ?? 'sent';
  const entry = {
    id,
    userId,
    displayName: o.displayName ?? ('displayName' in content ? content.displayName : 'Ada Lovelace'),
    time,
    timeMs: time.getTime(),
    isEdited: o.edited ?? false,
    pinned: o.pinned ?? false,
    targetUserIds: [],
    ...content,
    status,
    clientKey: id,
    error:
      status === 'failed'
        ? new ChatError(
            'network',
            o.error ?? 'The message could not reach the server. Check the connection and retry.',
          )
        : undefined,
  } as ChatEntry;
  return entry;
}
type Base = Pick<Message, 'id' | 'userId' | 'displayName' | 'time'>;

/** Sample content of each kind. */
export const content = {
  text: (message = 'The deck is in the shared drive, slide 12.') => ({
    type: 'text' as const,
    message,
  }),
  image: (label = 'Slide 4', hue = 210) => ({ type: 'image' as const, link: imageUrl(label, hue) }),
  file: (name = 'quarterly-report.final.pdf', size = 482_113) => ({
    type: 'file' as const,
    link: fileLink(name),
    name,
    size,
  }),
  custom: () => ({
    type: 'custom' as const,
    message: 'Poll: ship on Thursday?',
    html: '<b>Yes</b> 4 · <b>No</b> 1',
    files: [{ link: fileLink('poll-results.csv'), name: 'poll-results.csv', size: 812 }],
  }),
};

/** Untrusted input of every flavour a chat sees. */
export const HOSTILE_LINES = [
  '<script>alert("xss")</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">click me</a>',
  'javascript:alert(document.cookie)',
  'JaVaScRiPt:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1) and file:///etc/passwd',
  'https://example.com/"><script>alert(1)</script>',
  'Bidi override: \u202Egnp.exe\u202C and \u2067isolate\u2069 \u200Fmark',
  '{{constructor.constructor("alert(1)")()}} ${alert(1)} =HYPERLINK("http://evil")',
];
export const HOSTILE_TEXT = HOSTILE_LINES.join('\n');

/** A 100 kB message: one unbroken word, then words, to test wrapping and rendering cost. */
export const HUGE_TEXT = `${'A'.repeat(50_000)} ${'lorem ipsum '.repeat(4_200)}`.slice(0, 100_000);

export const LONG_TEXT = [
  'Here is the summary of everything we discussed today, so nobody has to rewatch the recording:',
  '1. The release moves to Thursday, behind the new-composer flag, with the rollout at 10 % first.',
  '2. Billing: Grace owns the follow-up with finance; the duplicated invoices were a retry bug.',
  '3. Latency: p95 went from 420 ms to 180 ms after the edge cache change — see https://example.com/dashboards/latency?range=7d&compare=previous-week.',
  'A very long identifier that must wrap: supercalifragilisticexpialidocious_supercalifragilisticexpialidocious_supercalifragilisticexpialidocious.',
  'Thanks all 🎉',
].join('\n');

/** History with hostile content in every field a message has. */
export function hostileHistory(): Message[] {
  const t = (m: number) => ({ time: at(m), timeMs: at(m).getTime() });
  return [
    {
      id: 'h-8',
      userId: 'u-mallory',
      displayName: 'Mallory',
      ...t(12),
      type: 'text',
      message: HUGE_TEXT,
    },
    {
      id: 'h-1',
      userId: 'u-mallory',
      displayName: '<img src=x onerror=alert(1)>Mallory\u202E',
      ...t(9),
      type: 'text',
      message: HOSTILE_TEXT,
    },
    {
      id: 'h-2',
      userId: 'u-mallory',
      displayName: 'Mallory',
      ...t(8),
      type: 'image',
      link: 'javascript:alert(1)',
    },
    {
      id: 'h-3',
      userId: 'u-mallory',
      displayName: 'Mallory',
      ...t(7),
      type: 'image',
      link: 'data:text/html,<script>alert(1)</script>',
    },
    {
      id: 'h-4',
      userId: 'u-mallory',
      displayName: 'Mallory',
      ...t(6),
      type: 'file',
      link: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      name: 'invoice\u202Efdp.exe',
      size: 1024,
    },
    {
      id: 'h-5',
      userId: 'u-mallory',
      displayName: 'Mallory',
      ...t(5),
      type: 'file',
      link: 'javascript:alert(1)//report.pdf',
      name: '<script>alert(1)</script>.pdf',
      size: 2048,
    },
    {
      id: 'h-6',
      userId: 'u-mallory',
      displayName: 'Mallory',
      ...t(4),
      type: 'custom',
      message: 'A plugin message',
      html: '<img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a>',
      images: [{ link: 'javascript:alert(1)', name: 'evil.png' }],
      files: [{ link: 'data:text/html,<script>alert(1)</script>', name: 'evil.html' }],
      videos: [{ link: 'javascript:alert(1)', name: 'evil video' }],
    },
    {
      id: 'h-7',
      userId: 'u-ada',
      displayName: 'Ada Lovelace',
      ...t(2),
      type: 'text',
      message: 'A safe link for contrast: https://example.com/docs and mailto:ada@example.com',
    },
  ];
}

const SAFE = /^(?:https?:|mailto:|blob:)/i;

/** No script, no inline handler, no `href`/`src` other than http(s), mailto or blob in `root`. */
export async function expectNoUnsafeMarkup(root: Element) {
  const unsafe: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (el.tagName === 'SCRIPT') unsafe.push('<script>');
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) unsafe.push(`${el.tagName} ${name}`);
      if (['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href'].includes(name)) {
        if (!SAFE.test(attr.value.trim())) unsafe.push(`${el.tagName} ${name}=${attr.value}`);
      }
    }
  }
  await expect(unsafe).toEqual([]);
}

/** Every participant speaks; used by stories that need a few fixed messages. */
export const PEOPLE = {
  ada: { userId: 'u-ada', displayName: 'Ada Lovelace' },
  grace: { userId: 'u-grace', displayName: 'Grace Hopper' },
  amal: { userId: 'u-amal', displayName: 'أمل' },
  noa: { userId: 'u-noa', displayName: 'נועה' },
  self: { userId: SELF_ID, displayName: 'You' },
};

/** A short conversation with images, files, pins and an edit, as history for list stories. */
export function sampleHistory(): Message[] {
  const rows: [keyof typeof PEOPLE, Omit<Message, keyof Base>, Partial<Message>?][] = [
    ['ada', content.text('Good morning! Sharing the slides in a second.')],
    ['ada', content.image('Slide 1', 200)],
    ['grace', content.text('Thanks. Can you go back to the latency graph?'), { pinned: true }],
    ['self', content.text('Here is the report we talked about.')],
    ['self', content.file('quarterly-report.final.pdf', 482_113)],
    ['amal', content.text('مرحبا بالجميع! هل يمكنكم سماعي؟')],
    ['noa', content.text('שלום, אני כאן'), { isEdited: true }],
    ['grace', content.image('Slide 2', 120)],
    ['ada', content.file('meeting-notes.txt', 3_204)],
    ['grace', content.text('Agreed, let us ship it behind a flag first.'), { isEdited: true }],
    ['self', content.text('I have a hard stop at half past.')],
  ];
  return rows.map(([who, body, extra], i) => {
    const time = at((rows.length - i) * 2);
    return {
      id: `s-${i + 1}`,
      ...PEOPLE[who],
      time,
      timeMs: time.getTime(),
      isEdited: false,
      pinned: false,
      targetUserIds: [],
      ...body,
      ...extra,
    } as Message;
  });
}

/** The Chat Replay API's CSV header, as the docs give it. */
export const CHAT_CSV_HEADER =
  'id,participantId,sessionId,meetingId,displayName,pinned,isEdited,payloadType,payload,createdAt';

/**
 * Captures what the page saves: `saveBlob` makes an object URL for the Blob and clicks a hidden
 * `<a download>`. The click is swallowed (nothing leaves the browser), the Blob and name kept.
 */
export function captureDownloads() {
  const saved: { blob: Blob; name: string }[] = [];
  const blobs = new Map<string, Blob>();
  const create = URL.createObjectURL.bind(URL);
  const createSpy = spyOn(URL, 'createObjectURL').mockImplementation((obj: Blob | MediaSource) => {
    const url = create(obj);
    if (obj instanceof Blob) blobs.set(url, obj);
    return url;
  });
  const clickSpy = spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const blob = blobs.get(this.href);
    if (blob) saved.push({ blob, name: this.download });
  });
  return {
    saved,
    restore() {
      createSpy.mockRestore();
      clickSpy.mockRestore();
    },
  };
}

/** The saved file is a chat dump: the documented header, then `rows` messages that parse. */
export async function expectChatCsv(blob: Blob, rows: number) {
  const text = await blob.text();
  await expect(text.split('\r\n')[0]).toBe(CHAT_CSV_HEADER);
  const { messages, errors } = await parseChatDump(blob);
  await expect(errors).toEqual([]);
  await expect(messages).toHaveLength(rows);
  return messages;
}
