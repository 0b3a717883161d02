package dev.termvault.app.core.account;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name other devices of the account see for this one, such as "Termvault desktop on laptop-7". */
public final class DeviceName {

    /** The desktop app's name for this device. */
    public static final String DESKTOP = "Termvault desktop";

    /** The CLI's name for this device. */
    public static final String CLI = "Termvault CLI";

    private DeviceName() {
    }

    /** {@code frontEnd} on this computer: "Termvault CLI on build-01". */
    public static String on(String frontEnd) {
        String computer;
        try {
            computer = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            computer = System.getenv().getOrDefault("HOSTNAME", "this computer");
        }
        return frontEnd + " on " + computer;
    }
}
