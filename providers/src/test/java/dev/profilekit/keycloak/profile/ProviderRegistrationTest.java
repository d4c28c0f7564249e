package dev.profilekit.keycloak.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import dev.profilekit.keycloak.profile.account.ProfileResourceProviderFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.keycloak.provider.ProviderFactory;

/**
 * Every factory listed in our {@code META-INF/services} files loads through {@link ServiceLoader}
 * (as Keycloak loads it), lives in our package, and has an id that is unique within its SPI.
 */
class ProviderRegistrationTest {

    private static final String OUR_PACKAGE = "dev.profilekit.keycloak.profile.";
    private static final String KEBAB_CASE = "[a-z0-9]+(-[a-z0-9]+)*";
    /**
     * SPIs whose provider id is a protocol value chosen by the caller, so it follows that protocol's spelling, or
     * where we replace one of Keycloak's providers under its own id.
     */
    private static final Map<String, String> PROTOCOL_ID_PATTERNS = Map.of(
            "org.keycloak.protocol.oidc.grants.OAuth2GrantTypeFactory", "urn(:[a-z0-9-]+)+",
            "org.keycloak.protocol.oidc.TokenIntrospectionProviderFactory", "[a-z0-9]+(_[a-z0-9]+)*",
            // we replace Keycloak's own CONFIGURE_TOTP action, so we keep its id
            "org.keycloak.authentication.RequiredActionFactory", KEBAB_CASE + "|CONFIGURE_TOTP");

    @TestFactory
    Stream<DynamicTest> everyRegisteredFactoryLoadsWithAUniqueId() throws IOException, URISyntaxException {
        Path services = Path.of(ProfileResourceProviderFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("META-INF/services");
        try (Stream<Path> files = Files.list(services)) {
            return files.sorted().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file))).toList().stream();
        }
    }

    private void check(Path serviceFile) throws Exception {
        List<String> declared = declaredClasses(serviceFile);
        assertThat(declared).as("declared factories").isNotEmpty().allMatch(name -> name.startsWith(OUR_PACKAGE));

        Class<?> spi = Class.forName(serviceFile.getFileName().toString());
        List<String> loaded = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Object factory : ServiceLoader.load(spi, onlyOurServiceFiles(serviceFile.getParent().getParent().getParent()))) {
            loaded.add(factory.getClass().getName());
            ids.add(((ProviderFactory<?>) factory).getId());
        }
        assertThat(loaded).containsExactlyInAnyOrderElementsOf(declared);
        String idPattern = PROTOCOL_ID_PATTERNS.getOrDefault(spi.getName(), KEBAB_CASE);
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id != null && id.matches(idPattern), "id matching " + idPattern);
        if (spi.getName().equals("org.keycloak.authentication.AuthenticatorFactory")) {
            // a flow execution stores its authenticator id in AUTHENTICATION_EXECUTION.AUTHENTICATOR, a VARCHAR(36)
            assertThat(ids).allMatch(id -> id.length() <= 36, "at most 36 characters");
        }
    }

    /** Loads classes as usual but lists only our service files (Keycloak's own jars are on the test classpath too). */
    private ClassLoader onlyOurServiceFiles(Path classesDir) {
        return new ClassLoader(getClass().getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                Path file = classesDir.resolve(name);
                return Files.exists(file) ? Collections.enumeration(List.of(file.toUri().toURL())) : Collections.emptyEnumeration();
            }
        };
    }

    private static List<String> declaredClasses(Path serviceFile) throws IOException {
        try (InputStream in = Files.newInputStream(serviceFile)) {
            return new String(in.readAllBytes()).lines()
                    .map(line -> line.replaceFirst("#.*", "").trim())
                    .filter(line -> !line.isEmpty())
                    .toList();
        }
    }
}
