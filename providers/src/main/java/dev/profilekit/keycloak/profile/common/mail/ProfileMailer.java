package dev.profilekit.keycloak.profile.common.mail;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.theme.Theme;
import org.keycloak.theme.beans.LinkExpirationFormatterMethod;

/**
 * Sends Profile Kit's mails about one user through Keycloak's own mail pipeline: the realm's email theme (templates
 * and messages in the user's language), the realm's SMTP settings. Unlike Keycloak's built-in mails it can send to an
 * address other than the user's primary email (a recovery address, an old address that should hear about a change).
 * Every capability that mails users goes through here.
 */
public final class ProfileMailer {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel user;

    public ProfileMailer(KeycloakSession session, RealmModel realm, UserModel user) {
        this.session = session;
        this.realm = realm;
        this.user = user;
    }

    /** Sends {@code mail} to the user's primary email. */
    public void send(ProfileMail mail) throws EmailException {
        send(mail, null);
    }

    /**
     * Sends {@code mail} to {@code address}, or to the user's primary email when {@code address} is {@code null}.
     *
     * @throws EmailException when the template fails or the SMTP server refuses the mail (nothing was sent)
     */
    public void send(ProfileMail mail, String address) throws EmailException {
        Map<String, Object> attributes = new HashMap<>(mail.attributes());
        if (mail.link() != null) {
            addLink(mail.link(), attributes);
        }
        session.getProvider(EmailTemplateProvider.class)
                .setRealm(realm)
                .setUser(user)
                .send(mail.subjectKey(), mail.subjectParameters(), mail.template(), attributes, address);
    }

    /** The attributes Keycloak's own link mails get (its base templates, e.g. {@code password-reset.ftl}, expect them). */
    private void addLink(ProfileMail.Link link, Map<String, Object> attributes) throws EmailException {
        long minutes = link.validity().toMinutes();
        attributes.put("link", link.url());
        attributes.put("linkExpiration", minutes);
        try {
            Locale locale = session.getContext().resolveLocale(user);
            Theme theme = session.theme().getTheme(Theme.Type.EMAIL);
            attributes.put("linkExpirationFormatter", new LinkExpirationFormatterMethod(theme.getMessages(locale), locale));
        } catch (IOException e) {
            throw new EmailException("Failed to load the email theme", e);
        }
    }
}
