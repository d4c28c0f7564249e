package dev.profilekit.keycloak.profile.it.profilelock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.profilekit.keycloak.profile.it.support.AccountApi;
import java.io.IOException;
import java.util.Map;
import java.util.stream.StreamSupport;

/** A user editing their own profile through Keycloak's account REST API, as the Profile page does. */
public final class SelfService {

    private final AccountApi api;

    public SelfService(AccountApi api) {
        this.api = api;
    }

    /** Reads the user's representation, applies {@code changes} and posts it back. */
    public AccountApi.Answer update(Map<String, String> changes) throws IOException, InterruptedException {
        AccountApi.Answer current = api.get("account/?userProfileMetadata=false");
        ObjectNode user = (ObjectNode) current.body();
        changes.forEach(user::put);
        return api.post("account/", user.toString());
    }

    public AccountApi.Answer me() throws IOException, InterruptedException {
        return api.get("profile/me");
    }

    /** The message keys of a user-profile validation answer ({@code {"errors": [...]}}) or of a single error. */
    public static java.util.List<String> errorKeys(AccountApi.Answer answer) {
        JsonNode errors = answer.body().path("errors");
        if (!errors.isArray() || errors.isEmpty()) {
            return java.util.List.of(answer.errorMessage());
        }
        return StreamSupport.stream(errors.spliterator(), false).map(e -> e.path("errorMessage").asText()).toList();
    }
}
