package dev.profilekit.keycloak.profile.apppassword.credential;

import dev.profilekit.keycloak.profile.common.usage.KnownIps;
import dev.profilekit.keycloak.profile.common.usage.LastUse;
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

    public LastUse lastUse() {
        return data.lastUsedAt() == null ? LastUse.NEVER : new LastUse(Instant.ofEpochMilli(data.lastUsedAt()), data.lastUsedIp());
    }

    /** The addresses it was last used from. */
    public KnownIps knownIps() {
        return new KnownIps(data.knownIps()).orLastUsed(data.lastUsedIp());
    }

    /** A copy of this credential (same id) that records a use at {@code at} from {@code ip}. */
    public AppPasswordCredentialModel usedAt(Instant at, String ip) {
        AppPasswordCredentialData used = new AppPasswordCredentialData(data.clientId(), data.lookupId(), data.allowList(), at.toEpochMilli(), ip,
                knownIps().with(ip).addresses());
        AppPasswordCredentialModel model = new AppPasswordCredentialModel(used, secret);
        model.setId(getId());
        model.setType(TYPE);
        model.setUserLabel(getUserLabel());
        model.setCreatedDate(getCreatedDate());
        model.setCredentialData(write(used));
        model.setSecretData(getSecretData());
        return model;
    }

    private static String write(Object value) {
        try {
            return JsonSerialization.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
