package dev.termvault.app.ssh.openssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.vault.model.PortForward;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Forwards written as ssh takes them on its command line (the desktop's forwards field, the CLI's --forward). */
class ForwardLineTest {

    @Test
    void parse_sshCommandLineForms_readAndWrittenBackTheSame() {
        assertThat(ForwardLine.parse("-L 8080:localhost:80"))
                .isEqualTo(new PortForward(PortForward.Kind.LOCAL, null, 8080, "localhost", 80));
        assertThat(ForwardLine.parse("-R 0.0.0.0:9000:10.0.0.5:3000"))
                .isEqualTo(new PortForward(PortForward.Kind.REMOTE, "0.0.0.0", 9000, "10.0.0.5", 3000));
        assertThat(ForwardLine.parse("-L [::1]:5432:[2001:db8::7]:5432"))
                .isEqualTo(new PortForward(PortForward.Kind.LOCAL, "::1", 5432, "2001:db8::7", 5432));
        assertThat(ForwardLine.parse("-D 1080"))
                .isEqualTo(new PortForward(PortForward.Kind.DYNAMIC, null, 1080, null, 0));
        assertThat(ForwardLine.parse("D *:1080").bindAddress()).isEqualTo("*");
        assertThat(ForwardLine.parse("-R 0:localhost:22").bindPort()).as("-R 0 lets the server pick").isZero();
        for (String line : List.of("-L 8080:localhost:80", "-R 0.0.0.0:9000:10.0.0.5:3000",
                "-L [::1]:5432:[2001:db8::7]:5432", "-D 1080", "-D *:1080")) {
            assertThat(ForwardLine.format(ForwardLine.parse(line))).isEqualTo(line);
        }
    }

    @Test
    void parse_letterJoinedByAColon_isTheSameForward() {
        assertThat(ForwardLine.parse("L:8080:localhost:80")).isEqualTo(ForwardLine.parse("-L 8080:localhost:80"));
        assertThat(ForwardLine.parse("r:[::1]:9000:db:5432")).isEqualTo(ForwardLine.parse("-R [::1]:9000:db:5432"));
        assertThat(ForwardLine.parse("D:1080")).isEqualTo(ForwardLine.parse("-D 1080"));
    }

    @Test
    void parse_wrongForwards_refusedWithAReason() {
        for (String bad : List.of("8080:localhost:80", "-X 8080:h:80", "-L 8080:localhost", "-L 70000:h:80",
                "-L 0:h:80", "-L 8080:h:0", "-L abc:h:80", "-D 1080:h:80", "-L :8080:h:80", "-L 80:[::1:22",
                "-L 8080::80", "L:8080", "-L 8080:h :80", "")) {
            assertThatThrownBy(() -> ForwardLine.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("Exception");
        }
        assertThatThrownBy(() -> ForwardLine.parse("-L :8080:h:80")).hasMessageContaining("bind address is empty");
        assertThatThrownBy(() -> ForwardLine.parse("-X 8080:h:80")).hasMessageContaining("'-X' is not -L");
    }
}
