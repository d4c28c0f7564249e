package dev.profilekit.keycloak.profile.apppassword.credential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.keycloak.profile.common.usage.UsageHistory;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.keycloak.credential.CredentialModel;

class AppPasswordCredentialDataTest {

    @Test
    void dataStoredBeforeKnownIpsExistedStillLoadsAndKnowsItsLastAddress() {
        AppPasswordCredentialModel model = stored("{\"clientId\":\"mail\",\"lookupId\":\"abcd\",\"allowList\":\"\",\"lastUsedAt\":1000,\"lastUsedIp\":\"10.0.0.1\"}");

        assertThat(model.data().knownIps()).isNull();
        assertThat(model.legacyHistory().lastUse().at()).isEqualTo(Instant.ofEpochMilli(1000));
        assertThat(model.legacyHistory().isNewIp("10.0.0.1")).isFalse();
        assertThat(model.legacyHistory().isNewIp("10.0.0.2")).isTrue();
    }

    @Test
    void usesRecordedInTheCredentialDataByEarlierReleasesAreItsLegacyHistory() {
        AppPasswordCredentialModel model = stored("{\"clientId\":\"mail\",\"lookupId\":\"abcd\",\"allowList\":\"\",\"lastUsedAt\":2000,"
                + "\"lastUsedIp\":\"::1\",\"knownIps\":[\"::1\",\"10.0.0.1\"]}");

        assertThat(model.legacyHistory().knownIps().addresses()).containsExactly("::1", "10.0.0.1");
        assertThat(model.legacyHistory().lastUse().ip()).isEqualTo("::1");
    }

    @Test
    void aNewAppPasswordHasNoHistoryInItsData() {
        AppPasswordCredentialModel created = AppPasswordCredentialModel.create("Phone",
                new AppPasswordCredentialData("mail", "abcd", "", null, null, null), "00");

        assertThat(created.legacyHistory()).isEqualTo(UsageHistory.NEVER);
    }

    private static AppPasswordCredentialModel stored(String credentialData) {
        CredentialModel stored = new CredentialModel();
        stored.setId("c-1");
        stored.setType(AppPasswordCredentialModel.TYPE);
        stored.setCreatedDate(0L);
        stored.setCredentialData(credentialData);
        stored.setSecretData("{\"hash\":\"00\"}");
        return AppPasswordCredentialModel.createFromCredentialModel(stored);
    }
}
