import { type APIRequestContext, request } from 'playwright-core';

/** An API session of another user (own cookie jar), for side actions a journey needs from them. */
export async function userSession(baseUrl: string, email: string, password: string) {
  const context: APIRequestContext = await request.newContext({ baseURL: baseUrl });
  const login = await context.post('/api/auth/login', { data: { email, password } });
  if (!login.ok()) throw new Error(`login ${email}: ${login.status()} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const call = async <T>(method: 'POST' | 'PUT' | 'GET', path: string, body?: unknown): Promise<T> => {
    const response = await context.fetch(`/api${path}`, {
      method,
      ...(body === undefined ? {} : { data: body }),
      headers: { 'x-csrf-token': csrfToken },
    });
    if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown = {}) => call<T>('POST', path, body),
    put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
    dispose: () => context.dispose(),
  };
}
