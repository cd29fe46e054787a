import type { APIRequestContext, BrowserContext } from 'playwright-core';

/**
 * The browser's own session used for API calls a test makes on the side (e.g. starting an instance):
 * the context's request client shares the session cookie; writes carry the CSRF token from `/me`.
 */
export async function apiSession(context: BrowserContext, baseUrl: string) {
  const request: APIRequestContext = context.request;
  const me = await request.get(`${baseUrl}/api/auth/me`);
  if (!me.ok()) throw new Error(`not signed in: ${me.status()} ${await me.text()}`);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const post = async <T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> => {
    const response = await request.post(`${baseUrl}/api${path}`, {
      data: body,
      headers: { 'x-csrf-token': csrfToken, ...headers },
    });
    if (!response.ok()) throw new Error(`POST ${path}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return { post };
}
