package dev.profilekit.keycloak.profile.recoveryemail;

import dev.profilekit.keycloak.profile.common.mail.ProfileMail;
import dev.profilekit.keycloak.profile.common.mail.ProfileMailer;
import dev.profilekit.keycloak.profile.common.rest.ApiException;
import dev.profilekit.keycloak.profile.profilelock.ProfileLock;
import dev.profilekit.keycloak.profile.profilelock.ProfileLockPolicy;
import dev.profilekit.keycloak.profile.recoveryemail.token.RecoveryEmailActionToken;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.userprofile.DeclarativeUserProfileProviderFactory;
import org.keycloak.utils.EmailValidationUtil;

/**
 * The recovery email of the users of one realm: the rules shared by the REST API and the confirmation link.
 * <ul>
 *   <li>A new address is stored as pending and gets a confirmation mail with a single-use action token, valid as
 *       long as Keycloak's own user-initiated action links; until confirmed, the previous address (if any) stays in
 *       use.</li>
 *   <li>A confirmed change, and a removal, are told to the old address.</li>
 *   <li>The profile lock (admin switch, external directory) forbids both.</li>
 * </ul>
 * All state is in user attributes ({@link RecoveryEmailAttributes}) and Keycloak's single-use store, so any node of a
 * cluster can answer any step.
 */
public final class RecoveryEmailService {

    static final String VERIFICATION_SUBJECT = "recoveryEmailVerificationSubject";
    static final String VERIFICATION_TEMPLATE = "recovery-email-verification.ftl";
    static final String CHANGED_SUBJECT = "recoveryEmailChangedSubject";
    static final String CHANGED_TEMPLATE = "recovery-email-changed.ftl";
    static final String REMOVED_SUBJECT = "recoveryEmailRemovedSubject";
    static final String REMOVED_TEMPLATE = "recovery-email-removed.ftl";

    private static final Logger LOG = Logger.getLogger(RecoveryEmailService.class);
    private static final String COOLDOWN_KEY_PREFIX = "profilekit.recoveryEmail.cooldown.";
    /** The request field the errors name. */
    private static final String FIELD = "email";

    private final KeycloakSession session;
    private final RealmModel realm;

    public RecoveryEmailService(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    public RecoveryEmailState state(UserModel user) {
        Optional<String> verified = RecoveryEmailAttributes.verified(user);
        Optional<String> pending = RecoveryEmailAttributes.pending(user);
        RecoveryEmailPolicy policy = RecoveryEmailPolicy.of(realm);
        boolean hosted = pending.or(() -> verified)
                .map(address -> policy.isHosted(new RecoveryEmailAddress(address)))
                .orElse(false);
        return new RecoveryEmailState(verified.orElse(null), pending.orElse(null), hosted);
    }

    /**
     * Asks for {@code requested} as the user's recovery email: validates it, mails the confirmation link to it and
     * stores it as pending. Asking for the confirmed address again just drops a pending request.
     *
     * @param clientId the client the user came from (the account console), named in the link
     * @throws ApiException 400 with a message key for invalid input, a locked profile or a request within the
     *                      cooldown; 503 {@code recoveryEmailSendFailed} when the mail server refused. Nothing is
     *                      stored then.
     */
    public Requested request(UserModel user, String clientId, String requested) {
        requireUnlocked(user);
        RecoveryEmailAddress address = parse(requested);
        if (address.sameAs(user.getEmail())) {
            throw ApiException.badRequest("recoveryEmailSameAsPrimary", FIELD);
        }
        Optional<String> verified = RecoveryEmailAttributes.verified(user);
        if (verified.filter(address::sameAs).isPresent()) {
            user.removeAttribute(RecoveryEmailAttributes.PENDING);
            return new Requested(address, false);
        }
        int cooldown = RecoveryEmailPolicy.of(realm).resendCooldownSeconds();
        if (cooldown > 0 && !session.singleUseObjects().putIfAbsent(cooldownKey(user), cooldown)) {
            throw ApiException.badRequest("recoveryEmailTooSoon", FIELD, cooldown);
        }
        int validity = realm.getActionTokenGeneratedByUserLifespan(RecoveryEmailActionToken.TOKEN_TYPE);
        RecoveryEmailActionToken token = new RecoveryEmailActionToken(user.getId(), Time.currentTime() + validity,
                address.value(), clientId);
        try {
            new ProfileMailer(session, realm, user).send(ProfileMail.of(VERIFICATION_SUBJECT, VERIFICATION_TEMPLATE)
                    .withAttribute("recoveryEmail", address.value())
                    .withLink(link(token), Duration.ofSeconds(validity)), address.value());
        } catch (EmailException e) {
            LOG.warnf(e, "Could not send the recovery email confirmation of user %s", user.getId());
            session.singleUseObjects().remove(cooldownKey(user));
            throw ApiException.unavailable("recoveryEmailSendFailed");
        }
        user.setSingleAttribute(RecoveryEmailAttributes.PENDING, address.value());
        return new Requested(address, true);
    }

    /**
     * Removes the user's recovery email, confirmed and pending, and tells the confirmed address.
     *
     * @throws ApiException 400 with the lock's message key for a locked profile
     */
    public Removed remove(UserModel user) {
        requireUnlocked(user);
        Optional<String> verified = RecoveryEmailAttributes.verified(user);
        Optional<String> pending = RecoveryEmailAttributes.pending(user);
        user.removeAttribute(RecoveryEmailAttributes.VERIFIED);
        user.removeAttribute(RecoveryEmailAttributes.PENDING);
        verified.ifPresent(old -> notifyOldAddress(user, old, ProfileMail.of(REMOVED_SUBJECT, REMOVED_TEMPLATE)));
        return new Removed(verified.orElse(null), pending.orElse(null));
    }

    /**
     * Confirms {@code address} from its link: it becomes the recovery email if it is still the pending one and the
     * profile is not locked; the previous address hears about the change.
     */
    public Confirmation confirm(UserModel user, String address) {
        Optional<String> verified = RecoveryEmailAttributes.verified(user);
        if (!RecoveryEmailAttributes.pending(user).filter(pending -> pending.equals(address)).isPresent()) {
            return new Confirmation(verified.filter(address::equals).isPresent() ? Outcome.ALREADY_CONFIRMED : Outcome.STALE,
                    verified.orElse(null), null);
        }
        Optional<ProfileLock> lock = ProfileLockPolicy.lockOf(realm, user);
        if (lock.isPresent()) {
            return new Confirmation(Outcome.LOCKED, verified.orElse(null), lock.get());
        }
        user.setSingleAttribute(RecoveryEmailAttributes.VERIFIED, address);
        user.removeAttribute(RecoveryEmailAttributes.PENDING);
        session.singleUseObjects().remove(cooldownKey(user));
        verified.filter(old -> !old.equals(address))
                .ifPresent(old -> notifyOldAddress(user, old, ProfileMail.of(CHANGED_SUBJECT, CHANGED_TEMPLATE)));
        return new Confirmation(Outcome.CONFIRMED, verified.orElse(null), null);
    }

    /** @throws ApiException 400 with the lock's message key ({@code {1}} = the directory's name) if the user is locked */
    private void requireUnlocked(UserModel user) {
        Optional<ProfileLock> lock = ProfileLockPolicy.lockOf(realm, user);
        if (lock.isPresent()) {
            throw lock.get().directory() == null
                    ? ApiException.badRequest(lock.get().messageKey(), RecoveryEmailAttributes.VERIFIED)
                    : ApiException.badRequest(lock.get().messageKey(), RecoveryEmailAttributes.VERIFIED,
                            RecoveryEmailAttributes.VERIFIED, lock.get().directory());
        }
    }

    private static RecoveryEmailAddress parse(String requested) {
        int maxLocalPart = Config.scope("user-profile", DeclarativeUserProfileProviderFactory.ID)
                .getInt(EmailValidationUtil.MAX_EMAIL_LOCAL_PART_LENGTH, EmailValidationUtil.MAX_LOCAL_PART_LENGTH);
        try {
            return RecoveryEmailAddress.parse(requested, maxLocalPart);
        } catch (InvalidRecoveryEmailException e) {
            throw ApiException.badRequest(e.messageKey(), FIELD, e.parameters());
        }
    }

    private String link(RecoveryEmailActionToken token) {
        UriInfo uri = session.getContext().getUri();
        return LoginActionsService.actionTokenProcessor(uri)
                .queryParam("key", token.serialize(session, realm, uri))
                .build(realm.getName())
                .toString();
    }

    /** A notice to an address that no longer is the recovery email; a failure is logged, the change stands. */
    private void notifyOldAddress(UserModel user, String oldAddress, ProfileMail mail) {
        try {
            new ProfileMailer(session, realm, user).send(mail.withAttribute("recoveryEmail", oldAddress), oldAddress);
        } catch (EmailException e) {
            LOG.warnf(e, "Could not tell the old recovery email of user %s about a change", user.getId());
        }
    }

    private static String cooldownKey(UserModel user) {
        return COOLDOWN_KEY_PREFIX + user.getId();
    }

    /**
     * @param address  the address asked for
     * @param mailSent whether a confirmation mail went out (not for the address already confirmed)
     */
    public record Requested(RecoveryEmailAddress address, boolean mailSent) {
    }

    /** What a removal removed; either may be {@code null}. */
    public record Removed(String verified, String pending) {

        public boolean removedAnything() {
            return verified != null || pending != null;
        }
    }

    /**
     * @param previous the confirmed address before, or {@code null}
     * @param lock     why a {@link Outcome#LOCKED} confirmation was refused
     */
    public record Confirmation(Outcome outcome, String previous, ProfileLock lock) {
    }

    public enum Outcome {
        /** The address is the recovery email now. */
        CONFIRMED,
        /** It already was (a second link of the same address). */
        ALREADY_CONFIRMED,
        /** The user asked for another address since, or removed it: the link is void. */
        STALE,
        /** The profile is locked: nothing changed. */
        LOCKED
    }
}
