/** A file waiting in the composer. `kind: 'image'` is sent with `sendImage` and previewed. */
export interface ComposerAttachment {
  id: string;
  file: File;
  kind: 'image' | 'file';
}

let counter = 0;

export function toAttachments(
  files: Iterable<File>,
  imageTypes: readonly string[],
): ComposerAttachment[] {
  const out: ComposerAttachment[] = [];
  for (const file of files) {
    out.push({
      id: `natter-attachment-${++counter}`,
      file,
      kind: imageTypes.includes(file.type) ? 'image' : 'file',
    });
  }
  return out;
}

/** Files carried by a clipboard or drag event (`files`, else file `items`). */
export function filesOf(data: DataTransfer | null): File[] {
  if (!data) return [];
  if (data.files && data.files.length > 0) return Array.from(data.files);
  const out: File[] = [];
  for (const item of Array.from(data.items ?? [])) {
    if (item.kind !== 'file') continue;
    const file = item.getAsFile();
    if (file) out.push(file);
  }
  return out;
}

/** Whether a drag carries files (its `types` list `Files` before the drop reveals them). */
export function dragHasFiles(data: DataTransfer | null): boolean {
  return data !== null && Array.from(data.types ?? []).includes('Files');
}
