package dev.profilekit.keycloak.profile.common.mail;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One email made from the email theme: the subject is the message {@code subjectKey} (with {@code subjectParameters}
 * as {@code {0}}, {@code {1}}...), the body the FreeMarker templates {@code html/<template>} and {@code text/<template>}
 * with {@code attributes}. Keycloak adds {@code msg}, {@code realmName}, {@code user}, {@code locale}, {@code url}.
 *
 * @param link an action link with its validity, which the templates see as {@code link}, {@code linkExpiration}
 *             (minutes) and {@code linkExpirationFormatter} exactly as in Keycloak's own mails; or {@code null}
 */
public record ProfileMail(String subjectKey, List<Object> subjectParameters, String template, Map<String, Object> attributes,
                          Link link) {

    public ProfileMail {
        Objects.requireNonNull(subjectKey, "subjectKey");
        Objects.requireNonNull(template, "template");
        subjectParameters = List.copyOf(subjectParameters);
        attributes = Map.copyOf(attributes);
    }

    /** A mail with the subject {@code subjectKey} and the body templates named {@code template} (e.g. {@code "my-mail.ftl"}). */
    public static ProfileMail of(String subjectKey, String template) {
        return new ProfileMail(subjectKey, List.of(), template, Map.of(), null);
    }

    public ProfileMail withSubjectParameters(Object... parameters) {
        return new ProfileMail(subjectKey, List.of(parameters), template, attributes, link);
    }

    /** Adds a template attribute; a {@code null} value is left out (FreeMarker then sees the attribute as missing). */
    public ProfileMail withAttribute(String name, Object value) {
        Map<String, Object> more = new HashMap<>(attributes);
        if (value == null) {
            more.remove(name);
        } else {
            more.put(name, value);
        }
        return new ProfileMail(subjectKey, subjectParameters, template, more, link);
    }

    public ProfileMail withLink(String url, Duration validity) {
        return new ProfileMail(subjectKey, subjectParameters, template, attributes, new Link(url, validity));
    }

    /** An action link and how long it stays valid. */
    public record Link(String url, Duration validity) {

        public Link {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(validity, "validity");
        }
    }
}
