import i18next from 'i18next';
import { ApiError, toProblem } from '../lib/problem';

/**
 * The console's HTTP client: same-origin JSON with the session cookie, the CSRF token echoed from the XSRF-TOKEN
 * cookie on every state-changing call, and errors thrown as {@link ApiError} carrying the problem details.
 * A 401 on anything but the login itself means the session is gone: listeners send the operator to the login page.
 */
type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

function csrfToken(): string | undefined {
  const match = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.slice('XSRF-TOKEN='.length)) : undefined;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/**
 * A link the browser follows by itself (an export): the query plus the operator's language, which a link cannot send
 * as a header, so the file's messages (reasons) come in it.
 */
export function downloadUrl(path: string, query?: Query): string {
  return withQuery(path, { ...query, lang: i18next.language });
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * The headers of every call: what it accepts, the operator's language (the server says its messages in it) and, on a
 * change, the CSRF token.
 */
export function requestHeaders(accept = 'application/json, application/problem+json', change = true): Record<string, string> {
  const headers: Record<string, string> = { Accept: accept };
  // the console's i18next instance (set up in i18n/index.ts): its language is the operator's choice
  if (i18next.language) headers['Accept-Language'] = i18next.language;
  if (change) {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  return headers;
}

/**
 * Sends a call; an answer with an error status throws {@link ApiError} with its problem details (and a 401 tells the
 * session listeners), an unreachable server throws a network problem.
 */
async function send(method: string, path: string, headers: Record<string, string>, body?: unknown, quiet401 = false): Promise<Response> {
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { status: 0, type: 'network' });
  }
  if (!response.ok) {
    const problem = toProblem(response.status, await response.text(), response.headers.get('Content-Type'));
    if (response.status === 401 && !quiet401) unauthenticatedListeners.forEach((l) => l());
    throw new ApiError(response.status, problem);
  }
  return response;
}

async function request<T>(method: string, path: string, body?: unknown, quiet401 = false): Promise<T> {
  const response = await send(method, path, requestHeaders(undefined, method !== 'GET'), body, quiet401);
  const text = await response.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(response.status, { status: response.status, type: 'bad-response' });
  }
}

/** The file name of an attachment: RFC 6266's filename* (UTF-8, percent-encoded) first, else its plain filename. */
export function fileNameOf(contentDisposition: string | null): string | undefined {
  if (!contentDisposition) return undefined;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(contentDisposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      /* badly encoded: try the plain name */
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(contentDisposition);
  const name = plain?.[1] ?? plain?.[2];
  return name && !name.startsWith('=?') ? name : undefined;
}

/**
 * A file the server makes on request (a payout file, printed cheques), fetched and then saved under the server's file
 * name. Unlike a plain link, a refusal is not lost: it throws {@link ApiError} with the server's problem details, for
 * useProblem().show. For files that are small enough to hold in memory; large exports stay links (downloadUrl).
 */
export async function download(path: string, fallbackName: string, post?: { body: unknown; accept: string }): Promise<void> {
  const accept = `${post?.accept ?? '*/*'}, application/problem+json`;
  const response = await send(post ? 'POST' : 'GET', path, requestHeaders(accept, !!post), post?.body);
  saveFile(await response.blob(), fileNameOf(response.headers.get('Content-Disposition')) ?? fallbackName);
}

function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  delete: <T>(path: string, query?: Query) => request<T>('DELETE', withQuery(path, query)),
  /** For the login and the first "who am I": a 401 there is an answer, not an expired session. */
  quiet: {
    get: <T>(path: string) => request<T>('GET', path, undefined, true),
    post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}, true),
  },
};
