import { Page } from "@keycloak/keycloak-account-ui";
import { Alert, Spinner, Stack, StackItem } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import { errorText } from "../api/client";
import { useRequest } from "../api/useRequest";
import { PasskeysCard } from "../passkeys/PasskeysCard";
import { RecoveryEmailCard } from "../recoveryemail/RecoveryEmailCard";
import { ProfileForm } from "./ProfileForm";
import { ProfileHeader } from "./ProfileHeader";
import { PROFILE_ME_PATH, type Profile } from "./profile";
import { useSetupDeepLink } from "./useSetupDeepLink";

/** The account at a glance (header) and the fields the user may change (form). */
export const ProfilePage = () => {
  const { t } = useTranslation();
  const [profile, reload] = useRequest<Profile>(PROFILE_ME_PATH);
  useSetupDeepLink();

  return (
    <Page title={t("profileTitle")} description={t("profileDescription")}>
      <div data-testid="profile-page">
        {profile.status === "loading" && (
          <Spinner aria-label={t("profileLoading")} />
        )}
        {profile.status === "failed" && (
          <Alert variant="danger" isInline title={t("profileLoadError")}>
            {errorText(t, profile.error)}
          </Alert>
        )}
        {profile.status === "done" && (
          <Stack hasGutter>
            <StackItem>
              <ProfileHeader profile={profile.data} onSaved={reload} />
            </StackItem>
            <StackItem>
              <ProfileForm profile={profile.data} onSaved={reload} />
            </StackItem>
            <StackItem>
              <RecoveryEmailCard profile={profile.data} />
            </StackItem>
            <StackItem>
              <PasskeysCard twoFactorHandledBy={profile.data.twoFactorHandledBy} />
            </StackItem>
          </Stack>
        )}
      </div>
    </Page>
  );
};
