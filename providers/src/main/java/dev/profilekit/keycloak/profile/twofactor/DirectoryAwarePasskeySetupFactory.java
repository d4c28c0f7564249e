package dev.profilekit.keycloak.profile.twofactor;

import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.authentication.requiredactions.WebAuthnPasswordlessRegisterFactory;
import org.keycloak.models.KeycloakSession;

/** Keycloak's webauthn-register-passwordless (passkey), skipped for users whose directory does 2FA ({@link DirectoryAwareSetup}). */
public final class DirectoryAwarePasskeySetupFactory extends WebAuthnPasswordlessRegisterFactory {

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return new DirectoryAwareSetup(super.create(session));
    }

    @Override
    public int order() {
        return super.order() + DirectoryAwareSetup.ORDER_ABOVE_KEYCLOAK;
    }
}
