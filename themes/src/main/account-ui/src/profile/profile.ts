import { type AccountContext, request } from "../api/client";

/** Path of the providers' profile REST resource, below `/realms/{realm}/`. */
export const PROFILE_ME_PATH = "profile/me";

/** Keycloak's own account REST API, below `/realms/{realm}/`: it applies the realm's user profile and profile lock. */
const ACCOUNT_PATH = "account/";

export type ProfileLock = {
  reason: "admin" | "directory";
  directory: string | null;
  attributes: string[];
};

export type SecondFactors = {
  otp: number;
  securityKeys: number;
  passkeys: number;
  recoveryCodes: boolean;
  recoveryCodesRemaining?: number | null;
  recoveryCodesWarningThreshold: number;
};

/** Answer of `GET /realms/{realm}/profile/me`; Keycloak leaves out null values. */
export type Profile = {
  username: string;
  email?: string | null;
  emailVerified: boolean;
  firstName?: string | null;
  lastName?: string | null;
  accountSource?: string | null;
  locale?: string | null;
  locales: string[];
  roles: string[];
  groups: string[];
  secondFactors: SecondFactors;
  emailChangeAction: boolean;
  lock?: ProfileLock | null;
  twoFactorHandledBy?: string | null;
  /** The avatar's URL (the OIDC `picture` claim); absent for the initials placeholder. */
  picture?: string | null;
  avatar: AvatarOptions;
};

/** What the user may do about their avatar. */
export type AvatarOptions = {
  /** The profile lock covers the avatar: no upload, Gravatar or removal. */
  locked: boolean;
  gravatarEnabled: boolean;
};

/** What the Profile page lets a user change through the account REST API. */
export type ProfileChanges = {
  firstName?: string;
  lastName?: string;
  email?: string;
  locale?: string;
};

type AccountUser = Record<string, unknown> & {
  attributes?: Record<string, string[]>;
};

/**
 * Applies `changes` with Keycloak's account REST API: reads the user's current representation and posts it back
 * with the changes, so attributes this page does not show are kept. An empty `locale` resets to the realm default.
 */
export async function saveProfile(
  context: AccountContext,
  changes: ProfileChanges,
): Promise<void> {
  const user = await request<AccountUser>(
    context,
    `${ACCOUNT_PATH}?userProfileMetadata=false`,
  );
  const { locale, ...fields } = changes;
  const attributes = { ...(user.attributes ?? {}) };
  if (locale !== undefined) {
    attributes.locale = locale ? [locale] : [];
  }
  await request<void>(context, ACCOUNT_PATH, {
    method: "POST",
    body: { ...user, ...fields, attributes },
  });
}

/** The name to greet the user with: first and last name, else the username. */
export function displayName(profile: Profile): string {
  return (
    [profile.firstName, profile.lastName].filter(Boolean).join(" ") ||
    profile.username
  );
}
