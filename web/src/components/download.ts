/**
 * Downloads a file the server builds (an export, a PDF) with the session cookie: the answer is read as a blob and
 * saved under the name the server gives (Content-Disposition); an error answer comes back as `ApiError` with its
 * code, so the button that asked shows it in the user's language.
 */
import { ApiError, signalUnauthorised } from '../api.ts';

/** The file name of a Content-Disposition header (`filename*=UTF-8''…` first, then `filename="…"`). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {}
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1]!.trim() : fallback;
}

/** Saves `blob` as `name` through a temporary link (the browser's download). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked once the browser has taken the download.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** GETs `url` and saves the answer; resolves with the file name once saved. */
export async function download(url: string, fallbackName: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network.unreachable', 'the server cannot be reached');
  }
  if (!response.ok) {
    let error: { code?: string; message?: string; details?: unknown } = {};
    try {
      error = (await response.json()) as typeof error;
    } catch {}
    if (response.status === 401) signalUnauthorised();
    throw new ApiError(
      response.status,
      error.code ?? `http.${response.status}`,
      error.message ?? response.statusText,
      error.details,
    );
  }
  const name = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  saveBlob(await response.blob(), name);
  return name;
}
