package dev.profilekit.keycloak.profile.apitoken;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.models.RealmModel;

class ApiTokenPolicyTest {

    private final Map<String, String> attributes = new HashMap<>();
    private final RealmModel realm = (RealmModel) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {RealmModel.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "getAttribute" -> attributes.get((String) args[0]);
                case "setAttribute" -> attributes.put((String) args[0], String.valueOf(args[1]));
                default -> throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void aRealmWithoutAttributesHasTheDefaultPolicy() {
        assertThat(ApiTokenPolicy.of(realm)).isEqualTo(ApiTokenPolicy.DEFAULT)
                .isEqualTo(new ApiTokenPolicy(3650, false, true));
    }

    @Test
    void storesAndReadsBack() {
        ApiTokenPolicy policy = new ApiTokenPolicy(30, true, false);

        policy.store(realm);

        assertThat(attributes).containsEntry(ApiTokenPolicy.MAX_LIFETIME_DAYS, "30")
                .containsEntry(ApiTokenPolicy.ALLOW_LIST_REQUIRED, "true")
                .containsEntry(ApiTokenPolicy.READ_WRITE_ALLOWED, "false");
        assertThat(ApiTokenPolicy.of(realm)).isEqualTo(policy);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "3651", "99999999999", "ten", ""})
    void anUnusableMaximumLifetimeCountsAsTenYears(String stored) {
        attributes.put(ApiTokenPolicy.MAX_LIFETIME_DAYS, stored);

        assertThat(ApiTokenPolicy.of(realm).maxLifetimeDays()).isEqualTo(ApiTokenPolicy.MAX_LIFETIME_DAYS_LIMIT);
    }

    @Test
    void theLimitIsTenYears() {
        assertThat(ApiTokenPolicy.isValidMaxLifetimeDays(1)).isTrue();
        assertThat(ApiTokenPolicy.isValidMaxLifetimeDays(3650)).isTrue();
        assertThat(ApiTokenPolicy.isValidMaxLifetimeDays(3651)).isFalse();
        assertThat(ApiTokenPolicy.isValidMaxLifetimeDays(0)).isFalse();
    }

    @Test
    void scopesCapTheOauthScopes() {
        assertThat(ApiTokenScope.READ_ONLY.oauthScopes()).containsExactly("api:read");
        assertThat(ApiTokenScope.READ_WRITE.oauthScopes()).containsExactlyInAnyOrder("api:read", "api:write");
        assertThat(ApiTokenScope.of("read-only")).contains(ApiTokenScope.READ_ONLY);
        assertThat(ApiTokenScope.of("read-write")).contains(ApiTokenScope.READ_WRITE);
        assertThat(ApiTokenScope.of("READ-ONLY")).isEmpty();
        assertThat(ApiTokenScope.of(null)).isEmpty();
        assertThat(ApiTokenScope.of("admin")).isEmpty();
    }

    @Test
    void readWriteTokensActAsReadOnlyWhileThePolicyDisallowsThem() {
        ApiTokenPolicy noWrite = new ApiTokenPolicy(3650, false, false);

        assertThat(ApiTokenVerifier.effectiveScope(ApiTokenScope.READ_WRITE, noWrite)).isEqualTo(ApiTokenScope.READ_ONLY);
        assertThat(ApiTokenVerifier.effectiveScope(ApiTokenScope.READ_WRITE, ApiTokenPolicy.DEFAULT)).isEqualTo(ApiTokenScope.READ_WRITE);
        assertThat(ApiTokenVerifier.effectiveScope(ApiTokenScope.READ_ONLY, noWrite)).isEqualTo(ApiTokenScope.READ_ONLY);
    }
}
