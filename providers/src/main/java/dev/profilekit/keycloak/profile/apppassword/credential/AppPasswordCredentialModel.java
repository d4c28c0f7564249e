package dev.profilekit.keycloak.profile.apppassword.credential;

import dev.profilekit.keycloak.profile.common.usage.KnownIps;
import dev.profilekit.keycloak.profile.common.usage.LastUse;
import dev.profilekit.keycloak.profile.common.usage.UsageHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.keycloak.credential.CredentialModel;
import org.keycloak.util.JsonSerialization;

/** An app password as a Keycloak credential of type {@value #TYPE}; the user label is the name the user gave it. */
public final class AppPasswordCredentialModel extends CredentialModel {

    public static final String TYPE = "app-password";

    private final AppPasswordCredentialData data;
    private final AppPasswordSecretData secret;

    private AppPasswordCredentialModel(AppPasswordCredentialData data, AppPasswordSecretData secret) {
        this.data = data;
        this.secret = secret;
    }

    public static AppPasswordCredentialModel create(String name, AppPasswordCredentialData data, String secretHash) {
        AppPasswordCredentialModel model = new AppPasswordCredentialModel(data, new AppPasswordSecretData(secretHash));
        model.setType(TYPE);
        model.setUserLabel(name);
        model.setCreatedDate(Instant.now().toEpochMilli());
        model.setCredentialData(write(data));
        model.setSecretData(write(model.secret));
        return model;
    }

    public static AppPasswordCredentialModel createFromCredentialModel(CredentialModel stored) {
        try {
            AppPasswordCredentialModel model = new AppPasswordCredentialModel(
                    JsonSerialization.readValue(stored.getCredentialData(), AppPasswordCredentialData.class),
                    JsonSerialization.readValue(stored.getSecretData(), AppPasswordSecretData.class));
            model.setId(stored.getId());
            model.setType(stored.getType());
            model.setUserLabel(stored.getUserLabel());
            model.setCreatedDate(stored.getCreatedDate());
            model.setCredentialData(stored.getCredentialData());
            model.setSecretData(stored.getSecretData());
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable app-password credential " + stored.getId(), e);
        }
    }

    public AppPasswordCredentialData data() {
        return data;
    }

    public String secretHash() {
        return secret.hash();
    }

    /**
     * The uses recorded in the credential data by builds before changeSet profilekit-credential-usage-2 (since then in
     * {@code PROFILEKIT_CREDENTIAL_USAGE}, see {@code CredentialUsageStore}); {@link UsageHistory#NEVER} for app
     * passwords created since.
     */
    public UsageHistory legacyHistory() {
        LastUse lastUse = data.lastUsedAt() == null ? LastUse.NEVER : new LastUse(Instant.ofEpochMilli(data.lastUsedAt()), data.lastUsedIp());
        return new UsageHistory(lastUse, new KnownIps(data.knownIps()));
    }

    private static String write(Object value) {
        try {
            return JsonSerialization.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
