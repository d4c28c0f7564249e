import { Button, Modal, ModalVariant } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

export type ConfirmDeleteButtonProps = {
  /** Button text, e.g. "Revoke". */
  label: string;
  /** Title of the confirmation dialog. */
  title: string;
  /** Question in the confirmation dialog. */
  message: string;
  /** Text of the confirming button; defaults to `label`. */
  confirmLabel?: string;
  /** Called after the user confirmed. */
  onConfirm: () => void | Promise<void>;
  isDisabled?: boolean;
  /** `data-testid` of the button; the dialog's confirm button is `${testId}-confirm`. */
  testId?: string;
};

/** A danger button that asks for confirmation before it deletes or revokes anything. Generic. */
export const ConfirmDeleteButton = ({
  label,
  title,
  message,
  confirmLabel,
  onConfirm,
  isDisabled,
  testId = "confirm-delete",
}: ConfirmDeleteButtonProps) => {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };

  return (
    <>
      <Button
        variant="link"
        isDanger
        isDisabled={isDisabled}
        onClick={() => setOpen(true)}
        data-testid={testId}
      >
        {label}
      </Button>
      {open && (
        <Modal
          variant={ModalVariant.small}
          titleIconVariant="warning"
          title={title}
          isOpen
          onClose={() => setOpen(false)}
          actions={[
            <Button
              key="confirm"
              variant="danger"
              isLoading={busy}
              isDisabled={busy}
              onClick={() => void confirm()}
              data-testid={`${testId}-confirm`}
            >
              {confirmLabel ?? label}
            </Button>,
            <Button key="cancel" variant="link" onClick={() => setOpen(false)}>
              {t("cancel")}
            </Button>,
          ]}
        >
          {message}
        </Modal>
      )}
    </>
  );
};
