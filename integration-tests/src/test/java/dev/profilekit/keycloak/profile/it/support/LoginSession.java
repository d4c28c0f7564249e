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
        return post(page.formAction(formId), fields);
    }

    /** POSTs {@code fields} to {@code url} as a form would. */
    public Page post(String url, Map<String, String> fields) throws IOException, InterruptedException {
        return follow(send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))));
    }

    /**
     * The demo realm sets the "maximum age of authentication" of sensitive actions (update email, recovery codes,
     * delete credential) to 0: Keycloak asks to log in again once the login is older than that, counted in whole
     * seconds. A test that logs in and starts such an action at once waits here first.
     */
    public static void waitUntilTheLoginIsOlderThanZeroSeconds() throws InterruptedException {
        Thread.sleep(1100);
    }

    /** POSTs {@code fields} to the page's one login-actions form, for Keycloak pages whose form has no id. */
    public Page submit(Page page, Map<String, String> fields) throws IOException, InterruptedException {
        return submit(page, null, fields);
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

        /** Name and value of every hidden {@code <input>} on the page (HTML entities in values decoded). */
        public Map<String, String> hiddenInputs() {
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher input = Pattern.compile("<input\\b[^>]*>").matcher(body);
            while (input.find()) {
                String tag = input.group();
                if (tag.contains("type=\"hidden\"")) {
                    attribute(tag, "name").ifPresent(name -> fields.put(name, attribute(tag, "value").orElse("")));
                }
            }
            return fields;
        }

        private static Optional<String> attribute(String tag, String name) {
            Matcher value = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(tag);
            return value.find()
                    ? Optional.of(value.group(1).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
                    : Optional.empty();
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

        /** The form with id {@code formId}, or for {@code null} the first form posting to Keycloak's login actions. */
        private Optional<String> formTag(String formId) {
            Matcher form = FORM.matcher(body);
            while (form.find()) {
                boolean matches = formId == null
                        ? form.group().contains("/login-actions/")
                        : form.group().contains("id=\"" + formId + "\"");
                if (matches) {
                    return Optional.of(form.group());
                }
            }
            return Optional.empty();
        }
    }
}
