import type { Feature } from "@keycloak/keycloak-account-ui";

/** An entry of `content.json`, the navigation of the account console (same format as keycloak.v3's). */
export type MenuItem =
  | { label: string; path: string; isVisible?: keyof Feature }
  | { label: string; children: MenuItem[]; isVisible?: keyof Feature };

export async function fetchContent(
  resourceUrl: string,
  signal: AbortSignal,
): Promise<MenuItem[]> {
  const response = await fetch(`${resourceUrl}/content.json`, { signal });
  return response.json();
}
