package dev.profilekit.keycloak.profile.recoveryemail;

/**
 * A user's recovery email as the Profile page shows it.
 *
 * @param email               the confirmed address that password reset mails go to, or {@code null}
 * @param pendingEmail        an address waiting for its confirmation (not used for anything yet), or {@code null}
 * @param hostedDomainWarning whether the address shown ({@code pendingEmail}, else {@code email}) is in a domain the
 *                            admin lists as hosted on this server
 */
public record RecoveryEmailState(String email, String pendingEmail, boolean hostedDomainWarning) {
}
