package dev.profilekit.keycloak.profile.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP reverse proxy on loopback in front of cluster nodes, doing what {@code docker/nginx.conf} does in
 * production: it <em>overwrites</em> {@code X-Forwarded-For} with the address the request came from and sets
 * {@code X-Forwarded-Proto/Host/Port}; the nodes trust those headers only from the proxy's address (127.0.0.1).
 * Requests go round-robin to the nodes, like nginx's default upstream, or all to one node ({@link #pin}) so that a test
 * decides which node does what. Redirects, cookies and bodies pass through unchanged.
 */
public final class ReverseProxy implements KeycloakAddress, AutoCloseable {

    /** Hop-by-hop headers and the ones Java's HttpClient sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection", "x-forwarded-for", "x-forwarded-proto",
            "x-forwarded-host", "x-forwarded-port", "forwarded", "http2-settings");

    private final List<? extends KeycloakAddress> backends;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(64);
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final AtomicInteger next = new AtomicInteger();
    private volatile KeycloakAddress pinned;

    private ReverseProxy(int port, List<? extends KeycloakAddress> backends) throws IOException {
        this.backends = List.copyOf(backends);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.createContext("/", this::forward);
        server.setExecutor(workers);
    }

    /** Listens on {@code 127.0.0.1:port} (connect as {@code localhost:port}) in front of {@code backends}. */
    public static ReverseProxy start(int port, List<? extends KeycloakAddress> backends) throws IOException {
        ReverseProxy proxy = new ReverseProxy(port, backends);
        proxy.server.start();
        return proxy;
    }

    @Override
    public String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Sends every request to {@code backend} until {@link #roundRobin()}. */
    public void pin(KeycloakAddress backend) {
        if (!backends.contains(backend)) {
            throw new IllegalArgumentException(backend + " is not behind this proxy");
        }
        pinned = backend;
    }

    public void roundRobin() {
        pinned = null;
    }

    private KeycloakAddress backend() {
        KeycloakAddress chosen = pinned;
        return chosen != null ? chosen : backends.get(Math.floorMod(next.getAndIncrement(), backends.size()));
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend().baseUrl() + exchange.getRequestURI()))
                    .timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), body(exchange.getRequestBody()));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            request.header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress())
                    .header("X-Forwarded-Proto", "http")
                    .header("X-Forwarded-Host", "localhost:" + server.getAddress().getPort())
                    .header("X-Forwarded-Port", String.valueOf(server.getAddress().getPort()));
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                exchange.sendResponseHeaders(502, -1);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] body = response.body();
            boolean noBody = body.length == 0 || exchange.getRequestMethod().equals("HEAD")
                    || response.statusCode() == 204 || response.statusCode() == 304;
            exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : body.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private static HttpRequest.BodyPublisher body(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        return bytes.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
