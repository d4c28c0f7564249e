import styles from "./Initials.module.css";

/** The avatar placeholder: the user's initials in a circle. */
export const Initials = ({ name }: { name: string }) => {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0].toUpperCase())
    .join("");
  return (
    <span className={styles.initials} aria-hidden="true" data-testid="profile-avatar">
      {initials}
    </span>
  );
};
