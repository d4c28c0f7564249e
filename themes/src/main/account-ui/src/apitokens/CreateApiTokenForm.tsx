import {
  ActionGroup,
  Alert,
  Button,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  Radio,
  TextInput,
} from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, errorText } from "../api/client";
import { endOfLocalDayIso, localDatePlusDays } from "../components/formatDate";
import {
  type ApiTokenScope,
  type CreateApiTokenRequest,
  DEFAULT_LIFETIME_DAYS,
} from "./apiTokens";

type Props = { onCreate: (request: CreateApiTokenRequest) => Promise<void> };

/** Name, scope, allow-list and expiry of a new token; the server validates everything again. */
export const CreateApiTokenForm = ({ onCreate }: Props) => {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<ApiTokenScope>("read-only");
  const [allowList, setAllowList] = useState("");
  const [expiresOn, setExpiresOn] = useState(
    localDatePlusDays(DEFAULT_LIFETIME_DAYS),
  );
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const field = error instanceof ApiError ? error.field : undefined;

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onCreate({
        name,
        scope,
        allowList,
        expiresAt: expiresOn ? endOfLocalDayIso(expiresOn) : "",
      });
      setName("");
      setAllowList("");
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      data-testid="api-token-create-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <FormGroup label={t("apiTokenName")} fieldId="api-token-name" isRequired>
        <TextInput
          id="api-token-name"
          data-testid="api-token-name"
          value={name}
          onChange={(_, value) => setName(value)}
          validated={field === "name" ? "error" : "default"}
          maxLength={64}
        />
      </FormGroup>
      <FormGroup
        label={t("apiTokenScope")}
        fieldId="api-token-scope"
        role="radiogroup"
        isInline
      >
        <Radio
          id="api-token-scope-read-only"
          data-testid="api-token-scope-read-only"
          name="api-token-scope"
          label={t("apiTokenScopeReadOnly")}
          isChecked={scope === "read-only"}
          onChange={() => setScope("read-only")}
        />
        <Radio
          id="api-token-scope-read-write"
          data-testid="api-token-scope-read-write"
          name="api-token-scope"
          label={t("apiTokenScopeReadWrite")}
          isChecked={scope === "read-write"}
          onChange={() => setScope("read-write")}
        />
      </FormGroup>
      <FormGroup label={t("apiTokenAllowList")} fieldId="api-token-allow-list">
        <TextInput
          id="api-token-allow-list"
          data-testid="api-token-allow-list"
          value={allowList}
          placeholder="203.0.113.7, 10.0.0.0/8, 2001:db8::/32"
          onChange={(_, value) => setAllowList(value)}
          validated={field === "allowList" ? "error" : "default"}
        />
        <FormHelperText>
          <HelperText>
            <HelperTextItem>{t("apiTokenAllowListHelp")}</HelperTextItem>
          </HelperText>
        </FormHelperText>
      </FormGroup>
      <FormGroup label={t("apiTokenExpiresOn")} fieldId="api-token-expires">
        <TextInput
          id="api-token-expires"
          data-testid="api-token-expires"
          type="date"
          value={expiresOn}
          onChange={(_, value) => setExpiresOn(value)}
          validated={field === "expiresAt" ? "error" : "default"}
        />
      </FormGroup>
      {error && (
        <Alert
          variant="danger"
          isInline
          title={errorText(t, error)}
          data-testid="api-token-create-error"
        />
      )}
      <ActionGroup>
        <Button
          type="submit"
          isLoading={busy}
          isDisabled={busy}
          data-testid="api-token-create"
        >
          {t("apiTokenCreate")}
        </Button>
      </ActionGroup>
    </Form>
  );
};
