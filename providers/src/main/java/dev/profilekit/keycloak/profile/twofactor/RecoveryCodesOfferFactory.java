package dev.profilekit.keycloak.profile.twofactor;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers the "Offer recovery codes" required action. Enable it under Authentication → Required actions; it needs
 * Keycloak's "Recovery Authentication Codes" action enabled too (its Warning Threshold is the threshold used here).
 */
public final class RecoveryCodesOfferFactory implements RequiredActionFactory {

    public static final String PROVIDER_ID = "profilekit-offer-recovery-codes";

    private static final RecoveryCodesOffer INSTANCE = new RecoveryCodesOffer();

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return INSTANCE;
    }

    @Override
    public String getDisplayText() {
        return "Offer recovery codes (Profile Kit)";
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
