package dev.profilekit.keycloak.profile.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Closed-loop HTTP load on loopback for the on-demand benchmarks: {@code bench.threads} concurrent callers (16), a
 * warm-up per scenario ({@code bench.warmup-seconds}, 5), then {@code bench.measure-seconds} (12) per scenario split into
 * {@code bench.rounds} (4) slices run in turn, so that drift in machine load hits every scenario alike. Bounded in time.
 */
final class LoadDriver {

    static final int THREADS = Integer.getInteger("bench.threads", 16);
    static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmup-seconds", 5));
    static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.measure-seconds", 12));
    static final int ROUNDS = Integer.getInteger("bench.rounds", 4);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /**
     * One kind of request: a form POST whose answer must be 200 and contain {@code expected}. Caller {@code i} sends
     * {@code forms[i % forms.size()]}: give each caller its own user where Keycloak serialises a user's logins.
     */
    record Scenario(String name, String url, List<Map<String, String>> forms, String expected) {

        Scenario(String name, String url, Map<String, String> form, String expected) {
            this(name, url, List.of(form), expected);
        }
    }

    /** {@code perSecond} counts successful requests only; the percentiles cover all. */
    record Result(String scenario, long requests, long errors, double perSecond, double p50Millis, double p99Millis) {
    }

    private record Samples(long[][] latencies, int[] counts, long errors, long elapsedNanos) {
    }

    /** Runs every scenario (warm-up, then interleaved slices) and returns the results by scenario name, in order. */
    Map<String, Result> run(List<Scenario> scenarios) throws Exception {
        Map<Scenario, List<Samples>> samples = new LinkedHashMap<>();
        for (Scenario scenario : scenarios) {
            measure(scenario, WARM_UP);
            samples.put(scenario, new ArrayList<>());
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (Scenario scenario : scenarios) {
                samples.get(scenario).add(measure(scenario, MEASURE.dividedBy(ROUNDS)));
            }
        }
        Map<String, Result> results = new LinkedHashMap<>();
        samples.forEach((scenario, slices) -> results.put(scenario.name(), summarise(scenario.name(), slices)));
        return results;
    }

    /** The results table, followed by {@code ratios}; printed and written to {@code target/benchmark-<name>.txt}. */
    static String report(String name, String title, Map<String, Result> results, String ratios) throws IOException {
        StringBuilder out = new StringBuilder(String.format("%s: %d concurrent callers, %d s warm-up, %d s measured per scenario in %d interleaved slices%n%n",
                title, THREADS, WARM_UP.toSeconds(), MEASURE.toSeconds(), ROUNDS));
        out.append(String.format("%-34s %10s %7s %10s %9s %9s%n", "scenario", "requests", "errors", "ok/s", "p50 ms", "p99 ms"));
        for (Result r : results.values()) {
            out.append(String.format("%-34s %10d %7d %10.0f %9.1f %9.1f%n", r.scenario(), r.requests(), r.errors(), r.perSecond(), r.p50Millis(), r.p99Millis()));
        }
        out.append(System.lineSeparator()).append(ratios);
        String table = out.toString();
        System.out.println(table);
        Files.writeString(Path.of("target", "benchmark-" + name + ".txt"), table);
        return table;
    }

    HttpResponse<String> post(String url, Map<String, String> form) throws IOException, InterruptedException {
        return http.send(request(url, form), HttpResponse.BodyHandlers.ofString());
    }

    private Samples measure(Scenario scenario, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long[][] latencies = new long[THREADS][];
        int[] counts = new int[THREADS];
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            HttpRequest request = request(scenario.url(), scenario.forms().get(t % scenario.forms().size()));
            workers.add(pool.submit(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long before = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200 || !response.body().contains(scenario.expected())) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = System.nanoTime() - before;
                }
                latencies[thread] = mine;
                counts[thread] = n;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        return new Samples(latencies, counts, errors.get(), elapsed);
    }

    private static Result summarise(String scenario, List<Samples> slices) {
        int total = slices.stream().mapToInt(slice -> Arrays.stream(slice.counts()).sum()).sum();
        long[] all = new long[total];
        int at = 0;
        for (Samples slice : slices) {
            for (int t = 0; t < slice.counts().length; t++) {
                System.arraycopy(slice.latencies()[t], 0, all, at, slice.counts()[t]);
                at += slice.counts()[t];
            }
        }
        Arrays.sort(all);
        long errors = slices.stream().mapToLong(Samples::errors).sum();
        double seconds = slices.stream().mapToLong(Samples::elapsedNanos).sum() / 1e9;
        return new Result(scenario, total, errors, (total - errors) / seconds, percentile(all, 0.50), percentile(all, 0.99));
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static HttpRequest request(String url, Map<String, String> form) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))))
                .build();
    }
}
