package dev.termvault.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.app.core.account.PasswordPolicy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** init and passwd apply the core's one master-password policy, with the desktop's messages. */
class PasswordPolicyCommandsTest {

    @TempDir
    Path temp;

    private String vault() {
        return temp.resolve("vault").toString();
    }

    @Test
    void init_weakPassword_isRefusedWithThePolicysMessageAndCreatesNothing() {
        for (String weak : new String[] {"a", "password"}) {
            CliRun cli = new CliRun(temp.resolve("default")).typing(weak, weak);
            CliRun.Result init = cli.run("init", "--vault", vault());

            assertThat(init.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(init.err()).contains(PasswordPolicy.problem(weak).orElseThrow());
            assertThat(temp.resolve("vault")).doesNotExist();
        }
        assertThat(new CliRun(temp.resolve("default")).typing("a", "a").run("init", "--vault", vault()).err())
                .contains("at least 8 characters");
        assertThat(new CliRun(temp.resolve("default")).typing("password", "password").run("init", "--vault",
                vault()).err()).contains("too easy to guess");

        CliRun.Result strong = new CliRun(temp.resolve("default")).typing("correct horse Battery 9",
                "correct horse Battery 9").run("init", "--vault", vault());
        assertThat(strong.exitCode()).as(strong.err()).isZero();
        assertThat(strong.out()).contains("Created a vault in");
    }

    @Test
    void passwd_weakNewPassword_isRefusedAndTheOldOneStillOpens() {
        CliRun cli = new CliRun(temp.resolve("default"));
        cli.environment.put("TV_PW", "correct horse battery staple");
        cli.environment.put("WEAK", "password");
        assertThat(cli.run("init", "--vault", vault(), "--password-env", "TV_PW").exitCode()).isZero();

        CliRun.Result passwd = cli.run("passwd", "--vault", vault(), "--password-env", "TV_PW",
                "--new-password-env", "WEAK");

        assertThat(passwd.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(passwd.err()).contains("too easy to guess");
        assertThat(cli.run("hosts", "list", "--vault", vault(), "--password-env", "TV_PW").exitCode()).isZero();
    }
}
