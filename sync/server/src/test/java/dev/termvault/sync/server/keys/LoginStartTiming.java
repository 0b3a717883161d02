package dev.termvault.sync.server.keys;

import dev.termvault.sync.protocol.keys.LoginStartRequest;
import dev.termvault.sync.server.ServerConfig;
import dev.termvault.sync.server.SyncServer;
import dev.termvault.sync.server.support.PinnedHttp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Measures whether {@code login/start} takes longer for an email with an account than for one without: a
 * bounded loop over HTTPS on loopback, known and unknown emails interleaved, each email new to the server's
 * caches. Prints medians and trimmed means. Not a test: run it by hand (docs/security/key-service.md,
 * "Login: SRP-6a", records the numbers).
 *
 * <pre>args: [rounds=300] [warmup=60]</pre>
 */
public final class LoginStartTiming {

    private LoginStartTiming() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Path data = Files.createTempDirectory("tv-login-timing");
        Map<String, String> config = new HashMap<>(Map.of("server.roles", "keys", "server.data", data.toString(),
                "server.port", "0", "keys.signup.policy", "open", "keys.login.startsPerMinute", "1000000",
                "keys.login.pendingPerAddress", "1000000"));
        try (SyncServer server = SyncServer.start(ServerConfig.of(config))) {
            KeysClient client = new KeysClient(new PinnedHttp(server.baseUri(), server.fingerprint()));
            int accounts = rounds + warmup;
            for (int i = 0; i < accounts; i++) {
                HttpResponse<String> r = client.signup("known" + i + "@example.org", "pw", "timing-dev-" + i);
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("sign-up answered " + r.statusCode() + " " + r.body());
                }
            }
            for (int i = 0; i < warmup; i++) {
                time(client, "known" + (rounds + i) + "@example.org");
                time(client, "warm" + i + "@example.org");
            }
            long[] known = new long[rounds];
            long[] unknown = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                if (i % 2 == 0) {
                    known[i] = time(client, "known" + i + "@example.org");
                    unknown[i] = time(client, "nobody" + i + "@example.org");
                } else {
                    unknown[i] = time(client, "nobody" + i + "@example.org");
                    known[i] = time(client, "known" + i + "@example.org");
                }
            }
            report("known  ", known);
            report("unknown", unknown);
            System.out.printf("median difference (known - unknown): %.3f ms%n",
                    (median(known) - median(unknown)) / 1e6);
        }
    }

    private static long time(KeysClient client, String email) {
        long t0 = System.nanoTime();
        HttpResponse<String> r = client.http().sendJson("POST", "/v1/keys/login/start", null,
                new LoginStartRequest(email));
        long t = System.nanoTime() - t0;
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login/start answered " + r.statusCode() + " " + r.body());
        }
        return t;
    }

    private static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }

    private static void report(String label, long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        int cut = s.length / 10;
        double trimmed = Arrays.stream(s, cut, s.length - cut).average().orElse(0);
        System.out.printf("%s n=%d median=%.3f ms trimmed-mean=%.3f ms p10=%.3f ms p90=%.3f ms%n", label, s.length,
                median(v) / 1e6, trimmed / 1e6, s[cut] / 1e6, s[s.length - 1 - cut] / 1e6);
    }
}
