import { type AccountContext, request } from "../api/client";

/** Path of the providers' avatar REST resource, below `/realms/{realm}/`. */
export const AVATAR_PATH = "avatar";

/** The picture types the server decodes; anything else is refused there anyway. */
export const AVATAR_ACCEPT = "image/png,image/jpeg,image/webp";

/** Answer of an upload or a Gravatar choice. */
export type AvatarAnswer = {
  picture: string | null;
  source: "none" | "upload" | "gravatar" | "other";
};

/** Uploads a picture; the server re-encodes it as a 256×256 PNG and answers its new URL. */
export const uploadAvatar = (context: AccountContext, file: Blob) =>
  request<AvatarAnswer>(context, AVATAR_PATH, { method: "PUT", file });

/** Uses the Gravatar of the user's email, if the realm allows it. */
export const chooseGravatar = (context: AccountContext) =>
  request<AvatarAnswer>(context, `${AVATAR_PATH}/gravatar`, { method: "POST" });

/** Back to the initials placeholder. */
export const removeAvatar = (context: AccountContext) =>
  request<void>(context, AVATAR_PATH, { method: "DELETE" });
