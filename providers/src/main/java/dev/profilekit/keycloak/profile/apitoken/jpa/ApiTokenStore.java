package dev.profilekit.keycloak.profile.apitoken.jpa;

import dev.profilekit.keycloak.profile.common.jpa.UserRowsCleanup;
import dev.profilekit.keycloak.profile.common.usage.KnownIps;
import dev.profilekit.keycloak.profile.common.usage.LastUse;
import dev.profilekit.keycloak.profile.common.usage.UsageHistory;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Database access for personal API tokens, in the request's transaction. Nothing is cached beyond the request, so
 * every cluster node sees a revocation or change at once.
 */
public final class ApiTokenStore implements UserRowsCleanup.UserRows {

    private final EntityManager em;

    public ApiTokenStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** The token with this public id, by primary key. */
    public Optional<ApiTokenEntity> find(String id) {
        return Optional.ofNullable(em.find(ApiTokenEntity.class, id));
    }

    /** The token with this id if it belongs to this user of this realm. */
    public Optional<ApiTokenEntity> findOwned(String realmId, String userId, String id) {
        return find(id).filter(token -> token.getRealmId().equals(realmId) && token.getUserId().equals(userId));
    }

    /** A user's tokens, oldest first. */
    public List<ApiTokenEntity> listByUser(String realmId, String userId) {
        return em.createNamedQuery(ApiTokenEntity.BY_USER, ApiTokenEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .getResultList();
    }

    public long countByUser(String realmId, String userId) {
        return em.createNamedQuery(ApiTokenEntity.COUNT_BY_USER, Long.class)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .getSingleResult();
    }

    public void create(ApiTokenEntity token) {
        em.persist(token);
    }

    public void delete(ApiTokenEntity token) {
        em.remove(token);
    }

    @Override
    public void deleteByUser(String realmId, String userId) {
        em.createNamedQuery(ApiTokenEntity.DELETE_BY_USER)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .executeUpdate();
    }

    @Override
    public void deleteByRealm(String realmId) {
        em.createNamedQuery(ApiTokenEntity.DELETE_BY_REALM).setParameter("realmId", realmId).executeUpdate();
    }

    /**
     * Records a use at {@code now} from {@code ip}. From an address among the token's {@link KnownIps}: only if the
     * stored last use is stale (see {@link LastUse#needsUpdate}), so at most one conditional UPDATE per token and
     * minute. From any other address: adds it to the known addresses with an UPDATE conditional on the list read, so
     * that of concurrent first uses on several cluster nodes exactly one reports it.
     *
     * @param ip the caller's IP, or {@code null} to keep the stored one (a use seen only by introspection)
     * @return whether this was the first use from {@code ip} (never for {@code null})
     */
    public boolean recordUse(ApiTokenEntity token, Instant now, String ip) {
        UsageHistory history = new UsageHistory(lastUse(token), KnownIps.parse(token.getKnownIps()));
        if (history.isNewIp(ip)) {
            String previous = token.getKnownIps();
            String updated = history.knownIps().with(ip).toStored();
            Query update = em.createNamedQuery(previous == null ? ApiTokenEntity.RECORD_FIRST_USE : ApiTokenEntity.RECORD_FIRST_USE_FROM_IP)
                    .setParameter("at", now.toEpochMilli())
                    .setParameter("ip", ip)
                    .setParameter("knownIps", updated)
                    .setParameter("id", token.getId());
            if (previous != null) {
                update.setParameter("previous", previous);
            }
            return update.executeUpdate() == 1;
        }
        String recordedIp = ip != null ? ip : token.getLastUsedIp();
        if (history.lastUse().needsUpdate(now, recordedIp)) {
            em.createNamedQuery(ApiTokenEntity.RECORD_USE)
                    .setParameter("at", now.toEpochMilli())
                    .setParameter("ip", recordedIp)
                    .setParameter("id", token.getId())
                    .executeUpdate();
        }
        return false;
    }

    /** A realm's tokens that expire in ({@code from}, {@code to}] and whose owner was not told yet. */
    public List<ApiTokenEntity> expiringWithoutNotice(String realmId, Instant from, Instant to) {
        return em.createNamedQuery(ApiTokenEntity.EXPIRING_WITHOUT_NOTICE, ApiTokenEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("from", from.toEpochMilli())
                .setParameter("to", to.toEpochMilli())
                .getResultList();
    }

    /**
     * Marks the expiry notice of token {@code id} as sent at {@code now}, unless it already is: a conditional UPDATE,
     * so that when several cluster nodes try at once, exactly one gets {@code true} (and sends the notice).
     */
    public boolean markExpiryNotice(String id, Instant now) {
        return em.createNamedQuery(ApiTokenEntity.MARK_EXPIRY_NOTICE)
                .setParameter("at", now.toEpochMilli())
                .setParameter("id", id)
                .executeUpdate() == 1;
    }

    public static LastUse lastUse(ApiTokenEntity token) {
        return token.getLastUsedAt() == null
                ? LastUse.NEVER
                : new LastUse(Instant.ofEpochMilli(token.getLastUsedAt()), token.getLastUsedIp());
    }
}
