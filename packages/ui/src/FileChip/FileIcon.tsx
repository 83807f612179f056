'use client';
import type { FileType } from './fileType';

/** A short label drawn inside the file glyph (no icon font, no colours: `currentColor`). */
const LABEL: Record<FileType, string> = {
  image: 'IMG',
  video: 'VID',
  audio: 'AUD',
  pdf: 'PDF',
  archive: 'ZIP',
  spreadsheet: 'XLS',
  presentation: 'PPT',
  document: 'DOC',
  text: 'TXT',
  code: '</>',
  generic: '',
};

/** A page-with-folded-corner icon labelled by file type; decorative (`aria-hidden`). */
export function FileIcon({ type }: { type: FileType }) {
  return (
    <svg
      className="natter-file__icon"
      data-file-type={type}
      viewBox="0 0 32 40"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d="M3 1h18l8 8v28a2 2 0 0 1-2 2H3a2 2 0 0 1-2-2V3a2 2 0 0 1 2-2z"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      />
      <path d="M21 1v8h8" fill="none" stroke="currentColor" strokeWidth="2" />
      {LABEL[type] ? (
        <text x="15" y="30" textAnchor="middle" fontSize="8" fontWeight="700" fill="currentColor">
          {LABEL[type]}
        </text>
      ) : null}
    </svg>
  );
}

/** An arrow-into-tray download glyph; decorative. */
export function DownloadIcon() {
  return (
    <svg className="natter-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M12 3v12m0 0-5-5m5 5 5-5M4 19h16"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
