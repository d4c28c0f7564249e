import {
  type AccountEnvironment,
  useEnvironment,
} from "@keycloak/keycloak-account-ui";
import { KeycloakMasthead, label } from "@keycloak/keycloak-ui-shared";
import { Button } from "@patternfly/react-core";
import { ExternalLinkSquareAltIcon } from "@patternfly/react-icons";
import { useTranslation } from "react-i18next";
import { useHref } from "react-router-dom";
import style from "./Header.module.css";

/**
 * The account console's masthead, as the library's `Header` renders it. The library bundles its own copy of
 * PatternFly, so its nav toggle cannot reach our `Page`; ui-shared's masthead imports PatternFly from
 * node_modules like our code does. (Only context-free parts of ui-shared may be used: its providers and hooks
 * are a different copy from the library's.)
 */
export const Header = () => {
  const { environment, keycloak } = useEnvironment<AccountEnvironment>();
  const { t } = useTranslation();
  const logoUrl = environment.logoUrl || "/";
  const internalLogoHref = useHref(logoUrl);

  return (
    <KeycloakMasthead
      data-testid="page-header"
      keycloak={keycloak}
      features={{ hasManageAccount: false }}
      brand={{
        // A logo URL starting with "/" is a path inside the console.
        href: logoUrl.startsWith("/") ? internalLogoHref : logoUrl,
        src: `${environment.resourceUrl}/${environment.logo || "logo.svg"}`,
        alt: t("logo"),
        className: style.brand,
      }}
      toolbarItems={[<ReferrerLink key="link" />]}
    />
  );
};

const ReferrerLink = () => {
  const { environment } = useEnvironment<AccountEnvironment>();
  const { t } = useTranslation();

  return environment.referrerUrl ? (
    <Button
      data-testid="referrer-link"
      component="a"
      href={environment.referrerUrl.replace("_hash_", "#")}
      variant="link"
      icon={<ExternalLinkSquareAltIcon />}
      iconPosition="right"
      isInline
    >
      {t("backTo", {
        app: label(t, environment.referrerName, environment.referrerUrl),
      })}
    </Button>
  ) : null;
};
