import type { ApiClient } from './api/client.js';

/** Fetches a document with the session's token and hands it to the browser as a download named `filename`. */
export async function downloadFile(
  api: ApiClient,
  path: string,
  query: Record<string, string>,
  filename: string,
): Promise<void> {
  const blob = await api.blob(path, query);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
