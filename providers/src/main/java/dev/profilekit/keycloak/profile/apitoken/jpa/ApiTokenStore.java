package dev.profilekit.keycloak.profile.apitoken.jpa;

import dev.profilekit.keycloak.profile.common.usage.LastUse;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Database access for personal API tokens, in the request's transaction. Nothing is cached beyond the request, so
 * every cluster node sees a revocation or change at once.
 */
public final class ApiTokenStore {

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

    public void deleteByUser(String realmId, String userId) {
        em.createNamedQuery(ApiTokenEntity.DELETE_BY_USER)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .executeUpdate();
    }

    public void deleteByRealm(String realmId) {
        em.createNamedQuery(ApiTokenEntity.DELETE_BY_REALM).setParameter("realmId", realmId).executeUpdate();
    }

    /**
     * Records a use at {@code now} from {@code ip} if the stored last use is stale (see {@link LastUse#needsUpdate}):
     * at most one conditional UPDATE per token and minute (or new caller IP), none otherwise.
     *
     * @param ip the caller's IP, or {@code null} to keep the stored one (a use seen only by introspection)
     */
    public void recordUse(ApiTokenEntity token, Instant now, String ip) {
        String recordedIp = ip != null ? ip : token.getLastUsedIp();
        if (!lastUse(token).needsUpdate(now, recordedIp)) {
            return;
        }
        em.createNamedQuery(ApiTokenEntity.RECORD_USE)
                .setParameter("at", now.toEpochMilli())
                .setParameter("ip", recordedIp)
                .setParameter("id", token.getId())
                .executeUpdate();
    }

    public static LastUse lastUse(ApiTokenEntity token) {
        return token.getLastUsedAt() == null
                ? LastUse.NEVER
                : new LastUse(Instant.ofEpochMilli(token.getLastUsedAt()), token.getLastUsedIp());
    }
}
