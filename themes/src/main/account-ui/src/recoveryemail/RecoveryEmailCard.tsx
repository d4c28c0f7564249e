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
  Label,
  Spinner,
  TextInput,
} from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../api/client";
import { useRequest } from "../api/useRequest";
import { ConfirmDeleteButton } from "../components/ConfirmDeleteButton";
import { LockNotice } from "../profile/LockNotice";
import type { Profile } from "../profile/profile";
import {
  RECOVERY_EMAIL_ATTRIBUTE,
  RECOVERY_EMAIL_PATH,
  type RecoveryEmail,
  removeRecoveryEmail,
  requestRecoveryEmail,
} from "./recoveryEmail";

type Props = { profile: Profile };

type Notice = { key: string; email?: string };

/**
 * The address password reset emails go to instead of the primary email. A new address is used only once the user
 * opens the confirmation link mailed to it; until then it shows as waiting. The server decides everything (validity,
 * profile lock, hosted domains); this card mirrors it.
 */
export const RecoveryEmailCard = ({ profile }: Props) => {
  const { t } = useTranslation();
  const context = useEnvironment<AccountEnvironment>();
  const [state, reload] = useRequest<RecoveryEmail>(RECOVERY_EMAIL_PATH);
  const [input, setInput] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [notice, setNotice] = useState<Notice>();
  const lock = profile.lock?.attributes.includes(RECOVERY_EMAIL_ATTRIBUTE) ? profile.lock : undefined;

  const run = async (action: () => Promise<Notice>) => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      setNotice(await action());
      reload();
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setBusy(false);
    }
  };

  const send = (email: string) =>
    run(async () => {
      const answer = await requestRecoveryEmail(context, email);
      setInput("");
      return answer.pendingEmail
        ? { key: "recoveryEmailSent", email: answer.pendingEmail }
        : { key: "recoveryEmailKept", email: answer.email ?? undefined };
    });

  const remove = () =>
    run(async () => {
      await removeRecoveryEmail(context);
      return { key: "recoveryEmailRemoved" };
    });

  return (
    <Card data-testid="recovery-email-card">
      <CardTitle>{t("recoveryEmailTitle")}</CardTitle>
      <CardBody>
        <p className="pf-v5-u-mb-md pf-v5-u-color-200" data-testid="recovery-email-help">
          {t("recoveryEmailHelp")}
        </p>
        {lock && <LockNotice lock={lock} testId="recovery-email-lock-reason" />}
        {state.status === "loading" && <Spinner size="md" aria-label={t("recoveryEmailLoading")} />}
        {state.status === "failed" && (
          <Alert variant="danger" isInline title={t("recoveryEmailLoadError")}>
            {errorText(t, state.error)}
          </Alert>
        )}
        {error && <Alert variant="danger" isInline className="pf-v5-u-mb-md" title={errorText(t, error)} data-testid="recovery-email-error" />}
        {notice && (
          <Alert variant="success" isInline className="pf-v5-u-mb-md" title={t(notice.key, { email: notice.email })} data-testid="recovery-email-notice" />
        )}
        {state.status === "done" && (
          <>
            <Current
              state={state.data}
              primaryEmail={profile.email ?? undefined}
              locked={Boolean(lock)}
              busy={busy}
              onResend={(email) => void send(email)}
              onCancel={() => void (state.data.email ? send(state.data.email) : remove())}
              onRemove={remove}
            />
            {state.data.hostedDomainWarning && (
              <Alert variant="warning" isInline className="pf-v5-u-mt-md" title={t("recoveryEmailHostedDomainWarning")} data-testid="recovery-email-hosted-warning" />
            )}
            {!lock && (
              <Form
                className="pf-v5-u-mt-md"
                onSubmit={(event) => {
                  event.preventDefault();
                  void send(input);
                }}
                data-testid="recovery-email-form"
              >
                <FormGroup label={t(state.data.email || state.data.pendingEmail ? "recoveryEmailNew" : "recoveryEmailLabel")} fieldId="recovery-email-input">
                  <TextInput
                    id="recovery-email-input"
                    type="email"
                    value={input}
                    onChange={(_event, value) => setInput(value)}
                    data-testid="recovery-email-input"
                  />
                  <FormHelperText>
                    <HelperText>
                      <HelperTextItem>{t("recoveryEmailInputHelp")}</HelperTextItem>
                    </HelperText>
                  </FormHelperText>
                </FormGroup>
                <ActionGroup>
                  <Button type="submit" isDisabled={busy || !input.trim()} isLoading={busy} data-testid="recovery-email-save">
                    {t("recoveryEmailSave")}
                  </Button>
                </ActionGroup>
              </Form>
            )}
          </>
        )}
      </CardBody>
    </Card>
  );
};

type CurrentProps = {
  state: RecoveryEmail;
  primaryEmail?: string;
  locked: boolean;
  busy: boolean;
  onResend: (email: string) => void;
  onCancel: () => void;
  onRemove: () => Promise<void>;
};

/** The confirmed address, the one waiting for confirmation, or neither. */
const Current = ({ state, primaryEmail, locked, busy, onResend, onCancel, onRemove }: CurrentProps) => {
  const { t } = useTranslation();
  const { email, pendingEmail } = state;
  if (!email && !pendingEmail) {
    return (
      <p data-testid="recovery-email-empty">
        {primaryEmail ? t("recoveryEmailNoneUsesPrimary", { email: primaryEmail }) : t("recoveryEmailNone")}
      </p>
    );
  }
  return (
    <>
      {email && (
        <div className="pf-v5-u-mb-sm">
          <span data-testid="recovery-email-current">{email}</span>{" "}
          <Label color="green" isCompact data-testid="recovery-email-verified">
            {t("recoveryEmailVerified")}
          </Label>
          {!locked && !pendingEmail && (
            <ConfirmDeleteButton
              label={t("recoveryEmailRemove")}
              title={t("recoveryEmailRemoveTitle")}
              message={t("recoveryEmailRemoveMessage", { email })}
              onConfirm={onRemove}
              isDisabled={busy}
              testId="recovery-email-remove"
            />
          )}
        </div>
      )}
      {pendingEmail && (
        <div className="pf-v5-u-mb-sm">
          <span data-testid="recovery-email-pending">{pendingEmail}</span>{" "}
          <Label color="orange" isCompact data-testid="recovery-email-pending-label">
            {t("recoveryEmailPending")}
          </Label>
          <div className="pf-v5-u-font-size-sm pf-v5-u-color-200" data-testid="recovery-email-pending-help">
            {email
              ? t("recoveryEmailPendingReplacesHelp", { email: pendingEmail, current: email })
              : t("recoveryEmailPendingHelp", { email: pendingEmail })}
          </div>
          {!locked && (
            <div className="pf-v5-u-mt-xs">
              <Button variant="link" isInline isDisabled={busy} onClick={() => onResend(pendingEmail)} className="pf-v5-u-mr-lg" data-testid="recovery-email-resend">
                {t("recoveryEmailResend")}
              </Button>
              <Button variant="link" isInline isDisabled={busy} onClick={onCancel} data-testid="recovery-email-cancel">
                {t("recoveryEmailCancel")}
              </Button>
            </div>
          )}
        </div>
      )}
    </>
  );
};
