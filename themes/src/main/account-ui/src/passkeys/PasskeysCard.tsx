import {
  type AccountEnvironment,
  useEnvironment,
} from "@keycloak/keycloak-account-ui";
import {
  Alert,
  Button,
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  DataList,
  DataListCell,
  DataListItem,
  DataListItemCells,
  DataListItemRow,
  Label,
  Spinner,
} from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { errorText } from "../api/client";
import { useRequest } from "../api/useRequest";
import { formatDateTime } from "../components/formatDate";
import { SETUP_ACTIONS } from "../profile/useSetupDeepLink";
import { PASSKEYS_PATH, type Passkey } from "./passkeys";

type Props = {
  /** The directory that does this user's 2FA: Keycloak's passkey set-up is not offered then. */
  twoFactorHandledBy?: string | null;
};

/**
 * The user's passkeys and security keys with created date and last use. Registering runs Keycloak's own
 * passkey registration; removing stays on Keycloak's Signing in page.
 */
export const PasskeysCard = ({ twoFactorHandledBy }: Props) => {
  const { t } = useTranslation();
  const { keycloak } = useEnvironment<AccountEnvironment>();
  const [passkeys] = useRequest<Passkey[]>(PASSKEYS_PATH);

  return (
    <Card data-testid="passkeys-card">
      <CardHeader
        actions={
          twoFactorHandledBy
            ? undefined
            : {
                actions: (
                  <Button
                    variant="secondary"
                    data-testid="passkey-add"
                    onClick={() => void keycloak.login({ action: SETUP_ACTIONS.passkey })}
                  >
                    {t("passkeyAdd")}
                  </Button>
                ),
              }
        }
      >
        <CardTitle component="h2">{t("passkeysTitle")}</CardTitle>
      </CardHeader>
      <CardBody>
        <p className="pf-v5-u-mb-md pf-v5-u-color-200">{t("passkeysDescription")}</p>
        {passkeys.status === "loading" && <Spinner size="md" aria-label={t("passkeysTitle")} />}
        {passkeys.status === "failed" && (
          <Alert variant="danger" isInline isPlain title={t("passkeyLoadError")}>
            {errorText(t, passkeys.error)}
          </Alert>
        )}
        {passkeys.status === "done" && <PasskeyList passkeys={passkeys.data} />}
        <div className="pf-v5-u-mt-md">
          <Link to="../account-security/signing-in">{t("passkeyManage")}</Link>
        </div>
      </CardBody>
    </Card>
  );
};

const PasskeyList = ({ passkeys }: { passkeys: Passkey[] }) => {
  const { t, i18n } = useTranslation();
  if (passkeys.length === 0) {
    return <p data-testid="passkey-none">{t("passkeyNone")}</p>;
  }
  const header = [t("passkeyName"), t("passkeyCreated"), t("passkeyLastUsed")];

  return (
    <DataList aria-label={t("passkeysTitle")} data-testid="passkey-list" isCompact>
      <DataListItem aria-labelledby="passkey-header">
        <DataListItemRow>
          <DataListItemCells
            dataListCells={header.map((label, index) => (
              <DataListCell key={index}>
                <strong id={index === 0 ? "passkey-header" : undefined}>{label}</strong>
              </DataListCell>
            ))}
          />
        </DataListItemRow>
      </DataListItem>
      {passkeys.map((passkey) => (
        <DataListItem key={passkey.id} aria-labelledby={`passkey-${passkey.id}`} data-testid="passkey-row">
          <DataListItemRow>
            <DataListItemCells
              dataListCells={[
                <DataListCell key="name">
                  <span id={`passkey-${passkey.id}`} data-testid="passkey-row-name">
                    {passkey.name || t(passkey.type === "passkey" ? "passkeyTypePasskey" : "passkeyTypeSecurityKey")}
                  </span>{" "}
                  <Label isCompact color={passkey.type === "passkey" ? "blue" : "purple"} data-testid="passkey-row-type">
                    {t(passkey.type === "passkey" ? "passkeyTypePasskey" : "passkeyTypeSecurityKey")}
                  </Label>
                </DataListCell>,
                <DataListCell key="created" data-testid="passkey-row-created">
                  {formatDateTime(passkey.createdAt, i18n.language)}
                </DataListCell>,
                <DataListCell key="used" data-testid="passkey-row-last-used">
                  {passkey.lastUsedAt
                    ? `${formatDateTime(passkey.lastUsedAt, i18n.language)}${passkey.lastUsedIp ? ` (${passkey.lastUsedIp})` : ""}`
                    : t("passkeyNeverUsed")}
                </DataListCell>,
              ]}
            />
          </DataListItemRow>
        </DataListItem>
      ))}
    </DataList>
  );
};
