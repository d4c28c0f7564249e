import { Alert } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import type { ProfileLock } from "./profile";

type Props = { lock: ProfileLock; testId: string };

/** Why fields are read-only: the admin's lock, or the directory that owns the account. */
export const LockNotice = ({ lock, testId }: Props) => {
  const { t } = useTranslation();
  const title =
    lock.reason === "directory"
      ? t("profileManagedByDirectoryNotice", { directory: lock.directory })
      : t("profileLockedByAdminNotice");
  return (
    <Alert variant="info" isInline title={title} className="pf-v5-u-mb-md" data-testid={testId} data-reason={lock.reason} />
  );
};
