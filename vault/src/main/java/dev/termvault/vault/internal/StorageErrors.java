package dev.termvault.vault.internal;

import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultException;
import dev.termvault.vault.internal.store.VaultStoreException;
import dev.termvault.vault.internal.store.UnsupportedSchemaException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns the store's failures into the vault's error family, logging the driver's cause once. */
public final class StorageErrors {

    private static final Logger LOG = LoggerFactory.getLogger(StorageErrors.class);

    private StorageErrors() {
    }

    /** Runs store work, turning storage failures into {@link VaultException}s. */
    public static <T> T guard(Supplier<T> work) {
        try {
            return work.get();
        } catch (VaultStoreException e) {
            throw translate(e);
        } catch (UnsupportedSchemaException e) {
            throw new VaultException.UnsupportedFormatVersion("storage format " + e.found());
        }
    }

    /** Runs store work without a result. */
    public static void guardRun(Runnable work) {
        guard(() -> {
            work.run();
            return null;
        });
    }

    public static VaultException translate(VaultStoreException e) {
        LOG.warn("Vault storage failure: {}", e.getMessage(), e.getCause());
        return new VaultException.StorageFailed(e.getMessage());
    }
}
