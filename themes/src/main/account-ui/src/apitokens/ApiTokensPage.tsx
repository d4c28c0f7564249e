import {
  Page,
  useAccountAlerts,
  useEnvironment,
  type AccountEnvironment,
} from "@keycloak/keycloak-account-ui";
import {
  Alert,
  AlertVariant,
  Button,
  DataList,
  DataListCell,
  DataListItem,
  DataListItemCells,
  DataListItemRow,
  Label,
  PageSection,
  Spinner,
  Title,
} from "@patternfly/react-core";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, request } from "../api/client";
import { ConfirmDeleteButton } from "../components/ConfirmDeleteButton";
import { formatDate, formatDateTime } from "../components/formatDate";
import { ShowSecretModal } from "../components/ShowSecretModal";
import {
  API_TOKENS_PATH,
  type ApiToken,
  type CreateApiTokenRequest,
  type CreatedApiToken,
  type UpdateApiTokenRequest,
} from "./apiTokens";
import { CreateApiTokenForm } from "./CreateApiTokenForm";
import { EditApiTokenModal } from "./EditApiTokenModal";

type ListState =
  | { status: "loading" }
  | { status: "done"; tokens: ApiToken[] }
  | { status: "failed"; error: Error };

/** Account security → API tokens: create (value shown once), list, edit allow-list and expiry, revoke. */
export const ApiTokensPage = () => {
  const { t, i18n } = useTranslation();
  const context = useEnvironment<AccountEnvironment>();
  const { addAlert } = useAccountAlerts();
  const [list, setList] = useState<ListState>({ status: "loading" });
  const [created, setCreated] = useState<CreatedApiToken>();
  const [editing, setEditing] = useState<ApiToken>();
  const locale = i18n.language;

  const load = useCallback(async () => {
    try {
      const tokens = await request<ApiToken[]>(context, API_TOKENS_PATH);
      setList({ status: "done", tokens });
    } catch (error) {
      setList({ status: "failed", error: error as Error });
    }
  }, [context]);

  useEffect(() => {
    void load();
  }, [load]);

  const create = async (body: CreateApiTokenRequest) => {
    const answer = await request<CreatedApiToken>(context, API_TOKENS_PATH, {
      method: "POST",
      body,
    });
    setCreated(answer);
    await load();
  };

  const update = async (token: ApiToken, body: UpdateApiTokenRequest) => {
    await request(context, `${API_TOKENS_PATH}/${token.id}`, {
      method: "PUT",
      body,
    });
    setEditing(undefined);
    addAlert(t("apiTokenUpdated"), AlertVariant.success);
    await load();
  };

  const revoke = async (token: ApiToken) => {
    try {
      await request(context, `${API_TOKENS_PATH}/${token.id}`, {
        method: "DELETE",
      });
      addAlert(t("apiTokenRevoked"), AlertVariant.success);
    } catch (error) {
      addAlert(errorText(t, error as Error), AlertVariant.danger);
    }
    await load();
  };

  return (
    <Page title={t("apiTokensTitle")} description={t("apiTokensDescription")}>
      <div data-testid="api-tokens-page">
        <PageSection
          variant="light"
          padding={{ default: "noPadding" }}
        >
          <Title headingLevel="h2" size="lg" className="pf-v5-u-mb-md">
            {t("apiTokenListTitle")}
          </Title>
          {list.status === "loading" && <Spinner aria-label={t("apiTokensTitle")} />}
          {list.status === "failed" && (
            <Alert variant="danger" isInline title={t("apiTokenLoadError")}>
              {errorText(t, list.error)}
            </Alert>
          )}
          {list.status === "done" && (
            <TokenList
              tokens={list.tokens}
              locale={locale}
              onEdit={setEditing}
              onRevoke={revoke}
            />
          )}
        </PageSection>
        <PageSection
          variant="light"
          padding={{ default: "noPadding" }}
          className="pf-v5-u-mt-xl"
        >
          <Title headingLevel="h2" size="lg" className="pf-v5-u-mb-md">
            {t("apiTokenCreateTitle")}
          </Title>
          <CreateApiTokenForm onCreate={create} />
        </PageSection>
      </div>
      {created && (
        <ShowSecretModal
          title={t("apiTokenCreatedTitle")}
          secret={created.value}
          onClose={() => setCreated(undefined)}
          testId="api-token-secret"
        >
          <p className="pf-v5-u-mb-md">{t("apiTokenCreatedHelp")}</p>
        </ShowSecretModal>
      )}
      {editing && (
        <EditApiTokenModal
          token={editing}
          onSave={(body) => update(editing, body)}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Page>
  );
};

type TokenListProps = {
  tokens: ApiToken[];
  locale: string;
  onEdit: (token: ApiToken) => void;
  onRevoke: (token: ApiToken) => Promise<void>;
};

const TokenList = ({ tokens, locale, onEdit, onRevoke }: TokenListProps) => {
  const { t } = useTranslation();
  if (tokens.length === 0) {
    return <p data-testid="api-token-none">{t("apiTokenNone")}</p>;
  }
  const header = [
    t("apiTokenName"),
    t("apiTokenScope"),
    t("apiTokenAllowList"),
    t("apiTokenCreatedAt"),
    t("expires"),
    t("apiTokenLastUsed"),
    "",
  ];

  return (
    <DataList aria-label={t("apiTokenListTitle")} data-testid="api-token-list" isCompact>
      <DataListItem aria-labelledby="api-token-header">
        <DataListItemRow>
          <DataListItemCells
            dataListCells={header.map((label, index) => (
              <DataListCell key={index}>
                <strong id={index === 0 ? "api-token-header" : undefined}>{label}</strong>
              </DataListCell>
            ))}
          />
        </DataListItemRow>
      </DataListItem>
      {tokens.map((token) => (
        <DataListItem
          key={token.id}
          aria-labelledby={`api-token-${token.id}`}
          data-testid={`api-token-row-${token.id}`}
        >
          <DataListItemRow>
            <DataListItemCells
              dataListCells={[
                <DataListCell key="name">
                  <div id={`api-token-${token.id}`}>{token.name}</div>
                  <small data-testid="api-token-id">{token.id}</small>
                </DataListCell>,
                <DataListCell key="scope" data-testid="api-token-scope">
                  {token.scope === "read-write"
                    ? t("apiTokenScopeReadWrite")
                    : t("apiTokenScopeReadOnly")}
                </DataListCell>,
                <DataListCell key="allow" data-testid="api-token-allow">
                  {token.allowList || t("apiTokenAnyAddress")}
                </DataListCell>,
                <DataListCell key="created">
                  {formatDateTime(token.createdAt, locale)}
                </DataListCell>,
                <DataListCell key="expires" data-testid="api-token-expires-at">
                  {formatDate(token.expiresAt, locale)}{" "}
                  {token.expired && <Label color="red">{t("apiTokenExpired")}</Label>}
                </DataListCell>,
                <DataListCell key="used" data-testid="api-token-last-used">
                  {token.lastUsedAt ? (
                    <>
                      {formatDateTime(token.lastUsedAt, locale)}
                      {token.lastUsedIp && <div><small>{token.lastUsedIp}</small></div>}
                    </>
                  ) : (
                    t("apiTokenNeverUsed")
                  )}
                </DataListCell>,
                <DataListCell key="actions" alignRight>
                  <Button
                    variant="link"
                    onClick={() => onEdit(token)}
                    data-testid="api-token-edit"
                  >
                    {t("edit")}
                  </Button>
                  <ConfirmDeleteButton
                    label={t("apiTokenRevoke")}
                    title={t("apiTokenRevokeTitle")}
                    message={t("apiTokenRevokeMessage", { name: token.name })}
                    onConfirm={() => onRevoke(token)}
                    testId="api-token-revoke"
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
