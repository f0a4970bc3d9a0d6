// The admin API, same origin. The browser already holds the BASIC sign-in of this page (same realm), so every
// request simply goes out; errors come back as application/problem+json and are thrown as ApiError.

/**
 * Where this deployment's root is, so the pages work under any context root. Built from the origin and path only:
 * a page opened as http://user:password@host/… must not put those credentials into fetch() URLs (refused).
 */
export const root = new URL("../", location.origin + location.pathname);

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
  /** [{field, message}] for a 400, else empty. */
  get violations() {
    return Array.isArray(this.problem.violations) ? this.problem.violations : [];
  }
}

export async function request(method, path, body, headers = {}) {
  const init = { method, headers: { Accept: "application/json, application/problem+json", ...headers },
    credentials: "same-origin" };
  if (body instanceof Blob) {
    init.body = body;
    init.headers["Content-Type"] = body.type || "application/octet-stream";
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers["Content-Type"] = "application/json";
  }
  const response = await fetch(new URL(path, root), init);
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = { detail: text.slice(0, 200) }; }
  }
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return { status: response.status, data, headers: response.headers };
}

export const api = {
  get: (path) => request("GET", path).then((r) => r.data),
  post: (path, body) => request("POST", path, body).then((r) => r.data),
  put: (path, body) => request("PUT", path, body).then((r) => r.data),
  del: (path) => request("DELETE", path).then((r) => r.data),
};
