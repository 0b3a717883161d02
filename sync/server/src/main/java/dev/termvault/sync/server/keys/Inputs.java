package dev.termvault.sync.server.keys;

import dev.termvault.sync.protocol.keys.DeviceInfo;
import dev.termvault.sync.protocol.keys.WireKdfParams;
import dev.termvault.sync.server.ApiException;
import dev.termvault.sync.server.keys.crypto.SrpGroup;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks on what clients send to the key service; every refusal is a {@code bad_request} safe to show. */
final class Inputs {

    /**
     * The KDF floor, the same numbers the vault compiles in (Argon2id, 64 MiB, 3 passes, 1 lane): kept here as
     * the server's own constant so a client or an attacker cannot register weaker parameters.
     */
    static final int MIN_MEMORY_KIB = 65_536;
    static final int MIN_ITERATIONS = 3;
    static final int MIN_PARALLELISM = 1;
    /** Ceilings (the vault's too: 1 GiB, 16, 16), so no account can make its clients spend unbounded work. */
    static final int MAX_MEMORY_KIB = 1_048_576;
    static final int MAX_ITERATIONS = 16;
    static final int MAX_PARALLELISM = 16;
    static final int MIN_SALT = 16;
    static final int MAX_SALT = 64;

    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern SIGNUP_CODE = Pattern.compile("[0-9A-HJKMNP-TV-Z]+");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]{1,64}@[^\\s@]{1,189}");

    private Inputs() {
    }

    static String email(String email) {
        if (email == null) {
            throw new ApiException.BadRequest("email is required");
        }
        String e = email.strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(e).matches()) {
            throw new ApiException.BadRequest("email is not a valid address");
        }
        return e;
    }

    /**
     * A sign-up code as a person may type it: any case, with spaces or dashes between groups. Null stays null
     * (no code). The result has only symbols of Crockford's base 32.
     */
    static String signupCode(String code) {
        if (code == null) {
            return null;
        }
        String c = code.replace("-", "").replace(" ", "").strip().toUpperCase(Locale.ROOT);
        if (c.length() < 8 || c.length() > 40 || !SIGNUP_CODE.matcher(c).matches()) {
            throw new ApiException.BadRequest("code must be 8 to 40 letters and digits");
        }
        return c;
    }

    static byte[] salt(byte[] salt) {
        if (salt == null || salt.length < MIN_SALT || salt.length > MAX_SALT) {
            throw new ApiException.BadRequest("salt must be " + MIN_SALT + " to " + MAX_SALT + " bytes");
        }
        return salt;
    }

    static WireKdfParams kdf(WireKdfParams kdf) {
        if (kdf == null || !WireKdfParams.ARGON2ID.equals(kdf.algorithm())) {
            throw new ApiException.BadRequest("kdf.algorithm must be argon2id");
        }
        if (kdf.memoryKib() < MIN_MEMORY_KIB || kdf.iterations() < MIN_ITERATIONS
                || kdf.parallelism() < MIN_PARALLELISM) {
            throw new ApiException.BadRequest("KDF parameters are below the floor (memoryKib >= " + MIN_MEMORY_KIB
                    + ", iterations >= " + MIN_ITERATIONS + ", parallelism >= " + MIN_PARALLELISM + ")");
        }
        if (kdf.memoryKib() > MAX_MEMORY_KIB || kdf.iterations() > MAX_ITERATIONS
                || kdf.parallelism() > MAX_PARALLELISM) {
            throw new ApiException.BadRequest("KDF parameters are above the ceiling");
        }
        return kdf;
    }

    static byte[] verifier(byte[] verifier, SrpGroup group) {
        if (verifier == null || verifier.length == 0 || verifier.length > group.byteLength()) {
            throw new ApiException.BadRequest("verifier must be 1 to " + group.byteLength() + " bytes");
        }
        BigInteger v = new BigInteger(1, verifier);
        if (v.compareTo(BigInteger.ONE) <= 0 || v.compareTo(group.n()) >= 0) {
            throw new ApiException.BadRequest("verifier is not an element of the SRP group");
        }
        return verifier;
    }

    static DeviceInfo device(DeviceInfo device) {
        if (device == null) {
            throw new ApiException.BadRequest("device is required");
        }
        deviceId(device.id());
        return new DeviceInfo(device.id(), deviceName(device.name()));
    }

    static String deviceId(String id) {
        if (id == null || !DEVICE_ID.matcher(id).matches()) {
            throw new ApiException.BadRequest("device.id must be 1 to 64 of A-Z a-z 0-9 . _ -");
        }
        return id;
    }

    static String deviceName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100 || n.chars().anyMatch(Character::isISOControl)) {
            throw new ApiException.BadRequest("device name must be 1 to 100 printable characters");
        }
        return n;
    }

    static byte[] required(byte[] value, String field, int maxBytes) {
        if (value == null || value.length == 0 || value.length > maxBytes) {
            throw new ApiException.BadRequest(field + " is required (at most " + maxBytes + " bytes)");
        }
        return value;
    }

    static String required(String value, String field) {
        if (value == null || value.isBlank() || value.length() > 200) {
            throw new ApiException.BadRequest(field + " is required");
        }
        return value;
    }
}
