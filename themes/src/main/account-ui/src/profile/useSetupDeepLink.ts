import {
  type AccountEnvironment,
  useEnvironment,
} from "@keycloak/keycloak-account-ui";
import { useEffect } from "react";

/**
 * Deep links an admin can hand out: `…/account/profile?setup=totp` (authenticator app), `?setup=passkey` or
 * `?setup=recovery-codes` start Keycloak's own set-up action at once. The parameter is dropped from the URL
 * Keycloak returns to, so finishing the set-up does not start it again.
 */
export const SETUP_ACTIONS: Record<string, string> = {
  totp: "CONFIGURE_TOTP",
  passkey: "webauthn-register-passwordless",
  "security-key": "webauthn-register",
  "recovery-codes": "CONFIGURE_RECOVERY_AUTHN_CODES",
};

export function useSetupDeepLink() {
  const { keycloak } = useEnvironment<AccountEnvironment>();

  useEffect(() => {
    const url = new URL(window.location.href);
    const action = SETUP_ACTIONS[url.searchParams.get("setup") ?? ""];
    if (!action) return;
    url.searchParams.delete("setup");
    void keycloak.login({ action, redirectUri: url.toString() });
  }, [keycloak]);
}
