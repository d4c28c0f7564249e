package dev.profilekit.keycloak.profile.it.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.keycloak.admin.client.Keycloak;

/**
 * Starts one {@link KeycloakServer} per test JVM (the first test class that needs it pays the start) and
 * stops it when the JVM's tests are done. Resolves {@link KeycloakServer}, an admin {@link Keycloak} client and a
 * per-test {@link TestUsers} as test parameters.
 */
public final class KeycloakServerExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeycloakServerExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KeycloakServer.class || type == Keycloak.class || type == TestUsers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningServer server = running(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == KeycloakServer.class) {
            return server.server();
        }
        if (type == Keycloak.class) {
            return server.admin();
        }
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(TestUsers.class, key -> new TestUsers(server.admin()), TestUsers.class);
    }

    private static RunningServer running(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(RunningServer.class, key -> RunningServer.start(), RunningServer.class);
    }

    private record RunningServer(KeycloakServer server, Keycloak admin) implements AutoCloseable {

        static RunningServer start() {
            KeycloakServer server = KeycloakServer.fromSystemProperties();
            try {
                server.start();
            } catch (Exception e) {
                throw new IllegalStateException("Could not start " + server, e);
            }
            return new RunningServer(server, Keycloak.getInstance(server.baseUrl(), "master", KeycloakServer.ADMIN_USERNAME,
                    KeycloakServer.ADMIN_PASSWORD, "admin-cli"));
        }

        @Override
        public void close() {
            admin.close();
            server.stop();
        }
    }
}
