package dev.profilekit.keycloak.profile.it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * A real SMTP server (GreenMail) on a free local port, set as the demo realm's mail server while it is open; closing it
 * puts the realm's previous SMTP settings back and stops the server. Keycloak delivers to it over SMTP exactly as
 * to a production mail server.
 */
public final class MailServer implements AutoCloseable {

    public static final String FROM = "profilekit@example.test";

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Pattern ACTION_TOKEN_LINK = Pattern.compile("https?://\\S+/login-actions/action-token\\?\\S+");

    private final GreenMail greenMail;
    private final RealmResource realm;
    private final Map<String, String> previousSmtp;

    private MailServer(GreenMail greenMail, RealmResource realm, Map<String, String> previousSmtp) {
        this.greenMail = greenMail;
        this.realm = realm;
        this.previousSmtp = previousSmtp;
    }

    /** Starts the server and points the demo realm's SMTP settings at it. */
    public static MailServer start(Keycloak admin) {
        GreenMail greenMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        RealmResource realm = admin.realm(TestConfig.DEMO_REALM);
        Map<String, String> previous = realm.toRepresentation().getSmtpServer();
        MailServer server = new MailServer(greenMail, realm, previous == null ? Map.of() : Map.copyOf(previous));
        server.configureRealm(Map.of(
                "host", "127.0.0.1",
                "port", String.valueOf(greenMail.getSmtp().getPort()),
                "from", FROM,
                "fromDisplayName", "Profile Kit",
                "auth", "false",
                "ssl", "false",
                "starttls", "false"));
        return server;
    }

    /** Waits until a mail to {@code address} has arrived (at most 15 s) and returns the newest one. */
    public Mail awaitMailTo(String address) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            List<Mail> mails = mailsTo(address);
            if (!mails.isEmpty()) {
                return mails.get(mails.size() - 1);
            }
            sleep();
        }
        throw new AssertionError("No mail to " + address + " within " + TIMEOUT + "; received: " + allRecipients());
    }

    /** Waits until a mail to {@code address} matches (at most 15 s) and returns the oldest one that does. */
    public Mail awaitMailTo(String address, Predicate<Mail> matching) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Optional<Mail> found = mailsTo(address).stream().filter(matching).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            sleep();
        }
        throw new AssertionError("No matching mail to " + address + " within " + TIMEOUT + "; received: "
                + mailsTo(address).stream().map(Mail::subject).toList());
    }

    /** Every mail received so far for {@code address}, oldest first. */
    public List<Mail> mailsTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(message -> recipients(message).stream().anyMatch(address::equalsIgnoreCase))
                .map(Mail::of)
                .toList();
    }

    /** How many mails arrived so far, to anyone. */
    public int count() {
        return greenMail.getReceivedMessages().length;
    }

    @Override
    public void close() {
        try {
            configureRealm(previousSmtp);
        } finally {
            greenMail.stop();
        }
    }

    private void configureRealm(Map<String, String> smtp) {
        RealmRepresentation update = new RealmRepresentation();
        update.setSmtpServer(new HashMap<>(smtp));
        realm.update(update);
    }

    private List<String> allRecipients() {
        return Arrays.stream(greenMail.getReceivedMessages()).flatMap(message -> recipients(message).stream()).toList();
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A received mail: subject, the plain-text and HTML bodies (decoded). */
    public record Mail(String subject, String text, String html) {

        static Mail of(MimeMessage message) {
            try {
                StringBuilder text = new StringBuilder();
                StringBuilder html = new StringBuilder();
                collect(message.getContent(), message.getContentType(), text, html);
                return new Mail(message.getSubject(), text.toString(), html.toString());
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static void collect(Object content, String type, StringBuilder text, StringBuilder html)
                throws MessagingException, IOException {
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    collect(part.getContent(), part.getContentType(), text, html);
                }
            } else if (type.toLowerCase().startsWith("text/html")) {
                html.append(content);
            } else {
                text.append(content);
            }
        }

        /** The action-token link in the plain-text body (a confirmation or a password reset link). */
        public String actionTokenLink() {
            Matcher link = ACTION_TOKEN_LINK.matcher(text);
            if (!link.find()) {
                throw new AssertionError("No action link in mail \"" + subject + "\": " + text);
            }
            return link.group();
        }
    }
}
