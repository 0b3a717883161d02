package dev.termvault.vault;


/**
 * Argon2id cost parameters: memory in KiB, iterations (passes) and parallelism (lanes).
 *
 * <p>A value of this type may come from anywhere (a stored account row, the key service, a test), so
 * constructing one checks nothing; {@link #requireAcceptable()} enforces the compiled-in
 * {@link #FLOOR} and ceiling, and {@link Argon2id} and {@link KeyHierarchy} call it before any work.
 */
public record KdfParams(int memoryKiB, int iterations, int parallelism) {

    /** What new accounts use: 64 MiB, 3 passes, 4 lanes. */
    public static final KdfParams DEFAULT = new KdfParams(65_536, 3, 4);

    /** The weakest parameters ever accepted: 64 MiB, 3 passes, 1 lane. */
    public static final KdfParams FLOOR = new KdfParams(65_536, 3, 1);

    /** The largest parameters ever accepted: 1 GiB, 16 passes, 16 lanes. */
    public static final KdfParams CEILING = new KdfParams(1_048_576, 16, 16);

    /**
     * Throws unless every parameter lies between {@link #FLOOR} and {@link #CEILING}.
     *
     * @return this, for chaining
     * @throws VaultException.WeakKdfParameters if any parameter is below the floor (or not positive)
     * @throws VaultException.KdfParametersOutOfRange if any parameter is above the ceiling
     */
    public KdfParams requireAcceptable() {
        if (memoryKiB < FLOOR.memoryKiB || iterations < FLOOR.iterations || parallelism < FLOOR.parallelism) {
            throw new VaultException.WeakKdfParameters(describe() + ", minimum " + FLOOR.describe());
        }
        if (memoryKiB > CEILING.memoryKiB || iterations > CEILING.iterations || parallelism > CEILING.parallelism) {
            throw new VaultException.KdfParametersOutOfRange(describe() + ", maximum " + CEILING.describe());
        }
        return this;
    }

    /** True when {@link #requireAcceptable()} would not throw. */
    public boolean isAcceptable() {
        return memoryKiB >= FLOOR.memoryKiB && iterations >= FLOOR.iterations && parallelism >= FLOOR.parallelism
                && memoryKiB <= CEILING.memoryKiB && iterations <= CEILING.iterations
                && parallelism <= CEILING.parallelism;
    }

    private String describe() {
        return "m=" + memoryKiB + " KiB, t=" + iterations + ", p=" + parallelism;
    }
}
