package dev.profilekit.keycloak.profile.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gets a real account-console access token the way the account console does: authorization code flow with PKCE
 * for the public {@code account-console} client, filling in Keycloak's login form over HTTP ({@link LoginSession}).
 */
public final class AccountConsoleLogin {

    private static final String CLIENT_ID = "account-console";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;
    private final String realm;

    public AccountConsoleLogin(RunningKeycloak server, String realm) {
        this.baseUrl = server.baseUrl();
        this.realm = realm;
    }

    /** @return the access token of a fresh account-console login of this user */
    public String accessToken(String username, String password) throws IOException, InterruptedException {
        return accessToken(new LoginSession(), username, password);
    }

    /**
     * Logs in within {@code session}, so its SSO cookies stay usable for further steps (for example an
     * application-initiated action).
     */
    public String accessToken(LoginSession session, String username, String password) throws IOException, InterruptedException {
        String verifier = randomUrlSafe(32);
        LoginSession.Page loginPage = session.open(authorizationUrl(verifier, Map.of()));
        LoginSession.Page afterLogin = session.submit(loginPage, "kc-form-login", Map.of("username", username, "password", password));
        return exchange(afterLogin, verifier);
    }

    /** The authorization-endpoint URL of an account-console login with PKCE, plus {@code extra} parameters. */
    public String authorizationUrl(String verifier, Map<String, String> extra) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("client_id", CLIENT_ID);
        parameters.put("redirect_uri", redirectUri());
        parameters.put("response_type", "code");
        parameters.put("scope", "openid");
        parameters.put("state", randomUrlSafe(8));
        parameters.put("code_challenge", s256(verifier));
        parameters.put("code_challenge_method", "S256");
        parameters.putAll(extra);
        return oidc("auth") + "?" + LoginSession.form(parameters);
    }

    /** Exchanges the code of the redirect that ended a login for the access token. */
    public String exchange(LoginSession.Page end, String verifier) throws IOException, InterruptedException {
        URI location = end.redirect().orElseThrow(() -> new IllegalStateException("Login did not end (HTTP " + end.status() + ")"));
        String code = queryParameter(location, "code");
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("client_id", CLIENT_ID);
        exchange.put("code", code);
        exchange.put("redirect_uri", redirectUri());
        exchange.put("code_verifier", verifier);
        HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(oidc("token")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(LoginSession.form(exchange)))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(token.body());
        if (token.statusCode() != 200) {
            throw new IllegalStateException("Code exchange failed: " + body);
        }
        return body.get("access_token").asText();
    }

    /** A fresh PKCE code verifier. */
    public static String newVerifier() {
        return randomUrlSafe(32);
    }

    private String redirectUri() {
        return baseUrl + "/realms/" + realm + "/account/";
    }

    private String oidc(String endpoint) {
        return baseUrl + "/realms/" + realm + "/protocol/openid-connect/" + endpoint;
    }

    private static String queryParameter(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("No " + name + " in redirect " + uri);
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
