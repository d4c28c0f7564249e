import {
  Alert,
  Button,
  Form,
  FormGroup,
  Modal,
  ModalVariant,
  TextInput,
} from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../api/client";
import { endOfLocalDayIso, toLocalDateInput } from "../components/formatDate";
import type { ApiToken, UpdateApiTokenRequest } from "./apiTokens";

type Props = {
  token: ApiToken;
  onSave: (request: UpdateApiTokenRequest) => Promise<void>;
  onClose: () => void;
};

/** Changes a token's allow-list and expiry; everything else needs a new token. */
export const EditApiTokenModal = ({ token, onSave, onClose }: Props) => {
  const { t } = useTranslation();
  const [allowList, setAllowList] = useState(token.allowList);
  const [expiresOn, setExpiresOn] = useState(
    toLocalDateInput(new Date(token.expiresAt)),
  );
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onSave({ allowList, expiresAt: endOfLocalDayIso(expiresOn) });
    } catch (e) {
      setError(e as Error);
      setBusy(false);
    }
  };

  return (
    <Modal
      variant={ModalVariant.small}
      title={t("apiTokenEditTitle", { name: token.name })}
      isOpen
      onClose={onClose}
      data-testid="api-token-edit-modal"
      actions={[
        <Button
          key="save"
          isLoading={busy}
          isDisabled={busy}
          onClick={() => void save()}
          data-testid="api-token-edit-save"
        >
          {t("save")}
        </Button>,
        <Button key="cancel" variant="link" onClick={onClose}>
          {t("cancel")}
        </Button>,
      ]}
    >
      <Form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <FormGroup label={t("apiTokenAllowList")} fieldId="api-token-edit-allow-list">
          <TextInput
            id="api-token-edit-allow-list"
            data-testid="api-token-edit-allow-list"
            value={allowList}
            onChange={(_, value) => setAllowList(value)}
          />
        </FormGroup>
        <FormGroup label={t("apiTokenExpiresOn")} fieldId="api-token-edit-expires">
          <TextInput
            id="api-token-edit-expires"
            data-testid="api-token-edit-expires"
            type="date"
            value={expiresOn}
            onChange={(_, value) => setExpiresOn(value)}
          />
        </FormGroup>
        {error && (
          <Alert
            variant="danger"
            isInline
            title={errorText(t, error)}
            data-testid="api-token-edit-error"
          />
        )}
      </Form>
    </Modal>
  );
};
