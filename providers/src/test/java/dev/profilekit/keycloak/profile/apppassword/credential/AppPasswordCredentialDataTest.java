package dev.profilekit.keycloak.profile.apppassword.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.keycloak.credential.CredentialModel;

class AppPasswordCredentialDataTest {

    @Test
    void dataStoredBeforeKnownIpsExistedStillLoadsAndKnowsItsLastAddress() {
        CredentialModel stored = new CredentialModel();
        stored.setId("c-1");
        stored.setType(AppPasswordCredentialModel.TYPE);
        stored.setCreatedDate(0L);
        stored.setCredentialData("{\"clientId\":\"mail\",\"lookupId\":\"abcd\",\"allowList\":\"\",\"lastUsedAt\":1000,\"lastUsedIp\":\"10.0.0.1\"}");
        stored.setSecretData("{\"hash\":\"00\"}");

        AppPasswordCredentialModel model = AppPasswordCredentialModel.createFromCredentialModel(stored);

        assertThat(model.data().knownIps()).isNull();
        assertThat(model.knownIps().contains("10.0.0.1")).isTrue();
        assertThat(model.knownIps().contains("10.0.0.2")).isFalse();
    }

    @Test
    void aUseRecordsItsAddressFirst() {
        AppPasswordCredentialModel created = AppPasswordCredentialModel.create("Phone",
                new AppPasswordCredentialData("mail", "abcd", "", null, null, null), "00");

        AppPasswordCredentialModel used = created.usedAt(Instant.ofEpochMilli(1000), "10.0.0.1").usedAt(Instant.ofEpochMilli(2000), "::1");

        assertThat(created.knownIps().addresses()).isEmpty();
        assertThat(used.knownIps().addresses()).containsExactly("::1", "10.0.0.1");
        assertThat(used.getCredentialData()).contains("\"knownIps\":[\"::1\",\"10.0.0.1\"]");
        assertThat(AppPasswordCredentialModel.createFromCredentialModel(used).knownIps()).isEqualTo(used.knownIps());
    }
}
