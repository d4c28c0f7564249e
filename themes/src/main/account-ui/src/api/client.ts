import type {
  AccountEnvironment,
  useEnvironment,
} from "@keycloak/keycloak-account-ui";

/** What `useEnvironment()` gives a page: the injected environment and the logged-in Keycloak adapter. */
export type AccountContext = ReturnType<
  typeof useEnvironment<AccountEnvironment>
>;

/** A non-2xx answer; `message` is the server's error message (usually a message key) or the HTTP status. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export type RequestOptions = {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  body?: unknown;
  signal?: AbortSignal;
};

/**
 * Calls one of our REST endpoints below `/realms/{realm}/` as the logged-in user and returns the parsed JSON
 * (undefined for 204). Throws {@link ApiError} for a non-2xx answer.
 */
export async function request<T>(
  { environment, keycloak }: AccountContext,
  path: string,
  { method = "GET", body, signal }: RequestOptions = {},
): Promise<T> {
  await keycloak.updateToken(5).catch(() => keycloak.login());
  const response = await fetch(
    `${environment.serverBaseUrl}/realms/${environment.realm}/${path}`,
    {
      method,
      signal,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: {
        Authorization: `Bearer ${keycloak.token}`,
        Accept: "application/json",
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
    },
  );
  if (!response.ok) {
    throw new ApiError(await errorMessage(response), response.status);
  }
  return response.status === 204 ? (undefined as T) : response.json();
}

/** Keycloak answers errors as `{"errorMessage": ...}` (ErrorResponse) or `{"error": ...}` (OAuth style). */
async function errorMessage(response: Response): Promise<string> {
  const fallback = `HTTP ${response.status}`;
  if (!response.headers.get("Content-Type")?.includes("application/json")) {
    return fallback;
  }
  const data: { errorMessage?: unknown; error?: unknown } = await response
    .json()
    .catch(() => ({}));
  const message = data.errorMessage ?? data.error;
  return typeof message === "string" ? message : fallback;
}
