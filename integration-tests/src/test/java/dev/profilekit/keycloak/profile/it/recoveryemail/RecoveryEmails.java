package dev.profilekit.keycloak.profile.it.recoveryemail;

import dev.profilekit.keycloak.profile.it.support.AccountApi;
import java.io.IOException;
import java.util.Map;

/** The recovery-email REST API of one user, as the Profile page calls it. */
final class RecoveryEmails {

    static final String PATH = "recovery-email";

    private final AccountApi api;

    RecoveryEmails(AccountApi api) {
        this.api = api;
    }

    AccountApi.Answer get() throws IOException, InterruptedException {
        return api.get(PATH);
    }

    AccountApi.Answer put(String email) throws IOException, InterruptedException {
        return api.put(PATH, Map.of("email", email));
    }

    AccountApi.Answer delete() throws IOException, InterruptedException {
        return api.delete(PATH);
    }
}
