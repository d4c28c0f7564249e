import {
  type AccountEnvironment,
  useEnvironment,
} from "@keycloak/keycloak-account-ui";
import { Alert, Button, Flex, FlexItem } from "@patternfly/react-core";
import { type ChangeEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../api/client";
import { ConfirmDeleteButton } from "../components/ConfirmDeleteButton";
import type { Profile } from "../profile/profile";
import { AVATAR_ACCEPT, chooseGravatar, removeAvatar, uploadAvatar } from "./avatar";
import styles from "./Avatar.module.css";

type Props = { profile: Profile; onSaved: () => void };

/**
 * Upload, Gravatar and remove buttons for the user's avatar. The server decides everything (formats, size, the
 * profile lock); errors are its message keys.
 */
export const AvatarControls = ({ profile, onSaved }: Props) => {
  const { t } = useTranslation();
  const context = useEnvironment<AccountEnvironment>();
  const fileInput = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  if (profile.avatar.locked) {
    return (
      <div className="pf-v5-u-font-size-sm pf-v5-u-color-200" data-testid="avatar-locked">
        {t("avatarLocked")}
      </div>
    );
  }

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      onSaved();
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setBusy(false);
    }
  };

  const upload = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (file) void run(() => uploadAvatar(context, file));
  };

  return (
    <div data-testid="avatar-controls">
      <input
        ref={fileInput}
        type="file"
        accept={AVATAR_ACCEPT}
        className={styles.fileInput}
        onChange={upload}
        tabIndex={-1}
        aria-hidden="true"
        data-testid="avatar-file"
      />
      <Flex spaceItems={{ default: "spaceItemsSm" }}>
        <FlexItem>
          <Button
            variant="secondary"
            size="sm"
            isLoading={busy}
            isDisabled={busy}
            onClick={() => fileInput.current?.click()}
            data-testid="avatar-upload"
          >
            {t(profile.picture ? "avatarChange" : "avatarUpload")}
          </Button>
        </FlexItem>
        {profile.avatar.gravatarEnabled && (
          <FlexItem>
            <Button
              variant="link"
              size="sm"
              isDisabled={busy || !profile.email}
              onClick={() => void run(() => chooseGravatar(context))}
              data-testid="avatar-gravatar"
            >
              {t("avatarUseGravatar")}
            </Button>
          </FlexItem>
        )}
        {profile.picture && (
          <FlexItem>
            <ConfirmDeleteButton
              label={t("avatarRemove")}
              title={t("avatarRemoveTitle")}
              message={t("avatarRemoveMessage")}
              isDisabled={busy}
              onConfirm={() => run(() => removeAvatar(context))}
              testId="avatar-remove"
            />
          </FlexItem>
        )}
      </Flex>
      <div className="pf-v5-u-font-size-sm pf-v5-u-color-200 pf-v5-u-mt-xs">{t("avatarHelp")}</div>
      {error && (
        <Alert
          variant="danger"
          isInline
          isPlain
          title={errorText(t, error)}
          className="pf-v5-u-mt-sm"
          data-testid="avatar-error"
        />
      )}
    </div>
  );
};
