import { type AccountContext, request } from "../api/client";

/** Path of the providers' recovery-email REST resource, below `/realms/{realm}/`. */
export const RECOVERY_EMAIL_PATH = "recovery-email";

/** The user attribute the profile lock lists when it covers the recovery email. */
export const RECOVERY_EMAIL_ATTRIBUTE = "recoveryEmail";

/** Answer of `GET` / `PUT /realms/{realm}/recovery-email`; Keycloak leaves out null values. */
export type RecoveryEmail = {
  /** The confirmed address password reset emails go to. */
  email?: string | null;
  /** An address waiting for the user to open its confirmation link; not used yet. */
  pendingEmail?: string | null;
  /** The address shown (pending, else confirmed) is in a domain hosted on this server. */
  hostedDomainWarning: boolean;
};

/** Asks for `email` as the recovery email: the server mails a confirmation link to it. */
export function requestRecoveryEmail(
  context: AccountContext,
  email: string,
): Promise<RecoveryEmail> {
  return request<RecoveryEmail>(context, RECOVERY_EMAIL_PATH, {
    method: "PUT",
    body: { email },
  });
}

/** Removes the recovery email, confirmed and pending. */
export function removeRecoveryEmail(context: AccountContext): Promise<void> {
  return request<void>(context, RECOVERY_EMAIL_PATH, { method: "DELETE" });
}
