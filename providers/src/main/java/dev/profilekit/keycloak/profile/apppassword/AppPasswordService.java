package dev.profilekit.keycloak.profile.apppassword;

import dev.profilekit.keycloak.profile.apppassword.AppPasswordFormat.AppPassword;
import dev.profilekit.keycloak.profile.apppassword.credential.AppPasswordCredentialData;
import dev.profilekit.keycloak.profile.apppassword.credential.AppPasswordCredentialModel;
import dev.profilekit.keycloak.profile.apppassword.credential.AppPasswordCredentialProviderFactory;
import dev.profilekit.keycloak.profile.common.ip.InvalidIpAllowListException;
import dev.profilekit.keycloak.profile.common.ip.IpAllowList;
import dev.profilekit.keycloak.profile.common.jpa.ConcurrentChangeRetry;
import dev.profilekit.keycloak.profile.common.rest.ApiException;
import dev.profilekit.keycloak.profile.common.secret.SecretGenerator;
import dev.profilekit.keycloak.profile.common.secret.SecretHasher;
import dev.profilekit.keycloak.profile.common.usage.UsageHistory;
import dev.profilekit.keycloak.profile.common.usage.jpa.CredentialUsageStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;


/** App passwords of one realm: the rules shared by the REST API and the direct-grant authenticator. */
public final class AppPasswordService {

    private static final Logger LOG = Logger.getLogger(AppPasswordService.class);

    public static final int MAX_NAME_LENGTH = 64;

    private static final AppPasswordFormat FORMAT = new AppPasswordFormat(new SecretGenerator());

    private final KeycloakSession session;
    private final RealmModel realm;

    public AppPasswordService(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    public Stream<AppPasswordCredentialModel> list(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(AppPasswordCredentialModel.TYPE)
                .map(AppPasswordCredentialModel::createFromCredentialModel);
    }

    /** The recorded uses of the user's app passwords, by credential id (one query). */
    public Map<String, UsageHistory> histories(UserModel user) {
        Map<String, UsageHistory> recorded = new CredentialUsageStore(session).historiesOf(realm.getId(), user.getId());
        return list(user).collect(Collectors.toMap(AppPasswordCredentialModel::getId,
                credential -> recorded.getOrDefault(credential.getId(), credential.legacyHistory())));
    }

    /**
     * Validates everything, then stores one credential.
     *
     * @return the stored credential and the password, which is never available again
     * @throws ApiException 400 with a message key for any invalid input; nothing is stored then
     */
    public Created create(UserModel user, String name, String clientId, String allowList) {
        String trimmedName = name == null ? "" : name.strip();
        if (trimmedName.isEmpty() || trimmedName.length() > MAX_NAME_LENGTH) {
            throw ApiException.badRequest("appPasswordNameInvalid", "name", MAX_NAME_LENGTH);
        }
        ClientModel client = clientId == null ? null : realm.getClientByClientId(clientId);
        if (client == null || AppPasswordClients.mode(realm, client).isEmpty()) {
            throw ApiException.badRequest("appPasswordClientNotEnabled", "clientId");
        }
        IpAllowList ips = parseAllowList(allowList);
        int max = maxPerUser();
        if (list(user).count() >= max) {
            throw ApiException.badRequest("appPasswordLimitReached", null, max);
        }
        AppPassword password = newPasswordFor(user);
        AppPasswordCredentialData data = new AppPasswordCredentialData(client.getClientId(), password.lookupId(), ips.toString(), null, null, null);
        CredentialModel stored = user.credentialManager().createStoredCredential(
                AppPasswordCredentialModel.create(trimmedName, data, SecretHasher.hash(password.secret())));
        return new Created(AppPasswordCredentialModel.createFromCredentialModel(stored), password.value());
    }

    /**
     * Deletes the user's app password {@code id}; false if the user has no such app password. Keycloak renumbers the
     * priorities of the user's other credentials when one is removed, so two removals for one user on two cluster nodes
     * at once (or a removal and a password change) can collide on a credential row's version: the removal runs in a
     * transaction of its own and is retried then.
     */
    public boolean delete(UserModel user, String id) {
        CredentialModel stored = id == null ? null : user.credentialManager().getStoredCredentialById(id);
        if (stored == null || !AppPasswordCredentialModel.TYPE.equals(stored.getType())) {
            return false;
        }
        String userId = user.getId();
        return ConcurrentChangeRetry.run(session, "remove app password " + id, writer -> {
            RealmModel writerRealm = writer.realms().getRealm(realm.getId());
            UserModel owner = writer.users().getUserById(writerRealm, userId);
            new CredentialUsageStore(writer).delete(realm.getId(), id);
            return owner != null && owner.credentialManager().removeStoredCredentialById(id);
        });
    }

    /**
     * Checks whether {@code typed} is one of the user's app passwords, bound to {@code client} and allowed from
     * {@code remoteAddress}. Costs one SHA-256 whatever the number of app passwords. Records the use (at most once a
     * minute per password, or at once from another address).
     *
     * @return the use if valid, empty otherwise
     */
    public Optional<Use> verify(UserModel user, ClientModel client, String typed, String remoteAddress) {
        Optional<AppPassword> parsed = AppPasswordFormat.parse(typed);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Optional<AppPasswordCredentialModel> candidate = list(user)
                .filter(credential -> parsed.get().lookupId().equals(credential.data().lookupId()))
                .findFirst();
        boolean valid = candidate.isPresent()
                && SecretHasher.matches(parsed.get().secret(), candidate.get().secretHash())
                && client.getClientId().equals(candidate.get().data().clientId())
                && IpAllowList.parse(candidate.get().data().allowList()).allows(remoteAddress);
        return valid ? Optional.of(recordUse(user, candidate.get(), remoteAddress)) : Optional.empty();
    }

    /**
     * Records the use in {@code PROFILEKIT_CREDENTIAL_USAGE} when {@link UsageHistory#needsUpdate} says so (at most once
     * a minute per password, at once from a new address), in a transaction of its own: Keycloak's credential row is not
     * written, and a lost race with another node recording the same first use costs this record, never the login.
     */
    private Use recordUse(UserModel user, AppPasswordCredentialModel credential, String remoteAddress) {
        Instant now = Instant.now();
        CredentialUsageStore usage = new CredentialUsageStore(session);
        UsageHistory history = usage.history(credential.getId()).orElse(credential.legacyHistory());
        if (!history.needsUpdate(now, remoteAddress)) {
            return new Use(credential, false);
        }
        String userId = user.getId();
        try {
            boolean firstUseFromIp = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(),
                    writer -> new CredentialUsageStore(writer).recordUse(realm.getId(), userId, credential.getId(), now, remoteAddress, history));
            return new Use(credential, firstUseFromIp);
        } catch (RuntimeException lost) {
            LOG.debugf(lost, "Could not record the use of app password %s", credential.getId());
            return new Use(credential, false);
        }
    }

    private AppPassword newPasswordFor(UserModel user) {
        AppPassword password;
        do {
            password = FORMAT.generate();
        } while (hasLookupId(user, password.lookupId()));
        return password;
    }

    private boolean hasLookupId(UserModel user, String lookupId) {
        return list(user).anyMatch(credential -> lookupId.equals(credential.data().lookupId()));
    }

    private static IpAllowList parseAllowList(String allowList) {
        try {
            return IpAllowList.parse(allowList);
        } catch (InvalidIpAllowListException e) {
            throw ApiException.badRequest(e.getMessageKey(), "allowList", e.getEntry());
        }
    }

    private int maxPerUser() {
        AppPasswordCredentialProviderFactory factory = (AppPasswordCredentialProviderFactory) session.getKeycloakSessionFactory()
                .getProviderFactory(CredentialProvider.class, AppPasswordCredentialProviderFactory.PROVIDER_ID);
        return factory.config().maxPerUser();
    }

    /**
     * A successful use of an app password.
     *
     * @param firstUseFromIp whether the caller's address was not among the addresses it was last used from (so the
     *                       owner gets a security notice); true for the very first use
     */
    public record Use(AppPasswordCredentialModel credential, boolean firstUseFromIp) {
    }

    /** A just-created app password: {@code password} is shown to the user once and never stored. */
    public record Created(AppPasswordCredentialModel credential, String password) {

        @Override
        public String toString() {
            return "Created[" + credential.getId() + "]";
        }
    }
}
