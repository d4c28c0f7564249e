import {
  type AccountEnvironment,
  useEnvironment,
} from "@keycloak/keycloak-account-ui";
import { Alert, FormSelect, FormSelectOption } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../api/client";
import { type Profile, saveProfile } from "./profile";

type Props = { profile: Profile; onSaved: () => void };

/**
 * Keycloak's own per-user locale (user attribute `locale`), which overrides the realm's default language. Saved
 * through the account REST API at once; the console switches language the way Personal info does.
 */
export const LanguageSelect = ({ profile, onSaved }: Props) => {
  const { t } = useTranslation();
  const context = useEnvironment<AccountEnvironment>();
  const [error, setError] = useState<Error>();

  if (profile.locales.length === 0) {
    return <>{t("profileLanguageRealmOnly")}</>;
  }

  const change = async (locale: string) => {
    setError(undefined);
    try {
      await saveProfile(context, { locale });
      window.dispatchEvent(
        new CustomEvent("languageChanged", {
          detail: { language: locale || context.environment.locale },
        }),
      );
      onSaved();
    } catch (failure) {
      setError(failure as Error);
    }
  };

  return (
    <div style={{ maxWidth: "20rem" }}>
      <FormSelect
        id="profile-locale"
        aria-label={t("profileLanguage")}
        value={profile.locale ?? ""}
        onChange={(_event, value) => void change(value)}
        data-testid="profile-locale"
      >
        <FormSelectOption value="" label={t("profileLanguageDefault")} />
        {profile.locales.map((locale) => (
          <FormSelectOption key={locale} value={locale} label={languageName(locale)} />
        ))}
      </FormSelect>
      {error && <Alert variant="danger" isInline isPlain title={errorText(t, error)} />}
    </div>
  );
};

/** A language's own name, e.g. "Deutsch" for `de`. */
function languageName(locale: string): string {
  const name = new Intl.DisplayNames([locale], { type: "language" }).of(locale);
  return name ? name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) : locale;
}
