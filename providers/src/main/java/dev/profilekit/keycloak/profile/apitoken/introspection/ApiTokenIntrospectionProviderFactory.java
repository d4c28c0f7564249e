package dev.profilekit.keycloak.profile.apitoken.introspection;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.protocol.oidc.TokenIntrospectionProvider;
import org.keycloak.protocol.oidc.TokenIntrospectionProviderFactory;

/**
 * RFC 7662 introspection of raw API tokens at the realm's standard introspection endpoint, chosen by
 * {@code token_type_hint=}{@value #TOKEN_TYPE} (Keycloak picks the provider whose id is the hint).
 */
public final class ApiTokenIntrospectionProviderFactory implements TokenIntrospectionProviderFactory {

    /** The {@code token_type_hint} value, also the {@code token_type} of an active answer. */
    public static final String TOKEN_TYPE = "api_token";

    @Override
    public TokenIntrospectionProvider create(KeycloakSession session) {
        return new ApiTokenIntrospectionProvider(session);
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
        return TOKEN_TYPE;
    }
}
