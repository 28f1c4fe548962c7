/**
 * A logged-in HTTP client for a server in another process: keeps the session cookie and sends the
 * CSRF token on every write, as the dashboard does.
 */
export interface Answer {
  status: number;
  /** The API's JSON, read by tests and benchmarks that know its shape. */
  json: any;
}

export interface HttpClient {
  request(method: string, path: string, body?: unknown): Promise<Answer>;
  /** A multipart form with one file, as the import page sends it. */
  upload(path: string, file: { name: string; content: string }, fields?: Record<string, string>): Promise<Answer>;
}

/** Logs in; the session cookie to send and the CSRF token for writes. */
export async function logInCookie(baseUrl: string, email: string, password: string): Promise<{ cookie: string; csrfToken: string }> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`login as ${email} failed: ${login.status} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { cookie: login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrfToken };
}

export async function logIn(baseUrl: string, email: string, password: string): Promise<HttpClient> {
  const { cookie, csrfToken } = await logInCookie(baseUrl, email, password);
  const send = async (method: string, path: string, headers: Record<string, string>, body?: string | FormData): Promise<Answer> => {
    const answer = await fetch(`${baseUrl}${path}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, ...headers }, body });
    const text = await answer.text();
    return { status: answer.status, json: text ? JSON.parse(text) : null };
  };
  return {
    request: (method, path, body) =>
      body === undefined ? send(method, path, {}) : send(method, path, { 'content-type': 'application/json' }, JSON.stringify(body)),
    upload(path, file, fields = {}) {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      form.append('file', new Blob([file.content], { type: 'text/csv' }), file.name);
      return send('POST', path, {}, form);
    },
  };
}
