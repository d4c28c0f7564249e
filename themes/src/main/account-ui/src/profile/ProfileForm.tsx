import {
  type AccountEnvironment,
  useEnvironment,
} from "@keycloak/keycloak-account-ui";
import {
  ActionGroup,
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  TextInput,
} from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../api/client";
import { LockNotice } from "./LockNotice";
import { type Profile, type ProfileChanges, saveProfile } from "./profile";

type Props = { profile: Profile; onSaved: () => void };

/**
 * First name, last name and primary email. The server decides what is editable (profile lock, external directory);
 * this form only mirrors it: locked fields are read-only with the reason. A new email goes through Keycloak's
 * UPDATE_EMAIL action, which asks for the password again and verifies the new address when the realm verifies email.
 */
export const ProfileForm = ({ profile, onSaved }: Props) => {
  const { t } = useTranslation();
  const context = useEnvironment<AccountEnvironment>();
  const locked = Boolean(profile.lock);
  const [firstName, setFirstName] = useState(profile.firstName ?? "");
  const [lastName, setLastName] = useState(profile.lastName ?? "");
  const [email, setEmail] = useState(profile.email ?? "");
  const [error, setError] = useState<Error>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    setSaved(false);
    const changes: ProfileChanges = { firstName, lastName };
    if (!profile.emailChangeAction) changes.email = email;
    try {
      await saveProfile(context, changes);
      setSaved(true);
      onSaved();
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card data-testid="profile-form-card">
      <CardTitle>{t("profileDetailsTitle")}</CardTitle>
      <CardBody>
        {profile.lock && <LockNotice lock={profile.lock} testId="profile-lock-reason" />}
        <Form onSubmit={(event) => { event.preventDefault(); void submit(); }} data-testid="profile-form">
          {error && <Alert variant="danger" isInline title={errorText(t, error)} data-testid="profile-error" />}
          {saved && <Alert variant="success" isInline title={t("profileSaved")} data-testid="profile-saved" />}
          <FormGroup label={t("profileFirstName")} fieldId="profile-first-name">
            <TextInput
              id="profile-first-name"
              value={firstName}
              readOnlyVariant={locked ? "default" : undefined}
              onChange={(_event, value) => setFirstName(value)}
              data-testid="profile-first-name"
            />
          </FormGroup>
          <FormGroup label={t("profileLastName")} fieldId="profile-last-name">
            <TextInput
              id="profile-last-name"
              value={lastName}
              readOnlyVariant={locked ? "default" : undefined}
              onChange={(_event, value) => setLastName(value)}
              data-testid="profile-last-name"
            />
          </FormGroup>
          <FormGroup label={t("profileEmail")} fieldId="profile-email-input">
            <TextInput
              id="profile-email-input"
              type="email"
              value={email}
              readOnlyVariant={locked || profile.emailChangeAction ? "default" : undefined}
              onChange={(_event, value) => setEmail(value)}
              data-testid="profile-email-input"
            />
            {!locked && profile.emailChangeAction && (
              <>
                <Button
                  variant="link"
                  isInline
                  onClick={() => void context.keycloak.login({ action: "UPDATE_EMAIL" })}
                  data-testid="profile-change-email"
                >
                  {t("profileChangeEmail")}
                </Button>
                <FormHelperText>
                  <HelperText>
                    <HelperTextItem>{t("profileChangeEmailHelp")}</HelperTextItem>
                  </HelperText>
                </FormHelperText>
              </>
            )}
          </FormGroup>
          {!locked && (
            <ActionGroup>
              <Button type="submit" isDisabled={busy} isLoading={busy} data-testid="profile-save">
                {t("profileSave")}
              </Button>
            </ActionGroup>
          )}
        </Form>
      </CardBody>
    </Card>
  );
};
