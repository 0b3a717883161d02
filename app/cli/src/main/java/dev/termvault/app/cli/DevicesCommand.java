package dev.termvault.app.cli;

import dev.termvault.sync.protocol.keys.DeviceView;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code termvault devices list|revoke ID}: the account's devices. */
@Command(name = "devices", description = "List or revoke the devices of the sync account.",
        subcommands = {DevicesCommand.ListDevices.class, DevicesCommand.Revoke.class})
final class DevicesCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", description = "List the account's devices.")
    static final class ListDevices implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        private final VaultAccess access;

        ListDevices(VaultAccess access) {
            this.access = access;
        }

        @Override
        public Integer call() {
            try (SyncAccess.Linked linked = SyncAccess.login(access)) {
                PrintWriter out = spec.commandLine().getOut();
                for (DeviceView d : SyncAccess.guard(() -> linked.session().devices())) {
                    out.println(d.id() + "  " + d.name() + "  last seen " + Instant.ofEpochMilli(d.lastSeenAt())
                            + (d.revokedAt() != null ? "  REVOKED" : "") + (d.current() ? "  (this device)" : ""));
                }
                out.flush();
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "revoke", description = "Revoke a device: its sessions stop at once.")
    static final class Revoke implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "The device id (from devices list).")
        private String id;

        @Spec
        private CommandSpec spec;
        private final VaultAccess access;

        Revoke(VaultAccess access) {
            this.access = access;
        }

        @Override
        public Integer call() {
            try (SyncAccess.Linked linked = SyncAccess.login(access)) {
                SyncAccess.guard(() -> {
                    linked.session().revokeDevice(id);
                    return null;
                });
                spec.commandLine().getOut().println("Revoked device " + id + ".");
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            }
        }
    }
}
