package dev.termvault.sync.server.keys;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The unit the key service limits by: an IPv4 address, or the /64 block of an IPv6 address (one host usually
 * holds a whole /64, so counting single IPv6 addresses would give it 2^64 fresh starts).
 */
final class AddressBlock {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.%\\[\\]a-zA-Z]{1,64}");

    private AddressBlock() {
    }

    static String of(String address) {
        if (address == null || !LITERAL.matcher(address).matches() || !(address.contains(":")
                || address.chars().allMatch(ch -> ch == '.' || Character.isDigit(ch)))) {
            return String.valueOf(address);
        }
        String literal = address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
        try {
            InetAddress parsed = InetAddress.getByName(literal);
            if (parsed instanceof Inet6Address six) {
                byte[] prefix = new byte[8];
                System.arraycopy(six.getAddress(), 0, prefix, 0, 8);
                return HexFormat.of().formatHex(prefix) + "/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
