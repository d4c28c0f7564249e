package dev.profilekit.keycloak.profile.common.usage.jpa;

import dev.profilekit.keycloak.profile.common.jpa.UserRowsCleanup;
import dev.profilekit.keycloak.profile.common.usage.KnownIps;
import dev.profilekit.keycloak.profile.common.usage.LastUse;
import dev.profilekit.keycloak.profile.common.usage.UsageHistory;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Last use and known addresses of credentials (passkeys, security keys, app passwords), in the transaction of the
 * session it is created for. Nothing is cached, so every cluster node reads and writes the same rows.
 */
public final class CredentialUsageStore implements UserRowsCleanup.UserRows {

    private final EntityManager em;

    public CredentialUsageStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** The recorded uses of a credential, empty without a row. */
    public Optional<UsageHistory> history(String credentialId) {
        return Optional.ofNullable(em.find(CredentialUsageEntity.class, credentialId)).map(CredentialUsageStore::history);
    }

    /** The recorded uses of a user's credentials, by Keycloak credential id (rows of deleted credentials included). */
    public Map<String, UsageHistory> historiesOf(String realmId, String userId) {
        return em.createNamedQuery(CredentialUsageEntity.BY_USER, CredentialUsageEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .getResultStream()
                .collect(Collectors.toMap(CredentialUsageEntity::getCredentialId, CredentialUsageStore::history));
    }

    /**
     * Records a use at {@code at} from {@code ip} when {@link UsageHistory#needsUpdate} says so. The row is read with a
     * row lock ({@code SELECT ... FOR UPDATE}), so concurrent uses on several nodes write one after the other and no
     * address is lost; the time only moves forwards. A credential's first use INSERTs its row: when two nodes do that
     * at the same moment one fails on the primary key, so call this in a transaction of its own that may fail (the
     * other node recorded practically the same use). Keycloak's credential row is never touched: a use neither
     * conflicts with a change of the user's credentials nor invalidates the user cache of the cluster.
     *
     * @param before what was recorded before this table held the credential's uses ({@link UsageHistory#NEVER} if
     *               nothing), used while the credential has no row
     * @return whether this was the first use from {@code ip}
     */
    public boolean recordUse(String realmId, String userId, String credentialId, Instant at, String ip, UsageHistory before) {
        CredentialUsageEntity row = em.find(CredentialUsageEntity.class, credentialId, LockModeType.PESSIMISTIC_WRITE);
        UsageHistory current = row == null ? before : history(row);
        boolean newIp = current.isNewIp(ip);
        if (!current.needsUpdate(at, ip)) {
            return false;
        }
        if (row == null) {
            row = new CredentialUsageEntity();
            row.setCredentialId(credentialId);
            row.setRealmId(realmId);
            row.setUserId(userId);
            em.persist(row);
        }
        if (current.lastUse().at() == null || !at.isBefore(current.lastUse().at())) {
            row.setLastUsedAt(at.toEpochMilli());
            row.setLastUsedIp(ip);
        }
        row.setKnownIps(current.knownIps().with(ip).toStored());
        em.flush();
        return newIp;
    }

    /** Forgets the last use of a (deleted) credential. */
    public void delete(String realmId, String credentialId) {
        em.createNamedQuery(CredentialUsageEntity.DELETE)
                .setParameter("realmId", realmId)
                .setParameter("credentialId", credentialId)
                .executeUpdate();
    }

    @Override
    public void deleteByUser(String realmId, String userId) {
        em.createNamedQuery(CredentialUsageEntity.DELETE_BY_USER)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .executeUpdate();
    }

    @Override
    public void deleteByRealm(String realmId) {
        em.createNamedQuery(CredentialUsageEntity.DELETE_BY_REALM).setParameter("realmId", realmId).executeUpdate();
    }

    private static UsageHistory history(CredentialUsageEntity usage) {
        return new UsageHistory(new LastUse(Instant.ofEpochMilli(usage.getLastUsedAt()), usage.getLastUsedIp()),
                KnownIps.parse(usage.getKnownIps()));
    }
}
