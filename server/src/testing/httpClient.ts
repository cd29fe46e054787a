/** A JSON answer from the server. */
export interface HttpAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * A tiny HTTP client for tests: one cookie jar (the session cookie), the CSRF header once signed in,
 * or a bearer token. Bodies are sent as given (string) or as JSON.
 */
export class HttpClient {
  private cookie: string | undefined;
  csrfToken: string | undefined;
  bearer: string | undefined;

  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpAnswer<T>> {
    const all: Record<string, string> = { ...headers };
    if (body !== undefined && all['content-type'] === undefined) all['content-type'] = 'application/json';
    if (this.cookie) all.cookie = this.cookie;
    if (this.csrfToken && all['x-csrf-token'] === undefined) all['x-csrf-token'] = this.csrfToken;
    if (this.bearer) all.authorization = `Bearer ${this.bearer}`;
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: all,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // Not JSON (CSV, HTML): keep the text.
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  /** Headers that authenticate a raw `fetch` the way this client would (for event streams). */
  authHeaders(): Record<string, string> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    return headers;
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body ?? {}, headers);
  }
  put<T = unknown>(path: string, body: unknown) {
    return this.request<T>('PUT', path, body);
  }

  /** Signs in and keeps the cookie and CSRF token; throws when the server refuses. */
  async login(email: string, password: string): Promise<void> {
    const answer = await this.post<{ csrfToken: string }>('/api/auth/login', { email, password });
    if (answer.status !== 200) throw new Error(`login ${email} failed: ${answer.status}`);
    this.csrfToken = answer.body.csrfToken;
  }
}
