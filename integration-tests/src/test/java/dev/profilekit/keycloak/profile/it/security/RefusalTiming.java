package dev.profilekit.keycloak.profile.it.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Sends refused requests of several kinds (unknown id, wrong secret, ...) interleaved in a random order per round, so
 * that load changes on the shared machine hit every kind alike, and collects each kind's answers and durations.
 */
final class RefusalTiming {

    /** Sends one request of a kind and returns its status and body exactly as received. */
    @FunctionalInterface
    interface Request {
        Answer send() throws Exception;
    }

    /** Status and body exactly as received. */
    record Answer(int status, String body) {
    }

    /** What one kind answered (every distinct answer) and how long it took (median, in milliseconds). */
    record Outcome(List<Answer> distinctAnswers, double medianMillis) {
    }

    private static final Random SHUFFLE = new Random(8);

    private RefusalTiming() {
    }

    /**
     * Runs {@code warmUpRounds} unmeasured rounds, then {@code rounds} measured ones; each round sends one request of
     * every kind, in a fresh random order.
     */
    static Map<String, Outcome> measure(Map<String, Request> kinds, int warmUpRounds, int rounds) throws Exception {
        Map<String, List<Answer>> answers = new LinkedHashMap<>();
        Map<String, List<Long>> nanos = new LinkedHashMap<>();
        kinds.keySet().forEach(kind -> {
            answers.put(kind, new ArrayList<>());
            nanos.put(kind, new ArrayList<>());
        });
        List<String> order = new ArrayList<>(kinds.keySet());
        for (int round = 0; round < warmUpRounds + rounds; round++) {
            Collections.shuffle(order, SHUFFLE);
            for (String kind : order) {
                long start = System.nanoTime();
                Answer answer = kinds.get(kind).send();
                long took = System.nanoTime() - start;
                if (!answers.get(kind).contains(answer)) {
                    answers.get(kind).add(answer);
                }
                if (round >= warmUpRounds) {
                    nanos.get(kind).add(took);
                }
            }
        }
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        kinds.keySet().forEach(kind -> outcomes.put(kind, new Outcome(answers.get(kind), median(nanos.get(kind)) / 1e6)));
        return outcomes;
    }

    static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }
}
