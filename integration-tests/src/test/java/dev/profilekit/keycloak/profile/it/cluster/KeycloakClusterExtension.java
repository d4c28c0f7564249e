package dev.profilekit.keycloak.profile.it.cluster;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link KeycloakCluster} per test JVM for the test classes that ask for it (the first pays the start,
 * about two minutes on two cores) and stops it, and drops its database, when the JVM's tests are done.
 */
public final class KeycloakClusterExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeycloakClusterExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KeycloakCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Started.class, key -> Started.start(), Started.class).cluster();
    }

    /** The cluster, or why it could not start (remembered, so that the next test does not try again for minutes). */
    private record Started(KeycloakCluster running, Exception failure) implements AutoCloseable {

        static Started start() {
            try {
                return new Started(KeycloakCluster.start(), null);
            } catch (Exception e) {
                return new Started(null, e);
            }
        }

        KeycloakCluster cluster() {
            if (failure != null) {
                throw new IllegalStateException("Could not start the two-node cluster", failure);
            }
            return running;
        }

        @Override
        public void close() {
            if (running != null) {
                running.close();
            }
        }
    }
}
