import {
  Page,
  useAccountAlerts,
  useEnvironment,
  type AccountEnvironment,
} from "@keycloak/keycloak-account-ui";
import {
  Alert,
  AlertVariant,
  DataList,
  DataListCell,
  DataListItem,
  DataListItemCells,
  DataListItemRow,
  PageSection,
  Spinner,
  Title,
} from "@patternfly/react-core";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, request } from "../api/client";
import { ConfirmDeleteButton } from "../components/ConfirmDeleteButton";
import { formatDateTime } from "../components/formatDate";
import { ShowSecretModal } from "../components/ShowSecretModal";
import {
  APP_PASSWORDS_PATH,
  type App,
  type AppPassword,
  type CreateAppPasswordRequest,
  type CreatedAppPassword,
} from "./appPasswords";
import { CreateAppPasswordForm } from "./CreateAppPasswordForm";

type State =
  | { status: "loading" }
  | { status: "done"; appPasswords: AppPassword[]; apps: App[] }
  | { status: "failed"; error: Error };

/** Account security → App passwords: one password per app, shown once, listed with last use, deletable. */
export const AppPasswordsPage = () => {
  const { t, i18n } = useTranslation();
  const context = useEnvironment<AccountEnvironment>();
  const { addAlert } = useAccountAlerts();
  const [state, setState] = useState<State>({ status: "loading" });
  const [created, setCreated] = useState<CreatedAppPassword>();

  const load = useCallback(async () => {
    try {
      const [appPasswords, apps] = await Promise.all([
        request<AppPassword[]>(context, APP_PASSWORDS_PATH),
        request<App[]>(context, `${APP_PASSWORDS_PATH}/apps`),
      ]);
      setState({ status: "done", appPasswords, apps });
    } catch (error) {
      setState({ status: "failed", error: error as Error });
    }
  }, [context]);

  useEffect(() => {
    void load();
  }, [load]);

  const create = async (body: CreateAppPasswordRequest) => {
    setCreated(await request<CreatedAppPassword>(context, APP_PASSWORDS_PATH, { method: "POST", body }));
    await load();
  };

  const remove = async (appPassword: AppPassword) => {
    try {
      await request(context, `${APP_PASSWORDS_PATH}/${appPassword.id}`, { method: "DELETE" });
      addAlert(t("appPasswordDeleted"), AlertVariant.success);
    } catch (error) {
      addAlert(errorText(t, error as Error), AlertVariant.danger);
    }
    await load();
  };

  return (
    <Page title={t("appPasswordsTitle")} description={t("appPasswordsDescription")}>
      <div data-testid="app-passwords-page">
        {state.status === "loading" && <Spinner aria-label={t("appPasswordsTitle")} />}
        {state.status === "failed" && (
          <Alert variant="danger" isInline title={t("appPasswordLoadError")}>
            {errorText(t, state.error)}
          </Alert>
        )}
        {state.status === "done" && (
          <>
            <PageSection variant="light" padding={{ default: "noPadding" }}>
              <Title headingLevel="h2" size="lg" className="pf-v5-u-mb-md">
                {t("appPasswordListTitle")}
              </Title>
              <AppPasswordList appPasswords={state.appPasswords} locale={i18n.language} onDelete={remove} />
            </PageSection>
            <PageSection variant="light" padding={{ default: "noPadding" }} className="pf-v5-u-mt-xl">
              <Title headingLevel="h2" size="lg" className="pf-v5-u-mb-md">
                {t("appPasswordCreateTitle")}
              </Title>
              <CreateAppPasswordForm apps={state.apps} onCreate={create} />
            </PageSection>
          </>
        )}
      </div>
      {created && (
        <ShowSecretModal
          title={t("appPasswordCreatedTitle", { name: created.appPassword.name })}
          secret={created.password}
          onClose={() => setCreated(undefined)}
          testId="app-password-secret"
        >
          <p className="pf-v5-u-mb-md">{t("appPasswordCreatedHelp", { app: created.appPassword.appName })}</p>
        </ShowSecretModal>
      )}
    </Page>
  );
};

type ListProps = {
  appPasswords: AppPassword[];
  locale: string;
  onDelete: (appPassword: AppPassword) => Promise<void>;
};

const AppPasswordList = ({ appPasswords, locale, onDelete }: ListProps) => {
  const { t } = useTranslation();
  if (appPasswords.length === 0) {
    return <p data-testid="app-password-none">{t("appPasswordNone")}</p>;
  }
  const header = [t("appPasswordName"), t("appPasswordApp"), t("apiTokenCreatedAt"), t("apiTokenLastUsed"), ""];

  return (
    <DataList aria-label={t("appPasswordListTitle")} data-testid="app-password-list" isCompact>
      <DataListItem aria-labelledby="app-password-header">
        <DataListItemRow>
          <DataListItemCells
            dataListCells={header.map((label, index) => (
              <DataListCell key={index}>
                <strong id={index === 0 ? "app-password-header" : undefined}>{label}</strong>
              </DataListCell>
            ))}
          />
        </DataListItemRow>
      </DataListItem>
      {appPasswords.map((appPassword) => (
        <DataListItem
          key={appPassword.id}
          aria-labelledby={`app-password-${appPassword.id}`}
          data-testid="app-password-row"
        >
          <DataListItemRow>
            <DataListItemCells
              dataListCells={[
                <DataListCell key="name">
                  <div id={`app-password-${appPassword.id}`} data-testid="app-password-row-name">{appPassword.name}</div>
                  {appPassword.allowList && <small>{appPassword.allowList}</small>}
                </DataListCell>,
                <DataListCell key="app">{appPassword.appName}</DataListCell>,
                <DataListCell key="created">{formatDateTime(appPassword.createdAt, locale)}</DataListCell>,
                <DataListCell key="used" data-testid="app-password-row-last-used">
                  {appPassword.lastUsedAt
                    ? `${formatDateTime(appPassword.lastUsedAt, locale)} (${appPassword.lastUsedIp})`
                    : t("apiTokenNeverUsed")}
                </DataListCell>,
                <DataListCell key="delete">
                  <ConfirmDeleteButton
                    label={t("delete")}
                    title={t("appPasswordDeleteTitle")}
                    message={t("appPasswordDeleteMessage", { name: appPassword.name, app: appPassword.appName })}
                    onConfirm={() => onDelete(appPassword)}
                    testId="app-password-delete"
                  />
                </DataListCell>,
              ]}
            />
          </DataListItemRow>
        </DataListItem>
      ))}
    </DataList>
  );
};
