package dev.profilekit.keycloak.profile.common.usage.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * When and from where a user's credential was last used ({@code PROFILEKIT_CREDENTIAL_USAGE}, see
 * {@code META-INF/profilekit-credential-usage-changelog.xml}); Keycloak's own credential table has no such column.
 * One row per used credential, keyed by Keycloak's credential id; no row means "never used". Times are epoch
 * milliseconds.
 */
@Entity
@Table(name = "PROFILEKIT_CREDENTIAL_USAGE")
@NamedQueries({
        @NamedQuery(name = CredentialUsageEntity.BY_USER,
                query = "select u from CredentialUsageEntity u where u.realmId = :realmId and u.userId = :userId"),
        @NamedQuery(name = CredentialUsageEntity.DELETE,
                query = "delete from CredentialUsageEntity u where u.realmId = :realmId and u.credentialId = :credentialId"),
        @NamedQuery(name = CredentialUsageEntity.DELETE_BY_USER,
                query = "delete from CredentialUsageEntity u where u.realmId = :realmId and u.userId = :userId"),
        @NamedQuery(name = CredentialUsageEntity.DELETE_BY_REALM,
                query = "delete from CredentialUsageEntity u where u.realmId = :realmId")
})
public class CredentialUsageEntity {

    static final String BY_USER = "profilekitCredentialUsageByUser";
    static final String DELETE = "profilekitCredentialUsageDelete";
    static final String DELETE_BY_USER = "profilekitCredentialUsageDeleteByUser";
    static final String DELETE_BY_REALM = "profilekitCredentialUsageDeleteByRealm";

    @Id
    @Column(name = "CREDENTIAL_ID", length = 36, nullable = false)
    private String credentialId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "LAST_USED_AT", nullable = false)
    private long lastUsedAt;

    @Column(name = "LAST_USED_IP", length = 64)
    private String lastUsedIp;

    /** {@code KnownIps#toStored}; {@code null} for rows written before changeSet profilekit-credential-usage-2. */
    @Column(name = "KNOWN_IPS", length = 500)
    private String knownIps;

    public String getCredentialId() {
        return credentialId;
    }

    public void setCredentialId(String credentialId) {
        this.credentialId = credentialId;
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

    public long getLastUsedAt() {
        return lastUsedAt;
    }

    public void setLastUsedAt(long lastUsedAt) {
        this.lastUsedAt = lastUsedAt;
    }

    public String getLastUsedIp() {
        return lastUsedIp;
    }

    public void setLastUsedIp(String lastUsedIp) {
        this.lastUsedIp = lastUsedIp;
    }

    public String getKnownIps() {
        return knownIps;
    }

    public void setKnownIps(String knownIps) {
        this.knownIps = knownIps;
    }
}
