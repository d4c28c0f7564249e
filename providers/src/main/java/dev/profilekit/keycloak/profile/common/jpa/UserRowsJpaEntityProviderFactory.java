package dev.profilekit.keycloak.profile.common.jpa;

import java.util.function.Function;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers one capability's entities and Liquibase changelog (its {@link JpaEntityProvider}) and deletes its rows
 * when their user or realm is removed ({@link UserRowsCleanup}). Subclasses only name these parts.
 */
public abstract class UserRowsJpaEntityProviderFactory implements JpaEntityProviderFactory {

    private final String id;
    private final JpaEntityProvider provider;
    private final String what;
    private final Function<KeycloakSession, UserRowsCleanup.UserRows> store;

    /**
     * @param id    the factory id; Keycloak tracks the changelog in {@code DATABASECHANGELOG_<first 10 chars of it>}
     * @param what  names the rows in debug logs, e.g. {@code "API tokens"}
     * @param store the store of those rows in a session
     */
    protected UserRowsJpaEntityProviderFactory(String id, JpaEntityProvider provider, String what,
                                               Function<KeycloakSession, UserRowsCleanup.UserRows> store) {
        this.id = id;
        this.provider = provider;
        this.what = what;
        this.store = store;
    }

    @Override
    public final JpaEntityProvider create(KeycloakSession session) {
        return provider;
    }

    @Override
    public final void init(Config.Scope config) {
    }

    @Override
    public final void postInit(KeycloakSessionFactory factory) {
        UserRowsCleanup.register(factory, what, store);
    }

    @Override
    public final void close() {
    }

    @Override
    public final String getId() {
        return id;
    }
}
