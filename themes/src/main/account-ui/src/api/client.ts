import type { TFunction } from "i18next";
import type {
  AccountEnvironment,
  useEnvironment,
} from "@keycloak/keycloak-account-ui";

/** What `useEnvironment()` gives a page: the injected environment and the logged-in Keycloak adapter. */
export type AccountContext = ReturnType<
  typeof useEnvironment<AccountEnvironment>
>;

/**
 * A non-2xx answer; `message` is the server's error message (usually a message key) or the HTTP status, `field`
 * the offending input and `params` the message's `{0}`, `{1}`... values, when the server names them.
 */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly field?: string,
    readonly params: string[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export type RequestOptions = {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is (e.g. a picture), with its own content type; instead of `body`. */
  file?: Blob;
  signal?: AbortSignal;
};

/**
 * Calls one of our REST endpoints below `/realms/{realm}/` as the logged-in user and returns the parsed JSON
 * (undefined for 204). Throws {@link ApiError} for a non-2xx answer.
 */
export async function request<T>(
  { environment, keycloak }: AccountContext,
  path: string,
  { method = "GET", body, file, signal }: RequestOptions = {},
): Promise<T> {
  await keycloak.updateToken(5).catch(() => keycloak.login());
  const contentType = file
    ? file.type || "application/octet-stream"
    : body === undefined
      ? undefined
      : "application/json";
  const response = await fetch(
    `${environment.serverBaseUrl}/realms/${environment.realm}/${path}`,
    {
      method,
      signal,
      body: file ?? (body === undefined ? undefined : JSON.stringify(body)),
      headers: {
        Authorization: `Bearer ${keycloak.token}`,
        Accept: "application/json",
        ...(contentType ? { "Content-Type": contentType } : {}),
      },
    },
  );
  if (!response.ok) {
    throw await apiError(response);
  }
  return response.status === 204 ? (undefined as T) : response.json();
}

type ErrorBody = {
  errorMessage?: unknown;
  error?: unknown;
  field?: unknown;
  params?: unknown;
  errors?: ErrorBody[];
};

/** Keycloak's generic "read-only field" error; a more specific error on the same answer says why. */
const GENERIC_READ_ONLY = "error-user-attribute-read-only";

/**
 * Keycloak answers errors as `{"errorMessage": ...}` (ErrorResponse), `{"error": ...}` (OAuth style) or, for user
 * profile validation, `{"errors": [...]}`; of several errors the most specific one is reported.
 */
async function apiError(response: Response): Promise<ApiError> {
  const fallback = `HTTP ${response.status}`;
  if (!response.headers.get("Content-Type")?.includes("application/json")) {
    return new ApiError(fallback, response.status);
  }
  const body: ErrorBody = await response.json().catch(() => ({}));
  const errors = body.errors ?? [];
  const data =
    errors.find((error) => error.errorMessage !== GENERIC_READ_ONLY) ??
    errors[0] ??
    body;
  const message = data.errorMessage ?? data.error;
  return new ApiError(
    typeof message === "string" ? message : fallback,
    response.status,
    typeof data.field === "string" ? data.field : undefined,
    Array.isArray(data.params) ? data.params.map(String) : [],
  );
}

/**
 * The translated text of an error: its message key through `t`, with the `{{0}}`, `{{1}}`... placeholders of the
 * theme's messages filled from an {@link ApiError}'s params.
 */
export function errorText(t: TFunction, error: Error): string {
  const params = error instanceof ApiError ? error.params : [];
  return t(error.message, Object.fromEntries(params.map((value, index) => [String(index), value])));
}
