/** Path of the providers' passkey REST resource, below `/realms/{realm}/`. */
export const PASSKEYS_PATH = "passkeys";

/** One passkey or security key as `GET /realms/{realm}/passkeys` lists it; Keycloak leaves out null values. */
export type Passkey = {
  id: string;
  name?: string | null;
  type: "passkey" | "security-key";
  createdAt?: string | null;
  /** Absent until the first use recorded by the `profilekit-credential-usage` event listener. */
  lastUsedAt?: string | null;
  lastUsedIp?: string | null;
};
