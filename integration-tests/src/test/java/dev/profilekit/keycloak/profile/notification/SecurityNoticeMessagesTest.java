package dev.profilekit.keycloak.profile.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every security notice kind has its subject and body in the email theme, in English and German, and they format
 * (the ITs only see the English ones).
 */
class SecurityNoticeMessagesTest {

    private static final Path EMAIL_THEME = Path.of(System.getProperty("project.root")).toAbsolutePath().normalize()
            .resolve("themes/src/main/resources/theme/profilekit/email");

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void everyKindHasItsSubjectAndBody(String language) throws IOException {
        Properties messages = messages(language);
        List<String> keys = new ArrayList<>(List.of("securityNoticeGreeting", "securityNoticeIfNotYou", "securityNoticeFooter"));
        for (SecurityNotice kind : SecurityNotice.values()) {
            keys.add(kind.subjectKey());
            keys.add(kind.bodyKey());
        }

        assertThat(keys).allSatisfy(key -> assertThat(messages.getProperty(key)).as(key).isNotBlank());
        for (SecurityNotice kind : SecurityNotice.values()) {
            String body = new MessageFormat(messages.getProperty(kind.bodyKey()), Locale.forLanguageTag(language))
                    .format(new Object[] {"NAME", "APP", "192.0.2.7", "2026-11-23 10:00 UTC"});
            assertThat(body).as(kind.bodyKey()).doesNotContain("{").doesNotContain("'");
            assertThat(new MessageFormat(messages.getProperty(kind.subjectKey())).format(new Object[] {"Realm"})).startsWith("[Realm]");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"html", "text"})
    void theTemplateExistsInBothForms(String form) {
        assertThat(EMAIL_THEME.resolve(form).resolve(SecurityNotifier.TEMPLATE)).isRegularFile();
    }

    private static Properties messages(String language) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(EMAIL_THEME.resolve("messages/messages_" + language + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
