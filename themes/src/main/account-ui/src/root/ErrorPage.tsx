import {
  Alert,
  AlertActionLink,
  Page,
  PageSection,
} from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import { useRouteError } from "react-router-dom";

/** Shown instead of the console when a page throws (e.g. a built-in page whose request failed). */
export const ErrorPage = () => {
  const { t } = useTranslation();
  const error = useRouteError();

  return (
    <Page>
      <PageSection variant="light">
        <Alert
          variant="danger"
          isInline
          title={t("somethingWentWrong")}
          actionLinks={
            <AlertActionLink onClick={() => location.reload()}>
              {t("tryAgain")}
            </AlertActionLink>
          }
        >
          {error instanceof Error
            ? t(error.message)
            : t("somethingWentWrongDescription")}
        </Alert>
      </PageSection>
    </Page>
  );
};
