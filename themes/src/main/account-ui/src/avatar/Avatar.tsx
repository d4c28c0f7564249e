import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Initials } from "../profile/Initials";
import styles from "./Avatar.module.css";

type Props = { picture?: string | null; name: string };

/** The user's picture, or their initials when there is none (or it cannot be loaded, e.g. an unknown Gravatar). */
export const Avatar = ({ picture, name }: Props) => {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  useEffect(() => setFailed(false), [picture]);

  if (!picture || failed) return <Initials name={name} />;
  return (
    <img
      className={styles.avatar}
      src={picture}
      alt={t("avatarAlt", { name })}
      width={64}
      height={64}
      referrerPolicy="no-referrer"
      onError={() => setFailed(true)}
      data-testid="profile-avatar-image"
    />
  );
};
