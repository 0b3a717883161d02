package dev.termvault.sync.server.keys.crypto;

import java.math.BigInteger;
import java.util.function.Supplier;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.agreement.srp.SRP6StandardGroups;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.SRP6GroupParameters;

/** SRP-6a parameters: the group (N, g) and the hash. Production uses {@link #RFC5054_4096_SHA256}. */
public record SrpGroup(String name, SRP6GroupParameters parameters, Supplier<Digest> digest) {

    /** The key service's group: RFC 5054's 4096-bit group with SHA-256. */
    public static final SrpGroup RFC5054_4096_SHA256 =
            new SrpGroup("rfc5054-4096-sha256", SRP6StandardGroups.rfc5054_4096, SHA256Digest::new);

    /** RFC 5054's 1024-bit group with SHA-1: only to check the wiring against the RFC's Appendix B vectors. */
    public static final SrpGroup RFC5054_1024_SHA1_VECTORS_ONLY =
            new SrpGroup("rfc5054-1024-sha1", SRP6StandardGroups.rfc5054_1024, SHA1Digest::new);

    public BigInteger n() {
        return parameters.getN();
    }

    public BigInteger g() {
        return parameters.getG();
    }

    /** Length of N in bytes: public values are sent as unsigned big-endian numbers padded to this length. */
    public int byteLength() {
        return (n().bitLength() + 7) / 8;
    }

    @Override
    public String toString() {
        return "SrpGroup[" + name + "]";
    }
}
