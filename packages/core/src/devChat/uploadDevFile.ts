import { ChatError } from '../ChatError';
import { serverError } from './createDevConnection';

export interface UploadedFile {
  id: string;
  url: string;
  name: string;
  size: number;
  type: string;
}

/**
 * Uploads a file to the dev server (`POST /v1/uploads`, raw body, the name percent-encoded in
 * `X-File-Name`) and returns its id for an image or file message. Refusals reject with a
 * `ChatError`: `file-too-large` (413), `unsupported` (415), `network` when the server is unreachable.
 */
export async function uploadDevFile(
  fetchImpl: typeof fetch,
  baseUrl: string,
  token: string,
  file: Blob & { name?: string },
): Promise<UploadedFile> {
  let response: Response;
  try {
    response = await fetchImpl(`${baseUrl}/v1/uploads`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': file.type || 'application/octet-stream',
        'X-File-Name': encodeURIComponent(file.name || 'file'),
      },
      body: file,
    });
  } catch (cause) {
    throw new ChatError(
      'network',
      'The file could not reach the server. Check the connection and retry.',
      { cause },
    );
  }
  const body = (await response.json().catch(() => undefined)) as
    { data?: UploadedFile; error?: { code?: string; message?: string } } | undefined;
  if (response.ok && body?.data) return body.data;
  const message = body?.error?.message ?? `The upload failed with HTTP ${response.status}.`;
  if (response.status === 413) throw new ChatError('file-too-large', message);
  if (response.status === 415) throw new ChatError('unsupported', message);
  throw serverError(body?.error?.code ?? `http-${response.status}`, message);
}
