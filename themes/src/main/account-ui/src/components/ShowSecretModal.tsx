import {
  Alert,
  Button,
  ClipboardCopy,
  Modal,
  ModalVariant,
} from "@patternfly/react-core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export type ShowSecretModalProps = {
  /** Modal title, e.g. "Your new API token". */
  title: string;
  /** The secret, shown read-only with a copy button. */
  secret: string;
  /** Called when the user closes the modal; the caller should then forget the secret. */
  onClose: () => void;
  /** Text above the secret, e.g. how to use it. */
  children?: ReactNode;
  /** Warning that the secret is shown only this once; defaults to the theme's `secretShownOnce`. */
  warning?: string;
  /** `data-testid` of the modal; the secret field is `${testId}-value`. */
  testId?: string;
};

/**
 * Shows a server-generated secret exactly once: read-only, with a copy button and a "you won't see it again" warning.
 * Generic: used for API tokens and other one-time secrets.
 */
export const ShowSecretModal = ({
  title,
  secret,
  onClose,
  children,
  warning,
  testId = "show-secret-modal",
}: ShowSecretModalProps) => {
  const { t } = useTranslation();

  return (
    <Modal
      variant={ModalVariant.medium}
      title={title}
      isOpen
      onClose={onClose}
      data-testid={testId}
      actions={[
        <Button key="close" onClick={onClose} data-testid={`${testId}-close`}>
          {t("secretDone")}
        </Button>,
      ]}
    >
      <Alert
        variant="warning"
        isInline
        isPlain
        title={warning ?? t("secretShownOnce")}
        className="pf-v5-u-mb-md"
      />
      {children}
      <ClipboardCopy
        isReadOnly
        hoverTip={t("secretCopy")}
        clickTip={t("secretCopied")}
        data-testid={`${testId}-value`}
      >
        {secret}
      </ClipboardCopy>
    </Modal>
  );
};
