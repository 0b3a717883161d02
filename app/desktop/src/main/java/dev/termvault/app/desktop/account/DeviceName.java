package dev.termvault.app.desktop.account;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name other devices of the account see for this one: "Termvault desktop on <computer name>". */
public final class DeviceName {

    private DeviceName() {
    }

    static String get() {
        String computer;
        try {
            computer = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            computer = System.getenv().getOrDefault("HOSTNAME", "this computer");
        }
        return "Termvault desktop on " + computer;
    }
}
