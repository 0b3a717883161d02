package dev.termvault.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.Item;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parsing and writing the plaintext JSON of one host record: the "parse" share of unlock, measured
 * alone (no decryption, no database).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RecordJsonBenchmark {

    private final ObjectMapper mapper = new ObjectMapper();
    private Item host;
    private byte[] json;

    @Setup
    public void setUp() throws IOException {
        host = Host.of("web-01", "web-01.example.net", 22, "deploy").withTags(List.of("prod", "web"));
        json = mapper.writeValueAsBytes(host);
        if (!new String(json, StandardCharsets.UTF_8).contains("web-01.example.net")) {
            throw new IllegalStateException("unexpected JSON form");
        }
    }

    @Benchmark
    public Item parseHost() throws IOException {
        return mapper.readValue(json, Item.class);
    }

    @Benchmark
    public byte[] writeHost() throws IOException {
        return mapper.writeValueAsBytes(host);
    }
}
