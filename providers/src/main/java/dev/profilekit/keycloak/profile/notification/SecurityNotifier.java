package dev.profilekit.keycloak.profile.notification;

import dev.profilekit.keycloak.profile.common.mail.ProfileMail;
import dev.profilekit.keycloak.profile.common.mail.ProfileMailer;
import dev.profilekit.keycloak.profile.recoveryemail.RecoveryEmailAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Sends security notices by email ({@link ProfileMailer}): to the user's primary address and, if set and different, to
 * the confirmed recovery address ({@link RecoveryEmailAttributes#VERIFIED}; a pending one is never mailed) — except
 * that a change of the recovery address itself goes to the primary address only (the old recovery address hears
 * about it from the recovery-email capability, the new one just confirmed itself). A notice goes out only once the transaction
 * of the change it reports has committed, from a session of its own; a mail that cannot be sent is logged and never
 * fails the user's request. Notices carry names, addresses and times only — never a secret.
 *
 * <p>A realm has security notifications when its event listeners include
 * {@value SecurityNotificationEventListenerProviderFactory#PROVIDER_ID} (<em>Realm settings → Events</em>); each
 * {@link SecurityNotice kind} can then be switched off by its realm attribute.
 */
public final class SecurityNotifier {

    /** The email template (html/ and text/) in the email theme. */
    public static final String TEMPLATE = "profilekit-security-notice.ftl";

    private static final Logger LOG = Logger.getLogger(SecurityNotifier.class);

    private SecurityNotifier() {
    }

    /**
     * Sends notice {@code kind} about {@code user} once {@code session}'s transaction commits (nothing if it rolls
     * back), if the realm has security notifications and {@code kind} on. Public for capabilities that report a
     * change without an event the listener understands.
     */
    public static void notify(KeycloakSession session, RealmModel realm, UserModel user, SecurityNotice kind, NoticeDetails details) {
        if (!isOn(realm, kind)) {
            LOG.debugf("Security notice %s off in realm %s", kind.id(), realm.getName());
            return;
        }
        Notice notice = new Notice(kind, realm.getId(), user.getId(), details);
        HttpRequest request = currentRequest(session);
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                send(factory, notice, request);
            }

            @Override
            protected void rollbackImpl() {
                LOG.debugf("Security notice %s dropped: its transaction rolled back", kind.id());
            }
        });
    }

    /** Whether the realm has security notifications (the event listener) and {@code kind} on. */
    public static boolean isOn(RealmModel realm, SecurityNotice kind) {
        return realm.getEventsListenersStream().anyMatch(SecurityNotificationEventListenerProviderFactory.PROVIDER_ID::equals)
                && kind.enabledIn(realm);
    }

    /** The primary address if set, plus the verified recovery address if set and different (ignoring case). */
    static List<String> recipients(String primary, String recovery) {
        List<String> recipients = new ArrayList<>(2);
        if (primary != null && !primary.isBlank()) {
            recipients.add(primary.strip());
        }
        if (recovery != null && !recovery.isBlank()
                && (primary == null || !recovery.strip().toLowerCase(Locale.ROOT).equals(primary.strip().toLowerCase(Locale.ROOT)))) {
            recipients.add(recovery.strip());
        }
        return recipients;
    }

    private static void send(KeycloakSessionFactory factory, Notice notice, HttpRequest request) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> deliver(session, notice, request));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Security notice %s for user %s not sent", notice.kind().id(), notice.userId());
        }
    }

    private static void deliver(KeycloakSession session, Notice notice, HttpRequest request) {
        RealmModel realm = session.realms().getRealm(notice.realmId());
        if (realm == null) {
            return;
        }
        session.getContext().setRealm(realm);
        if (request != null) {
            session.getContext().setHttpRequest(request); // the caller's Accept-Language, as Keycloak's own email listener does
        }
        UserModel user = session.users().getUserById(realm, notice.userId());
        if (user == null) {
            return;
        }
        if (realm.getSmtpConfig() == null || realm.getSmtpConfig().isEmpty()) {
            LOG.debugf("Security notice %s not sent: realm %s has no SMTP server", notice.kind().id(), realm.getName());
            return;
        }
        String recovery = notice.kind() == SecurityNotice.RECOVERY_EMAIL_CHANGED
                ? null
                : RecoveryEmailAttributes.verified(user).orElse(null);
        List<String> recipients = recipients(user.getEmail(), recovery);
        ProfileMail mail = ProfileMail.of(notice.kind().subjectKey(), TEMPLATE)
                .withSubjectParameters(realmName(realm))
                .withAttribute("notice", noticeAttribute(notice));
        ProfileMailer mailer = new ProfileMailer(session, realm, user);
        for (String address : recipients) {
            try {
                mailer.send(mail, address);
                LOG.debugf("Security notice %s sent for user %s", notice.kind().id(), user.getId());
            } catch (EmailException | RuntimeException e) {
                LOG.warnf(e, "Security notice %s for user %s could not be sent to one of its %d addresses",
                        notice.kind().id(), user.getId(), recipients.size());
            }
        }
    }

    private static Map<String, String> noticeAttribute(Notice notice) {
        Map<String, String> values = new HashMap<>(notice.details().templateValues());
        values.put("kind", notice.kind().id());
        values.put("bodyKey", notice.kind().bodyKey());
        return values;
    }

    private static String realmName(RealmModel realm) {
        return realm.getDisplayName() == null || realm.getDisplayName().isBlank() ? realm.getName() : realm.getDisplayName();
    }

    private static HttpRequest currentRequest(KeycloakSession session) {
        try {
            return session.getContext().getHttpRequest();
        } catch (RuntimeException noRequest) {
            return null; // a scheduled task
        }
    }

    private record Notice(SecurityNotice kind, String realmId, String userId, NoticeDetails details) {
    }
}
