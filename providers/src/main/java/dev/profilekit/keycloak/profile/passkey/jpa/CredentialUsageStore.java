package dev.profilekit.keycloak.profile.passkey.jpa;

import dev.profilekit.keycloak.profile.common.jpa.UserRowsCleanup;
import dev.profilekit.keycloak.profile.common.usage.LastUse;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Last use of credentials, in the transaction of the session it is created for. Nothing is cached, so every
 * cluster node reads and writes the same rows.
 */
public final class CredentialUsageStore implements UserRowsCleanup.UserRows {

    private final EntityManager em;

    public CredentialUsageStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** The stored last use of a credential, {@link LastUse#NEVER} without a row. */
    public LastUse lastUse(String credentialId) {
        return Optional.ofNullable(em.find(CredentialUsageEntity.class, credentialId))
                .map(CredentialUsageStore::lastUse)
                .orElse(LastUse.NEVER);
    }

    /** The last uses of a user's credentials, by Keycloak credential id (rows of deleted credentials included). */
    public Map<String, LastUse> lastUsesOf(String realmId, String userId) {
        return em.createNamedQuery(CredentialUsageEntity.BY_USER, CredentialUsageEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .getResultStream()
                .collect(Collectors.toMap(CredentialUsageEntity::getCredentialId, CredentialUsageStore::lastUse));
    }

    /**
     * Records a use at {@code at} from {@code ip}: a conditional UPDATE that only moves the time forwards (a late or
     * concurrent write with an older time changes nothing), or an INSERT for a credential's first use. Two nodes
     * inserting the first use of one credential at the same moment: one INSERT fails on the primary key, and its
     * transaction must be given up (the other recorded practically the same use).
     */
    public void recordUse(String realmId, String userId, String credentialId, Instant at, String ip) {
        int updated = em.createNamedQuery(CredentialUsageEntity.RECORD_USE)
                .setParameter("at", at.toEpochMilli())
                .setParameter("ip", ip)
                .setParameter("credentialId", credentialId)
                .executeUpdate();
        if (updated == 0 && em.find(CredentialUsageEntity.class, credentialId) == null) {
            CredentialUsageEntity usage = new CredentialUsageEntity();
            usage.setCredentialId(credentialId);
            usage.setRealmId(realmId);
            usage.setUserId(userId);
            usage.setLastUsedAt(at.toEpochMilli());
            usage.setLastUsedIp(ip);
            em.persist(usage);
            em.flush();
        }
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

    private static LastUse lastUse(CredentialUsageEntity usage) {
        return new LastUse(Instant.ofEpochMilli(usage.getLastUsedAt()), usage.getLastUsedIp());
    }
}
