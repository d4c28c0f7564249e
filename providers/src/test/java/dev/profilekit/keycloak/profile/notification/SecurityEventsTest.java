package dev.profilekit.keycloak.profile.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;

class SecurityEventsTest {

    @Nested
    class UserEvents {

        @Test
        void createdSecrets() {
            assertThat(classify(EventType.UPDATE_CREDENTIAL, Map.of("credential_type", "app-password")))
                    .contains(SecurityNotice.APP_PASSWORD_CREATED);
            assertThat(classify(EventType.UPDATE_CREDENTIAL, Map.of("credential_type", "api-token", "action", "create")))
                    .contains(SecurityNotice.API_TOKEN_CREATED);
            assertThat(classify(EventType.UPDATE_CREDENTIAL, Map.of("credential_type", "api-token", "action", "update")))
                    .as("a changed allow-list or expiry").isEmpty();
        }

        @Test
        void aPasswordChangeIsOneNoticeThoughKeycloakSendsTwoEvents() {
            assertThat(classify(EventType.UPDATE_CREDENTIAL, Map.of("credential_type", "password"))).contains(SecurityNotice.PASSWORD_CHANGED);
            assertThat(classify(EventType.UPDATE_PASSWORD, Map.of("credential_type", "password"))).as("deprecated twin").isEmpty();
        }

        @Test
        void removedSecondFactorsAreCandidatesOthersNot() {
            for (String type : new String[] {"otp", "webauthn", "webauthn-passwordless"}) {
                assertThat(classify(EventType.REMOVE_CREDENTIAL, Map.of("credential_type", type))).contains(SecurityNotice.LAST_SECOND_FACTOR_REMOVED);
            }
            assertThat(classify(EventType.REMOVE_CREDENTIAL, Map.of("credential_type", "app-password"))).isEmpty();
            assertThat(classify(EventType.REMOVE_CREDENTIAL, Map.of("credential_type", "recovery-authn-codes"))).isEmpty();
            assertThat(classify(EventType.REMOVE_TOTP, Map.of("credential_type", "otp"))).as("deprecated twin").isEmpty();
        }

        @Test
        void usesOnlyFromANewAddress() {
            assertThat(classify(EventType.LOGIN, Map.of("credential_type", "app-password", "new_ip", "true")))
                    .contains(SecurityNotice.APP_PASSWORD_NEW_IP);
            assertThat(classify(EventType.LOGIN, Map.of("credential_type", "app-password"))).isEmpty();
            assertThat(classify(EventType.LOGIN, Map.of("new_ip", "true"))).as("not an app password").isEmpty();
            assertThat(classify(EventType.OAUTH2_EXTENSION_GRANT, Map.of("api_token_id", "abc", "new_ip", "true")))
                    .contains(SecurityNotice.API_TOKEN_NEW_IP);
            assertThat(classify(EventType.OAUTH2_EXTENSION_GRANT, Map.of("api_token_id", "abc"))).isEmpty();
        }

        @Test
        void aConfirmedOrRemovedRecoveryAddressNotAPendingOne() {
            assertThat(classify(EventType.UPDATE_PROFILE, Map.of("updated_recoveryEmail", "new@example.net")))
                    .contains(SecurityNotice.RECOVERY_EMAIL_CHANGED);
            assertThat(classify(EventType.UPDATE_PROFILE, Map.of("previous_recoveryEmail", "old@example.net")))
                    .as("removed").contains(SecurityNotice.RECOVERY_EMAIL_CHANGED);
            assertThat(classify(EventType.UPDATE_PROFILE, Map.of("previous_recoveryEmailPending", "pending@example.net")))
                    .as("only a pending request dropped").isEmpty();
            assertThat(classify(EventType.UPDATE_PROFILE, Map.of("updated_firstName", "Ann"))).isEmpty();
            assertThat(classify(EventType.SEND_VERIFY_EMAIL, Map.of("email", "new@example.net"))).as("still pending").isEmpty();
        }

        @Test
        void errorsAndEventsWithoutUserAreIgnored() {
            Event failed = event(EventType.UPDATE_CREDENTIAL, Map.of("credential_type", "password"));
            failed.setError("password_rejected");
            Event anonymous = event(EventType.UPDATE_CREDENTIAL, Map.of("credential_type", "password"));
            anonymous.setUserId(null);

            assertThat(SecurityEvents.classify(failed)).isEmpty();
            assertThat(SecurityEvents.classify(anonymous)).isEmpty();
        }

        private Optional<SecurityNotice> classify(EventType type, Map<String, String> details) {
            return SecurityEvents.classify(event(type, details));
        }

        private Event event(EventType type, Map<String, String> details) {
            Event event = new Event();
            event.setType(type);
            event.setUserId("user-1");
            event.setRealmId("realm-1");
            event.setDetails(new HashMap<>(details));
            return event;
        }
    }

    @Nested
    class AdminEvents {

        @Test
        void aPasswordResetByAnAdmin() {
            assertThat(SecurityEvents.classify(admin(OperationType.ACTION, "users/u-1/reset-password", Map.of())))
                    .contains(new SecurityEvents.AdminNotice(SecurityNotice.PASSWORD_CHANGED, "u-1"));
            assertThat(SecurityEvents.classify(admin(OperationType.UPDATE, "users/u-1", Map.of()))).isEmpty();
        }

        @Test
        void aSecondFactorRemovedByAnAdmin() {
            assertThat(SecurityEvents.classify(admin(OperationType.ACTION, "users/u-1/credentials/c-1", Map.of("credential_type", "otp"))))
                    .contains(new SecurityEvents.AdminNotice(SecurityNotice.LAST_SECOND_FACTOR_REMOVED, "u-1"));
            assertThat(SecurityEvents.classify(admin(OperationType.ACTION, "users/u-1/credentials/c-1", Map.of("credential_type", "password"))))
                    .isEmpty();
        }

        private AdminEvent admin(OperationType operation, String path, Map<String, String> details) {
            AdminEvent event = new AdminEvent();
            event.setOperationType(operation);
            event.setResourcePath(path);
            event.setRealmId("realm-1");
            event.setDetails(new HashMap<>(details));
            return event;
        }
    }
}
