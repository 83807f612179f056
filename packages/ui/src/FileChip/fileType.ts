/** Broad file categories, each with its own icon: `data-file-type` on a `FileChip`. */
export type FileType =
  | 'image'
  | 'video'
  | 'audio'
  | 'pdf'
  | 'archive'
  | 'spreadsheet'
  | 'presentation'
  | 'document'
  | 'text'
  | 'code'
  | 'generic';

const BY_EXTENSION: Record<string, FileType> = {
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  gif: 'image',
  webp: 'image',
  avif: 'image',
  svg: 'image',
  heic: 'image',
  bmp: 'image',
  mp4: 'video',
  mov: 'video',
  webm: 'video',
  mkv: 'video',
  avi: 'video',
  mp3: 'audio',
  wav: 'audio',
  ogg: 'audio',
  m4a: 'audio',
  flac: 'audio',
  aac: 'audio',
  pdf: 'pdf',
  zip: 'archive',
  rar: 'archive',
  '7z': 'archive',
  tar: 'archive',
  gz: 'archive',
  tgz: 'archive',
  bz2: 'archive',
  xz: 'archive',
  csv: 'spreadsheet',
  tsv: 'spreadsheet',
  xls: 'spreadsheet',
  xlsx: 'spreadsheet',
  ods: 'spreadsheet',
  numbers: 'spreadsheet',
  ppt: 'presentation',
  pptx: 'presentation',
  odp: 'presentation',
  key: 'presentation',
  doc: 'document',
  docx: 'document',
  odt: 'document',
  rtf: 'document',
  txt: 'text',
  md: 'text',
  pages: 'document',
  log: 'text',
  js: 'code',
  ts: 'code',
  tsx: 'code',
  jsx: 'code',
  json: 'code',
  html: 'code',
  css: 'code',
  py: 'code',
  go: 'code',
  rs: 'code',
  java: 'code',
  c: 'code',
  cpp: 'code',
  h: 'code',
  sh: 'code',
  yml: 'code',
  yaml: 'code',
  xml: 'code',
  sql: 'code',
};

/** Splits `report.final.pdf` into `report.final` and `.pdf` (no extension: `['name', '']`). */
export function splitExtension(name: string): [stem: string, extension: string] {
  const dot = name.lastIndexOf('.');
  // A leading dot (".env") or a very long "extension" is part of the name.
  if (dot <= 0 || name.length - dot > 12) return [name, ''];
  return [name.slice(0, dot), name.slice(dot)];
}

/** The category of a file from its MIME type, else its extension. */
export function fileTypeOf(name: string, mimeType?: string): FileType {
  const mime = mimeType?.toLowerCase() ?? '';
  if (mime === 'application/pdf') return 'pdf';
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  if (/zip|compressed|x-tar|gzip/.test(mime)) return 'archive';
  if (/spreadsheet|excel|text\/csv/.test(mime)) return 'spreadsheet';
  if (/presentation|powerpoint/.test(mime)) return 'presentation';
  if (mime === 'text/plain' || mime === 'text/markdown') return 'text';
  if (/wordprocessing|msword|opendocument\.text|rtf/.test(mime)) return 'document';
  const ext = splitExtension(name)[1].slice(1).toLowerCase();
  return BY_EXTENSION[ext] ?? 'generic';
}
