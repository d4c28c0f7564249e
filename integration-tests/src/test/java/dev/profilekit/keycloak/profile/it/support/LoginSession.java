package dev.profilekit.keycloak.profile.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser for Keycloak's login pages: keeps the login cookies (Keycloak marks them Secure, which
 * {@link java.net.CookieManager} never sends over plain http), follows redirects between Keycloak's login pages and
 * stops at the first redirect anywhere else (for example back to the client with the code), and submits forms.
 */
public final class LoginSession {

    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]+)\"");
    private static final Pattern HREF = Pattern.compile("\\bhref=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** GETs {@code url} and follows Keycloak-internal redirects. */
    public Page open(String url) throws IOException, InterruptedException {
        return follow(send(HttpRequest.newBuilder(URI.create(url)).GET()));
    }

    /** POSTs {@code fields} to the action of the form with id {@code formId} on {@code page}. */
    public Page submit(Page page, String formId, Map<String, String> fields) throws IOException, InterruptedException {
        return follow(send(HttpRequest.newBuilder(URI.create(page.formAction(formId)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))));
    }

    private Page follow(Page page) throws IOException, InterruptedException {
        Page current = page;
        while (current.redirect().filter(LoginSession::isLoginPage).isPresent()) {
            current = send(HttpRequest.newBuilder(current.redirect().get()).GET());
        }
        return current;
    }

    private static boolean isLoginPage(URI uri) {
        String path = uri.getPath();
        return path.contains("/login-actions/") || path.endsWith("/protocol/openid-connect/auth");
    }

    private Page send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
        }
        HttpRequest built = request.build();
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            String[] nameValue = cookie.split(";", 2)[0].split("=", 2);
            cookies.put(nameValue[0], nameValue.length > 1 ? nameValue[1] : "");
        }
        Optional<URI> redirect = response.headers().firstValue("Location").map(built.uri()::resolve);
        return new Page(response.statusCode(), response.body(), redirect);
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** An answer: a page's HTML, or a redirect that left Keycloak's login pages. */
    public record Page(int status, String body, Optional<URI> redirect) {

        public boolean hasForm(String formId) {
            return formTag(formId).isPresent();
        }

        String formAction(String formId) {
            String tag = formTag(formId).orElseThrow(() -> new IllegalStateException(
                    "No form " + formId + " on the page (HTTP " + status + "): " + body.substring(0, Math.min(body.length(), 2000))));
            Matcher action = ACTION.matcher(tag);
            if (!action.find()) {
                throw new IllegalStateException("Form " + formId + " has no action");
            }
            return action.group(1).replace("&amp;", "&");
        }

        /** The first link ({@code href}) on the page whose target contains {@code part}, entities decoded. */
        public Optional<String> link(String part) {
            Matcher href = HREF.matcher(body);
            while (href.find()) {
                String target = href.group(1).replace("&amp;", "&");
                if (target.contains(part)) {
                    return Optional.of(target);
                }
            }
            return Optional.empty();
        }

        /** The {@code <input>} tag with {@code id}, if the page has one. */
        public Optional<String> input(String id) {
            Matcher input = Pattern.compile("<input\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(body);
            return input.find() ? Optional.of(input.group()) : Optional.empty();
        }

        private Optional<String> formTag(String formId) {
            Matcher form = FORM.matcher(body);
            while (form.find()) {
                if (form.group().contains("id=\"" + formId + "\"")) {
                    return Optional.of(form.group());
                }
            }
            return Optional.empty();
        }
    }
}
