package dev.profilekit.keycloak.profile.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Gets a real account-console access token the way the account console does: authorization code flow with PKCE
 * for the public {@code account-console} client, filling in Keycloak's login form over HTTP.
 */
public final class AccountConsoleLogin {

    private static final String CLIENT_ID = "account-console";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|<form[^>]*action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String baseUrl;
    private final String realm;

    public AccountConsoleLogin(KeycloakServer server, String realm) {
        this.baseUrl = server.baseUrl();
        this.realm = realm;
    }

    /** @return the access token of a fresh account-console login of this user */
    public String accessToken(String username, String password) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = randomUrlSafe(32);
        String redirectUri = baseUrl + "/realms/" + realm + "/account/";
        String authUrl = oidc("auth") + "?" + form(Map.of(
                "client_id", CLIENT_ID,
                "redirect_uri", redirectUri,
                "response_type", "code",
                "scope", "openid",
                "state", randomUrlSafe(8),
                "code_challenge", s256(verifier),
                "code_challenge_method", "S256"));
        HttpResponse<String> loginPage = http.send(HttpRequest.newBuilder(URI.create(authUrl)).build(), HttpResponse.BodyHandlers.ofString());
        // Keycloak marks its login cookies Secure, which java.net.CookieManager never returns over plain http.
        String cookies = loginPage.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        if (loginPage.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException("No login form (HTTP " + loginPage.statusCode() + ")");
        }
        String actionUrl = (action.group(1) != null ? action.group(1) : action.group(2)).replace("&amp;", "&");
        HttpResponse<String> afterLogin = http.send(HttpRequest.newBuilder(URI.create(actionUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password))))
                .build(), HttpResponse.BodyHandlers.ofString());
        String location = afterLogin.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("Login refused (HTTP " + afterLogin.statusCode() + ")"));
        String code = queryParameter(URI.create(location), "code");

        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("client_id", CLIENT_ID);
        exchange.put("code", code);
        exchange.put("redirect_uri", redirectUri);
        exchange.put("code_verifier", verifier);
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(oidc("token")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(exchange)))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(token.body());
        if (token.statusCode() != 200) {
            throw new IllegalStateException("Code exchange failed: " + body);
        }
        return body.get("access_token").asText();
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

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
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
