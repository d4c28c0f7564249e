import { Page } from "@keycloak/keycloak-account-ui";
import {
  Alert,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Spinner,
} from "@patternfly/react-core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useRequest } from "../api/useRequest";
import { PROFILE_ME_PATH, type Profile } from "./profile";

export const ProfilePage = () => {
  const { t } = useTranslation();
  const profile = useRequest<Profile>(PROFILE_ME_PATH);

  return (
    <Page title={t("profileTitle")} description={t("profileDescription")}>
      <div data-testid="profile-page">
        {profile.status === "loading" && (
          <Spinner aria-label={t("profileLoading")} />
        )}
        {profile.status === "failed" && (
          <Alert variant="danger" isInline title={t("profileLoadError")}>
            {t(profile.error.message)}
          </Alert>
        )}
        {profile.status === "done" && <ProfileDetails profile={profile.data} />}
      </div>
    </Page>
  );
};

const ProfileDetails = ({ profile }: { profile: Profile }) => {
  const { t } = useTranslation();
  const name = [profile.firstName, profile.lastName].filter(Boolean).join(" ");

  return (
    <DescriptionList isHorizontal>
      <Item label={t("profileUsername")} testId="profile-username">
        {profile.username}
      </Item>
      <Item label={t("profileName")} testId="profile-name">
        {name || t("profileNotSet")}
      </Item>
      <Item label={t("profileEmail")} testId="profile-email">
        {profile.email || t("profileNotSet")}
      </Item>
    </DescriptionList>
  );
};

type ItemProps = { label: string; testId: string; children: ReactNode };

const Item = ({ label, testId, children }: ItemProps) => (
  <DescriptionListGroup>
    <DescriptionListTerm>{label}</DescriptionListTerm>
    <DescriptionListDescription data-testid={testId}>
      {children}
    </DescriptionListDescription>
  </DescriptionListGroup>
);
