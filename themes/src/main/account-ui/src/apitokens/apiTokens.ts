/** Path of the providers' API token REST resource, below `/realms/{realm}/`. */
export const API_TOKENS_PATH = "api-tokens";

/** Days from today the expiry field proposes. */
export const DEFAULT_LIFETIME_DAYS = 90;

export type ApiTokenScope = "read-only" | "read-write";

/** One token as `GET /realms/{realm}/api-tokens` lists it (never its secret). */
export type ApiToken = {
  id: string;
  name: string;
  scope: ApiTokenScope;
  /** Canonical comma-separated list; "" allows any address. */
  allowList: string;
  createdAt: string;
  expiresAt: string;
  expired: boolean;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
};

/** Answer of a create: the value is shown once. */
export type CreatedApiToken = { token: ApiToken; value: string };

export type CreateApiTokenRequest = {
  name: string;
  scope: ApiTokenScope;
  allowList: string;
  expiresAt: string;
};

export type UpdateApiTokenRequest = { allowList: string; expiresAt: string };
