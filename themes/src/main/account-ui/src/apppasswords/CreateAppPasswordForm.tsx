import {
  ActionGroup,
  Alert,
  Button,
  Form,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  TextInput,
} from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../api/client";
import type { App, CreateAppPasswordRequest } from "./appPasswords";

type Props = {
  apps: App[];
  onCreate: (request: CreateAppPasswordRequest) => Promise<void>;
};

/** Name, app and optional IP allow-list of a new app password; the server validates everything again. */
export const CreateAppPasswordForm = ({ apps, onCreate }: Props) => {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [clientId, setClientId] = useState(apps[0]?.clientId ?? "");
  const [allowList, setAllowList] = useState("");
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  if (apps.length === 0) {
    return <p data-testid="app-password-no-apps">{t("appPasswordNoApps")}</p>;
  }

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onCreate({ name, clientId, allowList });
      setName("");
      setAllowList("");
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form onSubmit={(event) => { event.preventDefault(); void submit(); }} data-testid="app-password-form">
      {error && <Alert variant="danger" isInline title={errorText(t, error)} data-testid="app-password-error" />}
      <FormGroup label={t("appPasswordName")} fieldId="app-password-name" isRequired>
        <TextInput
          id="app-password-name"
          value={name}
          maxLength={64}
          placeholder={t("appPasswordNamePlaceholder")}
          onChange={(_event, value) => setName(value)}
          data-testid="app-password-name"
        />
      </FormGroup>
      <FormGroup label={t("appPasswordApp")} fieldId="app-password-app" isRequired>
        <FormSelect
          id="app-password-app"
          value={clientId}
          onChange={(_event, value) => setClientId(value)}
          data-testid="app-password-app"
        >
          {apps.map((app) => (
            <FormSelectOption key={app.clientId} value={app.clientId} label={app.name} />
          ))}
        </FormSelect>
        <FormHelperText>
          <HelperText>
            <HelperTextItem>{t("appPasswordAppHelp")}</HelperTextItem>
          </HelperText>
        </FormHelperText>
      </FormGroup>
      <FormGroup label={t("appPasswordAllowList")} fieldId="app-password-allow-list">
        <TextInput
          id="app-password-allow-list"
          value={allowList}
          onChange={(_event, value) => setAllowList(value)}
          data-testid="app-password-allow-list"
        />
        <FormHelperText>
          <HelperText>
            <HelperTextItem>{t("apiTokenAllowListHelp")}</HelperTextItem>
          </HelperText>
        </FormHelperText>
      </FormGroup>
      <ActionGroup>
        <Button type="submit" isLoading={busy} isDisabled={busy || name.trim() === ""} data-testid="app-password-create">
          {t("appPasswordCreate")}
        </Button>
      </ActionGroup>
    </Form>
  );
};
