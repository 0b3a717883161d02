package dev.termvault.app.cli;

import dev.termvault.app.core.account.Devices;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code termvault devices list|rename|revoke}: the account's devices, named by name or id. */
@Command(name = "devices", description = "List, rename or revoke the devices of the sync account.",
        subcommands = {DevicesCommand.ListDevices.class, DevicesCommand.Rename.class, DevicesCommand.Revoke.class})
final class DevicesCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static String line(Devices.Device d) {
        return d.id() + "  " + d.name() + "  last seen " + d.lastSeenAt() + (d.revoked() ? "  REVOKED" : "")
                + (d.current() ? "  (this device)" : "");
    }

    @Command(name = "list", description = "List the account's devices.")
    static final class ListDevices implements Callable<Integer> {
        @Option(names = "--json", description = "Print a JSON array.")
        private boolean json;

        @Spec
        private CommandSpec spec;
        private final VaultAccess access;

        ListDevices(VaultAccess access) {
            this.access = access;
        }

        @Override
        public Integer call() {
            try (SyncAccess.Linked linked = SyncAccess.login(access)) {
                List<Devices.Device> devices = SyncAccess.guard(() -> new Devices(linked.session()).list());
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    out.println(Json.write(devices));
                } else {
                    devices.forEach(d -> out.println(line(d)));
                }
                out.flush();
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "rename", description = "Rename a device (the name the account's devices show).")
    static final class Rename implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME-OR-ID", description = "The device's name or id (devices list).")
        private String reference;

        @Parameters(index = "1", paramLabel = "NEW-NAME", description = "Its new name.")
        private String newName;

        @Spec
        private CommandSpec spec;
        private final VaultAccess access;

        Rename(VaultAccess access) {
            this.access = access;
        }

        @Override
        public Integer call() {
            try (SyncAccess.Linked linked = SyncAccess.login(access)) {
                Devices.Device renamed = SyncAccess.guard(() -> new Devices(linked.session()).rename(reference,
                        newName));
                spec.commandLine().getOut().println("Renamed device " + renamed.id() + " to \"" + renamed.name()
                        + "\".");
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "revoke", description = {"Revoke another device: its sessions stop at once and it can no "
        + "longer sync.", "This device cannot revoke itself."})
    static final class Revoke implements Callable<Integer> {
        @Parameters(paramLabel = "NAME-OR-ID", description = "The device's name or id (devices list).")
        private String reference;

        @Spec
        private CommandSpec spec;
        private final VaultAccess access;

        Revoke(VaultAccess access) {
            this.access = access;
        }

        @Override
        public Integer call() {
            try (SyncAccess.Linked linked = SyncAccess.login(access)) {
                Devices.Device revoked = SyncAccess.guard(() -> new Devices(linked.session()).revoke(reference));
                spec.commandLine().getOut().println("Revoked device " + revoked.id() + " (" + revoked.name()
                        + ").");
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            }
        }
    }
}
