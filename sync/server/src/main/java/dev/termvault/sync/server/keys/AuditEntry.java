package dev.termvault.sync.server.keys;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * One entry of an account's audit log. {@code hash} = SHA-256(prevHash ‖ {@link #canonical()}); the first
 * entry's {@code prevHash} is 32 zero bytes. Device and address are "" when unknown.
 */
public record AuditEntry(String accountId, long seq, long atMillis, String deviceId, String address, String event,
                         String detail, byte[] prevHash, byte[] hash) {

    public static final String DOMAIN = "termvault-audit-v1";

    public AuditEntry {
        deviceId = deviceId == null ? "" : deviceId;
        address = address == null ? "" : address;
        detail = detail == null ? "" : detail;
    }

    /**
     * The bytes the hash covers: each of DOMAIN, accountId, seq (decimal), atMillis (decimal), deviceId,
     * address, event, detail as a 4-byte big-endian length and its UTF-8 bytes.
     */
    public byte[] canonical() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String field : new String[] {DOMAIN, accountId, Long.toString(seq), Long.toString(atMillis), deviceId,
            address, event, detail}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "AuditEntry[" + accountId + " #" + seq + " " + event + " hash="
                + (hash == null ? "-" : HexFormat.of().formatHex(hash, 0, 4)) + "…]";
    }
}
