package dev.profilekit.keycloak.profile.apitoken.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A personal API token as stored ({@code PROFILEKIT_API_TOKEN}, see {@code META-INF/profilekit-api-token-changelog.xml}).
 * The primary key is the token's public id part, so a presented token is found by a primary-key lookup; the secret
 * is stored only as its SHA-256 hash. Times are epoch milliseconds.
 */
@Entity
@Table(name = "PROFILEKIT_API_TOKEN")
@NamedQueries({
        @NamedQuery(name = ApiTokenEntity.BY_USER,
                query = "select t from ApiTokenEntity t where t.realmId = :realmId and t.userId = :userId order by t.createdAt, t.id"),
        @NamedQuery(name = ApiTokenEntity.COUNT_BY_USER,
                query = "select count(t) from ApiTokenEntity t where t.realmId = :realmId and t.userId = :userId"),
        @NamedQuery(name = ApiTokenEntity.DELETE_BY_USER,
                query = "delete from ApiTokenEntity t where t.realmId = :realmId and t.userId = :userId"),
        @NamedQuery(name = ApiTokenEntity.DELETE_BY_REALM,
                query = "delete from ApiTokenEntity t where t.realmId = :realmId"),
        @NamedQuery(name = ApiTokenEntity.RECORD_USE,
                query = "update ApiTokenEntity t set t.lastUsedAt = :at, t.lastUsedIp = :ip where t.id = :id"
                        + " and (t.lastUsedAt is null or t.lastUsedAt < :at)"),
        @NamedQuery(name = ApiTokenEntity.RECORD_FIRST_USE_FROM_IP,
                query = "update ApiTokenEntity t set t.lastUsedAt = :at, t.lastUsedIp = :ip, t.knownIps = :knownIps"
                        + " where t.id = :id and t.knownIps = :previous"),
        @NamedQuery(name = ApiTokenEntity.RECORD_FIRST_USE,
                query = "update ApiTokenEntity t set t.lastUsedAt = :at, t.lastUsedIp = :ip, t.knownIps = :knownIps"
                        + " where t.id = :id and t.knownIps is null"),
        @NamedQuery(name = ApiTokenEntity.EXPIRING_WITHOUT_NOTICE,
                query = "select t from ApiTokenEntity t where t.realmId = :realmId and t.expiresAt > :from and t.expiresAt <= :to"
                        + " and t.expiryNoticeAt is null order by t.id"),
        @NamedQuery(name = ApiTokenEntity.MARK_EXPIRY_NOTICE,
                query = "update ApiTokenEntity t set t.expiryNoticeAt = :at where t.id = :id and t.expiryNoticeAt is null")
})
public class ApiTokenEntity {

    static final String BY_USER = "profilekitApiTokensByUser";
    static final String COUNT_BY_USER = "profilekitApiTokenCountByUser";
    static final String DELETE_BY_USER = "profilekitApiTokensDeleteByUser";
    static final String DELETE_BY_REALM = "profilekitApiTokensDeleteByRealm";
    static final String RECORD_USE = "profilekitApiTokenRecordUse";
    static final String RECORD_FIRST_USE_FROM_IP = "profilekitApiTokenRecordFirstUseFromIp";
    static final String RECORD_FIRST_USE = "profilekitApiTokenRecordFirstUse";
    static final String EXPIRING_WITHOUT_NOTICE = "profilekitApiTokensExpiringWithoutNotice";
    static final String MARK_EXPIRY_NOTICE = "profilekitApiTokenMarkExpiryNotice";

    @Id
    @Column(name = "ID", length = 12, nullable = false)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "NAME", length = 64, nullable = false)
    private String name;

    @Column(name = "SCOPE", length = 16, nullable = false)
    private String scope;

    @Column(name = "ALLOW_LIST", length = 2500, nullable = false)
    private String allowList;

    @Column(name = "SECRET_HASH", length = 64, nullable = false)
    private String secretHash;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    @Column(name = "LAST_USED_AT")
    private Long lastUsedAt;

    @Column(name = "LAST_USED_IP", length = 64)
    private String lastUsedIp;

    /** {@code KnownIps} in its stored form; {@code null} until the first use from a known caller address. */
    @Column(name = "KNOWN_IPS", length = 500)
    private String knownIps;

    /** When the owner was told that the token expires soon; {@code null} until then (reset by a new expiry). */
    @Column(name = "EXPIRY_NOTICE_AT")
    private Long expiryNoticeAt;

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

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getAllowList() {
        return allowList;
    }

    public void setAllowList(String allowList) {
        this.allowList = allowList;
    }

    public String getSecretHash() {
        return secretHash;
    }

    public void setSecretHash(String secretHash) {
        this.secretHash = secretHash;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(long expiresAt) {
        this.expiresAt = expiresAt;
    }

    public Long getLastUsedAt() {
        return lastUsedAt;
    }

    public void setLastUsedAt(Long lastUsedAt) {
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

    public Long getExpiryNoticeAt() {
        return expiryNoticeAt;
    }

    public void setExpiryNoticeAt(Long expiryNoticeAt) {
        this.expiryNoticeAt = expiryNoticeAt;
    }
}
