package dev.profilekit.keycloak.profile.avatar.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A user's uploaded avatar as stored ({@code PROFILEKIT_AVATAR}, see {@code META-INF/profilekit-avatar-changelog.xml}):
 * the normalised PNG itself, so every cluster node serves the same bytes. At most one per user (unique key on realm
 * and user). The primary key is a new random id for every upload; it is the last part of the image's public URL,
 * so a new picture always has a new URL. Times are epoch milliseconds.
 */
@Entity
@Table(name = "PROFILEKIT_AVATAR")
@NamedQueries({
        @NamedQuery(name = AvatarEntity.BY_USER,
                query = "select a from AvatarEntity a where a.realmId = :realmId and a.userId = :userId"),
        @NamedQuery(name = AvatarEntity.DELETE_BY_USER,
                query = "delete from AvatarEntity a where a.realmId = :realmId and a.userId = :userId"),
        @NamedQuery(name = AvatarEntity.DELETE_BY_REALM,
                query = "delete from AvatarEntity a where a.realmId = :realmId")
})
public class AvatarEntity {

    static final String BY_USER = "profilekitAvatarByUser";
    static final String DELETE_BY_USER = "profilekitAvatarDeleteByUser";
    static final String DELETE_BY_REALM = "profilekitAvatarDeleteByRealm";

    @Id
    @Column(name = "ID", length = 32, nullable = false)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    /** SHA-256 of {@link #image}, hex: the HTTP entity tag. */
    @Column(name = "CONTENT_HASH", length = 64, nullable = false)
    private String contentHash;

    /** The PNG (at most a few hundred kB); a plain byte array, not a JPA LOB: BYTEA on PostgreSQL, see the changelog. */
    @Column(name = "IMAGE", nullable = false)
    private byte[] image;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getContentHash() {
        return contentHash;
    }

    public void setContentHash(String contentHash) {
        this.contentHash = contentHash;
    }

    public byte[] getImage() {
        return image;
    }

    public void setImage(byte[] image) {
        this.image = image;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }
}
