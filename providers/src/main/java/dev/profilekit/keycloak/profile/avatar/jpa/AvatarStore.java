package dev.profilekit.keycloak.profile.avatar.jpa;

import dev.profilekit.keycloak.profile.common.jpa.UserRowsCleanup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** Database access for avatars, in the request's transaction; nothing is cached on a node. */
public final class AvatarStore implements UserRowsCleanup.UserRows {

    private final EntityManager em;

    public AvatarStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** The avatar with this public id, by primary key. */
    public Optional<AvatarEntity> find(String id) {
        return Optional.ofNullable(em.find(AvatarEntity.class, id));
    }

    /** The user's avatar, if they uploaded one. */
    public Optional<AvatarEntity> findByUser(String realmId, String userId) {
        List<AvatarEntity> found = em.createNamedQuery(AvatarEntity.BY_USER, AvatarEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .getResultList();
        return found.stream().findFirst();
    }

    /**
     * Replaces the user's avatar (if any) with {@code avatar}, flushed at once so that a concurrent replacement on
     * another node surfaces here as the unique key's violation.
     *
     * @throws PersistenceException if another request stored an avatar for the user at the same time
     */
    public void replace(AvatarEntity avatar) {
        deleteByUser(avatar.getRealmId(), avatar.getUserId());
        em.persist(avatar);
        em.flush();
    }

    @Override
    public void deleteByUser(String realmId, String userId) {
        em.createNamedQuery(AvatarEntity.DELETE_BY_USER)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .executeUpdate();
    }

    @Override
    public void deleteByRealm(String realmId) {
        em.createNamedQuery(AvatarEntity.DELETE_BY_REALM).setParameter("realmId", realmId).executeUpdate();
    }
}
