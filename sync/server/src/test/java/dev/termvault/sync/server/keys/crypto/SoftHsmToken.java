package dev.termvault.sync.server.keys.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A SoftHSM2 token initialised by the tests themselves. The library reads its configuration from
 * SOFTHSM2_CONF once per process, so surefire points that variable at a file under target/ and this class
 * writes it (with its own token folder) before the first use; one token serves the whole test run, and each
 * test keeps to its own key labels.
 */
public final class SoftHsmToken {

    public static final String LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
    public static final String PIN = "4711-test-pin";
    private static Pkcs11MasterKey.Config shared;

    private SoftHsmToken() {
    }

    /** A config for the shared token, or a skip (a failure with CI=true) when SoftHSM2 is missing. */
    public static synchronized Pkcs11MasterKey.Config config(String labelPrefix) {
        if (shared == null) {
            shared = initialise();
        }
        return new Pkcs11MasterKey.Config(shared.library(), shared.slot(), -1, PIN.toCharArray(), labelPrefix);
    }

    private static Pkcs11MasterKey.Config initialise() {
        String conf = System.getenv("SOFTHSM2_CONF");
        boolean present = Files.isRegularFile(Path.of(LIBRARY)) && onPath("softhsm2-util") && conf != null;
        String why = "SoftHSM2 (softhsm2-util, " + LIBRARY + ") and SOFTHSM2_CONF (set by surefire) are needed";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.assertTrue(present, why);
        } else {
            Assumptions.assumeTrue(present, "SKIPPED: " + why);
        }
        try {
            Path confFile = Path.of(conf);
            Path tokens = confFile.resolveSibling("tokens-" + ProcessHandle.current().pid());
            Files.createDirectories(tokens);
            Files.writeString(confFile, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                    + "log.level = ERROR\nslots.removable = false\n", StandardCharsets.US_ASCII);
            Process p = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", "termvault-test",
                    "--so-pin", "12345678", "--pin", PIN).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("softhsm2-util --init-token failed: " + out);
            }
            Matcher m = Pattern.compile("slot (\\d+)").matcher(out);
            if (!m.find()) {
                throw new IllegalStateException("no slot in softhsm2-util output: " + out);
            }
            return new Pkcs11MasterKey.Config(LIBRARY, Long.parseLong(m.group(1)), -1, null, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : List.of(System.getenv().getOrDefault("PATH", "").split(":"))) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
