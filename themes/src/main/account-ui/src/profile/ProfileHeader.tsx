import {
  type AccountEnvironment,
  useEnvironment,
} from "@keycloak/keycloak-account-ui";
import {
  Alert,
  AlertActionLink,
  Card,
  CardBody,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Flex,
  FlexItem,
  Label,
  LabelGroup,
  Title,
} from "@patternfly/react-core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Avatar } from "../avatar/Avatar";
import { AvatarControls } from "../avatar/AvatarControls";
import { LanguageSelect } from "./LanguageSelect";
import { displayName, type Profile, type SecondFactors } from "./profile";

type Props = { profile: Profile; onSaved: () => void };

/** Who the user is, where the account comes from, how they sign in, and their language. */
export const ProfileHeader = ({ profile, onSaved }: Props) => {
  const { t } = useTranslation();
  const name = displayName(profile);

  return (
    <Card data-testid="profile-header">
      <CardBody>
        <Flex alignItems={{ default: "alignItemsCenter" }} spaceItems={{ default: "spaceItemsLg" }}>
          <FlexItem>
            <Avatar picture={profile.picture} name={name} />
          </FlexItem>
          <FlexItem>
            <Title headingLevel="h2" data-testid="profile-display-name">
              {name}
            </Title>
            <div className="pf-v5-u-mt-sm">
              <AvatarControls profile={profile} onSaved={onSaved} />
            </div>
          </FlexItem>
        </Flex>
        <DescriptionList isHorizontal className="pf-v5-u-mt-lg">
          <Item label={t("profileUsername")} testId="profile-username-field">
            <span data-testid="profile-username">{profile.username}</span>
            <div className="pf-v5-u-font-size-sm pf-v5-u-color-200" data-testid="profile-username-note">
              {t("profileUsernameNote")}
            </div>
          </Item>
          <Item label={t("profileEmail")} testId="profile-email-field">
            <span data-testid="profile-email">{profile.email ?? t("profileNotSet")}</span>{" "}
            {profile.email && (
              <Label
                color={profile.emailVerified ? "green" : "orange"}
                isCompact
                data-testid="profile-email-verified"
              >
                {t(profile.emailVerified ? "profileEmailVerified" : "profileEmailNotVerified")}
              </Label>
            )}
          </Item>
          <Item label={t("profileAccountSource")} testId="profile-account-source">
            {profile.accountSource ?? t("profileAccountSourceLocal")}
          </Item>
          <Item label={t("profileRolesAndGroups")} testId="profile-roles-groups">
            <Names names={[...profile.roles, ...profile.groups]} />
          </Item>
          <Item label={t("profileTwoFactor")} testId="profile-two-factor">
            {profile.twoFactorHandledBy ? (
              <span data-testid="profile-2fa-handled-by">
                {t("profileTwoFactorHandledBy", { directory: profile.twoFactorHandledBy })}
              </span>
            ) : (
              <TwoFactorStatus factors={profile.secondFactors} />
            )}
          </Item>
          <Item label={t("profileLanguage")} testId="profile-language">
            <LanguageSelect profile={profile} onSaved={onSaved} />
          </Item>
        </DescriptionList>
      </CardBody>
    </Card>
  );
};

const Names = ({ names }: { names: string[] }) => {
  const { t } = useTranslation();
  if (names.length === 0) return <>{t("profileNone")}</>;
  return (
    <LabelGroup numLabels={8}>
      {names.map((name) => (
        <Label key={name} isCompact>
          {name}
        </Label>
      ))}
    </LabelGroup>
  );
};

/**
 * One label per factor kind (set up or not), linking to Keycloak's own Signing in page, and a warning when few
 * recovery codes are left: generating a new set runs Keycloak's own action, which checks a second factor first.
 */
const TwoFactorStatus = ({ factors }: { factors: SecondFactors }) => {
  const { t } = useTranslation();
  const { keycloak } = useEnvironment<AccountEnvironment>();
  const remaining = factors.recoveryCodesRemaining ?? 0;
  const rows: [string, boolean, string][] = [
    ["otp", factors.otp > 0, t("profileTwoFactorOtp")],
    ["passkeys", factors.passkeys > 0, t("profileTwoFactorPasskeys")],
    ["security-keys", factors.securityKeys > 0, t("profileTwoFactorSecurityKeys")],
  ];
  return (
    <>
      <LabelGroup numLabels={4}>
        {rows.map(([id, on, label]) => (
          <Label key={id} color={on ? "green" : "grey"} isCompact data-testid={`profile-2fa-${id}`} data-configured={on}>
            {label}: {t(on ? "profileTwoFactorOn" : "profileTwoFactorOff")}
          </Label>
        ))}
        <Label
          color={factors.recoveryCodes ? "green" : "grey"}
          isCompact
          data-testid="profile-2fa-recovery-codes"
          data-configured={factors.recoveryCodes}
        >
          {t("profileTwoFactorRecoveryCodes")}:{" "}
          {factors.recoveryCodes
            ? t("profileRecoveryCodesLeft", { count: remaining })
            : t("profileTwoFactorOff")}
        </Label>
      </LabelGroup>
      {factors.recoveryCodes && remaining < factors.recoveryCodesWarningThreshold && (
        <Alert
          variant="warning"
          isInline
          isPlain
          className="pf-v5-u-mt-sm"
          title={t("profileRecoveryCodesLow", { count: remaining })}
          data-testid="profile-recovery-codes-low"
          actionLinks={
            <AlertActionLink onClick={() => void keycloak.login({ action: "CONFIGURE_RECOVERY_AUTHN_CODES" })}>
              {t("profileRecoveryCodesRegenerate")}
            </AlertActionLink>
          }
        />
      )}
      <div className="pf-v5-u-mt-sm">
        <Link to="../account-security/signing-in">{t("profileTwoFactorManage")}</Link>
      </div>
    </>
  );
};

type ItemProps = { label: string; testId: string; children: ReactNode };

const Item = ({ label, testId, children }: ItemProps) => (
  <DescriptionListGroup>
    <DescriptionListTerm>{label}</DescriptionListTerm>
    <DescriptionListDescription data-testid={testId}>{children}</DescriptionListDescription>
  </DescriptionListGroup>
);
