package dev.termvault.sync.server.keys.store;

/** What lets a sign-up create its account, checked in the same transaction that creates it. */
public sealed interface SignupAdmission {

    /** Open sign-up: nothing to check. */
    record Open() implements SignupAdmission {
    }

    /** The first account of a store that has none (a fresh server). */
    record FirstAccount() implements SignupAdmission {
    }

    /** A live sign-up code of {@code kind} for this email, spent by the sign-up. */
    record Code(byte[] hash, String kind) implements SignupAdmission {
    }
}
