package dev.profilekit.keycloak.profile.notification;

import dev.profilekit.keycloak.profile.apitoken.ApiTokenService;
import dev.profilekit.keycloak.profile.apitoken.jpa.ApiTokenEntity;
import dev.profilekit.keycloak.profile.apitoken.jpa.ApiTokenStore;
import dev.profilekit.keycloak.profile.apppassword.AppPasswordClients;
import dev.profilekit.keycloak.profile.apppassword.credential.AppPasswordCredentialModel;
import dev.profilekit.keycloak.profile.twofactor.SecondFactorTypes;
import java.time.Instant;
import java.util.Map;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Turns the events {@link SecurityEvents} picks into security notices, with the names they mention read now, in the
 * transaction of the change (the mail itself goes out after it commits, see {@link SecurityNotifier}).
 */
final class SecurityNotificationEventListenerProvider implements EventListenerProvider {

    private final KeycloakSession session;

    SecurityNotificationEventListenerProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        SecurityEvents.classify(event).ifPresent(kind -> {
            RealmModel realm = session.realms().getRealm(event.getRealmId());
            UserModel user = realm == null ? null : session.users().getUserById(realm, event.getUserId());
            if (user == null || kind == SecurityNotice.LAST_SECOND_FACTOR_REMOVED && SecondFactorTypes.anySet(user)) {
                return;
            }
            SecurityNotifier.notify(session, realm, user, kind, details(kind, realm, user, event));
        });
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        SecurityEvents.classify(event).ifPresent(notice -> {
            RealmModel realm = session.realms().getRealm(event.getRealmId());
            UserModel user = realm == null ? null : session.users().getUserById(realm, notice.userId());
            if (user == null || notice.kind() == SecurityNotice.LAST_SECOND_FACTOR_REMOVED && SecondFactorTypes.anySet(user)) {
                return;
            }
            String ipAddress = event.getAuthDetails() == null ? null : event.getAuthDetails().getIpAddress();
            SecurityNotifier.notify(session, realm, user, notice.kind(), new NoticeDetails(null, null, ipAddress, Instant.ofEpochMilli(event.getTime())));
        });
    }

    private NoticeDetails details(SecurityNotice kind, RealmModel realm, UserModel user, Event event) {
        Map<String, String> eventDetails = event.getDetails() == null ? Map.of() : event.getDetails();
        Instant time = Instant.ofEpochMilli(event.getTime());
        String ipAddress = event.getIpAddress();
        return switch (kind) {
            case APP_PASSWORD_CREATED, APP_PASSWORD_NEW_IP -> appPassword(realm, user, eventDetails.get(Details.CREDENTIAL_ID), ipAddress, time);
            case API_TOKEN_CREATED, API_TOKEN_NEW_IP -> new NoticeDetails(
                    apiTokenName(realm, user, eventDetails.get(ApiTokenService.DETAIL_TOKEN_ID)), null, ipAddress, time);
            case LAST_SECOND_FACTOR_REMOVED -> new NoticeDetails(eventDetails.get(Details.CREDENTIAL_USER_LABEL), null, ipAddress, time);
            default -> new NoticeDetails(null, null, ipAddress, time);
        };
    }

    private static NoticeDetails appPassword(RealmModel realm, UserModel user, String credentialId, String ipAddress, Instant time) {
        CredentialModel stored = credentialId == null ? null : user.credentialManager().getStoredCredentialById(credentialId);
        if (stored == null || !AppPasswordCredentialModel.TYPE.equals(stored.getType())) {
            return new NoticeDetails(null, null, ipAddress, time);
        }
        String app = AppPasswordClients.displayName(realm, AppPasswordCredentialModel.createFromCredentialModel(stored).data().clientId());
        return new NoticeDetails(stored.getUserLabel(), app, ipAddress, time);
    }

    private String apiTokenName(RealmModel realm, UserModel user, String tokenId) {
        return tokenId == null ? null : new ApiTokenStore(session).findOwned(realm.getId(), user.getId(), tokenId)
                .map(ApiTokenEntity::getName)
                .orElse(null);
    }

    @Override
    public void close() {
    }
}
