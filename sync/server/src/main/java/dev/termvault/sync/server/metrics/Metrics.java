package dev.termvault.sync.server.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * A small metrics registry rendered in the Prometheus text format ({@code GET /metrics}). Counters and
 * latency histograms carry labels; label values are route templates and codes, never ids or anything a
 * client sent.
 */
public final class Metrics {
    private static final double[] BUCKETS = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Map<String, String> help = new ConcurrentHashMap<>();
    private final Map<String, Map<String, LongAdder>> counters = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Histogram>> histograms = new ConcurrentHashMap<>();
    private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();

    /** Adds 1 to counter {@code name} with labels given as alternating names and values. */
    public void increment(String name, String helpText, String... labels) {
        add(name, helpText, 1, labels);
    }

    public void add(String name, String helpText, long amount, String... labels) {
        help.putIfAbsent(name, helpText);
        counters.computeIfAbsent(name, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(labels(labels), k -> new LongAdder()).add(amount);
    }

    /** Records one observation, in seconds, into histogram {@code name}. */
    public void observe(String name, String helpText, double seconds, String... labels) {
        help.putIfAbsent(name, helpText);
        histograms.computeIfAbsent(name, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(labels(labels), k -> new Histogram()).observe(seconds);
    }

    /** A gauge read when metrics are rendered. */
    public void gauge(String name, String helpText, LongSupplier value) {
        help.putIfAbsent(name, helpText);
        gauges.put(name, value);
    }

    /** The current value of a counter (tests, health). */
    public long counter(String name, String... labels) {
        Map<String, LongAdder> byLabels = counters.get(name);
        LongAdder a = byLabels == null ? null : byLabels.get(labels(labels));
        return a == null ? 0 : a.sum();
    }

    /** Everything in the Prometheus text exposition format, version 0.0.4. */
    public String render() {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(counters).forEach((name, series) -> {
            header(out, name, "counter");
            new TreeMap<>(series).forEach((l, v) -> out.append(name).append(l).append(' ').append(v.sum()).append('\n'));
        });
        new TreeMap<>(gauges).forEach((name, v) -> {
            header(out, name, "gauge");
            out.append(name).append(' ').append(v.getAsLong()).append('\n');
        });
        new TreeMap<>(histograms).forEach((name, series) -> {
            header(out, name, "histogram");
            new TreeMap<>(series).forEach((l, h) -> h.render(out, name, l));
        });
        return out.toString();
    }

    private void header(StringBuilder out, String name, String type) {
        out.append("# HELP ").append(name).append(' ').append(help.getOrDefault(name, name)).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static String labels(String... pairs) {
        if (pairs.length == 0) {
            return "";
        }
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name/value pairs");
        }
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(pairs[i]).append("=\"")
                    .append(pairs[i + 1].replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
                    .append('"');
        }
        return sb.append('}').toString();
    }

    private static final class Histogram {
        private final LongAdder[] buckets = new LongAdder[BUCKETS.length];
        private final LongAdder count = new LongAdder();
        private final AtomicLong sumNanos = new AtomicLong();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void observe(double seconds) {
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    buckets[i].increment();
                }
            }
            count.increment();
            sumNanos.addAndGet((long) (seconds * 1e9));
        }

        void render(StringBuilder out, String name, String labels) {
            String inner = labels.isEmpty() ? "" : labels.substring(1, labels.length() - 1) + ",";
            for (int i = 0; i < BUCKETS.length; i++) {
                out.append(name).append("_bucket{").append(inner).append("le=\"").append(BUCKETS[i]).append("\"} ")
                        .append(buckets[i].sum()).append('\n');
            }
            out.append(name).append("_bucket{").append(inner).append("le=\"+Inf\"} ").append(count.sum()).append('\n');
            out.append(name).append("_sum").append(labels).append(' ').append(sumNanos.get() / 1e9).append('\n');
            out.append(name).append("_count").append(labels).append(' ').append(count.sum()).append('\n');
        }
    }
}
