/** Path of the providers' profile REST resource, below `/realms/{realm}/`. */
export const PROFILE_ME_PATH = "profile/me";

/** Answer of `GET /realms/{realm}/profile/me`. */
export type Profile = {
  username: string;
  email: string | null;
  emailVerified: boolean;
  firstName: string | null;
  lastName: string | null;
  federationLink: string | null;
};
