package dev.profilekit.keycloak.profile.it.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.profilekit.keycloak.profile.it.support.TestConfig;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * A real SMTP server (GreenMail) on a free loopback port, set as the demo realm's SMTP server through the admin REST
 * API for as long as it runs; closing it puts the realm's earlier SMTP settings back.
 */
final class SecurityMailbox implements AutoCloseable {

    static final String FROM = "profilekit-tests@example.org";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final GreenMail greenMail;
    private final RealmResource realm;
    private final Map<String, String> originalSmtp;

    private SecurityMailbox(GreenMail greenMail, RealmResource realm, Map<String, String> originalSmtp) {
        this.greenMail = greenMail;
        this.realm = realm;
        this.originalSmtp = originalSmtp;
    }

    static SecurityMailbox start(Keycloak admin) {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        RealmResource realm = admin.realm(TestConfig.DEMO_REALM);
        Map<String, String> original = realm.toRepresentation().getSmtpServer();
        setSmtp(realm, Map.of("host", "127.0.0.1", "port", String.valueOf(greenMail.getSmtp().getPort()), "from", FROM));
        return new SecurityMailbox(greenMail, realm, original == null ? Map.of() : original);
    }

    /** Every mail received so far to {@code address}, oldest first. */
    List<Mail> to(String address) {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            Mail mail = Mail.of(message);
            if (mail.to().contains(address.toLowerCase(Locale.ROOT))) {
                mails.add(mail);
            }
        }
        return mails;
    }

    /** Waits until a mail to {@code address} matches, and returns it. */
    Mail await(String address, Predicate<Mail> matching) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            for (Mail mail : to(address)) {
                if (matching.test(mail)) {
                    return mail;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No matching mail to " + address + " within " + TIMEOUT + "; received: " + to(address));
    }

    /** Waits for a mail to {@code address} whose subject contains {@code subjectPart}. */
    Mail await(String address, String subjectPart) throws InterruptedException {
        return await(address, mail -> mail.subject().contains(subjectPart));
    }

    @Override
    public void close() {
        try {
            setSmtp(realm, originalSmtp);
        } finally {
            greenMail.stop();
        }
    }

    private static void setSmtp(RealmResource realm, Map<String, String> smtp) {
        RealmRepresentation update = new RealmRepresentation();
        update.setSmtpServer(new HashMap<>(smtp));
        realm.update(update);
    }

    /** A received mail, decoded: recipients (lower case), subject, plain-text and HTML bodies, and the raw message. */
    record Mail(List<String> to, String subject, String text, String html, String raw) {

        static Mail of(MimeMessage message) {
            try {
                Address[] recipients = message.getRecipients(Message.RecipientType.TO);
                List<String> to = recipients == null ? List.of()
                        : Arrays.stream(recipients).map(a -> a.toString().toLowerCase(Locale.ROOT)).toList();
                String text = "";
                String html = "";
                Object content = message.getContent();
                if (content instanceof Multipart multipart) {
                    for (int i = 0; i < multipart.getCount(); i++) {
                        BodyPart part = multipart.getBodyPart(i);
                        if (part.isMimeType("text/plain")) {
                            text = String.valueOf(part.getContent());
                        } else if (part.isMimeType("text/html")) {
                            html = String.valueOf(part.getContent());
                        }
                    }
                } else {
                    text = String.valueOf(content);
                }
                return new Mail(to, message.getSubject(), text, html, GreenMailUtil.getWholeMessage(message));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("Unreadable mail", e);
            }
        }

        /** Everything a reader could see, for "never contains" checks. */
        String everything() {
            return subject + "\n" + text + "\n" + html + "\n" + raw;
        }

        @Override
        public String toString() {
            return to + " \"" + subject + "\"";
        }
    }
}
