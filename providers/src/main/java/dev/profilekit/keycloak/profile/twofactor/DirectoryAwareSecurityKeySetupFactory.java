package dev.profilekit.keycloak.profile.twofactor;

import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.authentication.requiredactions.WebAuthnRegisterFactory;
import org.keycloak.models.KeycloakSession;

/** Keycloak's webauthn-register (security key), skipped for users whose directory does 2FA ({@link DirectoryAwareSetup}). */
public final class DirectoryAwareSecurityKeySetupFactory extends WebAuthnRegisterFactory {

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return new DirectoryAwareSetup(super.create(session));
    }

    @Override
    public int order() {
        return super.order() + DirectoryAwareSetup.ORDER_ABOVE_KEYCLOAK;
    }
}
