package dev.profilekit.keycloak.profile.recoveryemail.token;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.keycloak.authentication.actiontoken.DefaultActionToken;

/**
 * The link in a recovery-email confirmation mail: a signed Keycloak action token for one user and one address,
 * single use, expiring like Keycloak's own user-initiated action links.
 */
public final class RecoveryEmailActionToken extends DefaultActionToken {

    /** The token type, also the id of its {@link RecoveryEmailActionTokenHandler}. */
    public static final String TOKEN_TYPE = "profilekit-recovery-email";

    @JsonProperty("rcv")
    private String recoveryEmail;

    public RecoveryEmailActionToken(String userId, int absoluteExpirationInSecs, String recoveryEmail, String clientId) {
        super(userId, TOKEN_TYPE, absoluteExpirationInSecs, null);
        this.recoveryEmail = recoveryEmail;
        this.issuedFor = clientId;
    }

    /** For Jackson. */
    private RecoveryEmailActionToken() {
    }

    /** The address this link confirms. */
    public String getRecoveryEmail() {
        return recoveryEmail;
    }
}
