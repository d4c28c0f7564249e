/** Path of the providers' app-password REST resource, below `/realms/{realm}/`. */
export const APP_PASSWORDS_PATH = "app-passwords";

/** One app password as `GET /realms/{realm}/app-passwords` lists it (never the password). */
export type AppPassword = {
  id: string;
  name: string;
  clientId: string;
  appName: string;
  /** Canonical comma-separated list; "" allows any address. */
  allowList: string;
  createdAt: string;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
};

/** A client the admin enabled for app passwords (`GET .../app-passwords/apps`). */
export type App = { clientId: string; name: string; appPasswordsOnly: boolean };

export type CreateAppPasswordRequest = {
  name: string;
  clientId: string;
  allowList: string;
};

/** Answer of a create: the password is shown once. */
export type CreatedAppPassword = { appPassword: AppPassword; password: string };
