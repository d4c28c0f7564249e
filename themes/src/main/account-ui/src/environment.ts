import type { AccountEnvironment } from "@keycloak/keycloak-account-ui";

/** The settings keycloak.v3's index.ftl renders into the page as JSON. */
export const environment: AccountEnvironment = JSON.parse(
  document.getElementById("environment")!.textContent!,
);
