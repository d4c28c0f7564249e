package dev.profilekit.keycloak.profile.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Form POSTs to the test server over a plain socket bound to a chosen loopback source address (127.0.0.1, 127.0.0.2,
 * ...), since Java's HttpClient cannot pick one: that is how tests vary the caller IP that Keycloak sees.
 */
public final class LoopbackClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;

    public LoopbackClient(KeycloakAddress server) {
        this.port = URI.create(server.baseUrl()).getPort();
    }

    /** Status, JSON body (a null node for an empty body) and the body exactly as received ({@code text}). */
    public record Answer(int status, JsonNode body, String text) {
    }

    /** A minimal HTTP/1.1 form POST from {@code sourceAddress}, with optional extra header lines. */
    public Answer postForm(String sourceAddress, String path, Map<String, String> form, String... extraHeaders) throws IOException {
        byte[] body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\n")
                .append("Content-Type: application/x-www-form-urlencoded\r\n")
                .append("Accept: application/json\r\n")
                .append("Connection: close\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        for (String header : extraHeaders) {
            head.append(header).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(sourceAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    private static Answer parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        String[] headLines = text.substring(0, split).split("\r\n");
        int status = Integer.parseInt(headLines[0].split(" ")[1]);
        String body = text.substring(split + 4);
        for (String line : headLines) {
            if (line.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:") && line.toLowerCase(Locale.ROOT).contains("chunked")) {
                body = dechunk(body);
            }
        }
        return new Answer(status, body.isBlank() ? JSON.nullNode() : JSON.readTree(body), body);
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
