package dev.profilekit.keycloak.profile.apitoken.grant;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.protocol.oidc.grants.OAuth2GrantType;
import org.keycloak.protocol.oidc.grants.OAuth2GrantTypeFactory;

/**
 * The API token exchange at the realm's token endpoint: {@code grant_type=}{@value #GRANT_TYPE}
 * (the factory id is the grant type, as Keycloak looks grants up by it).
 */
public final class ApiTokenGrantTypeFactory implements OAuth2GrantTypeFactory {

    /** The {@code grant_type} value. */
    public static final String GRANT_TYPE = "urn:profilekit:params:oauth:grant-type:api-token";
    /** Two characters in every token id minted by this grant (Keycloak's built-in grants use others). */
    static final String SHORTCUT = "pk";

    @Override
    public OAuth2GrantType create(KeycloakSession session) {
        return new ApiTokenGrantType();
    }

    @Override
    public String getShortcut() {
        return SHORTCUT;
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

    @Override
    public String getId() {
        return GRANT_TYPE;
    }
}
