package dev.termvault.vault;

import dev.termvault.vault.store.StoreException;
import dev.termvault.vault.store.UnsupportedSchemaException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns the store's failures into the vault's error family, logging the driver's cause once. */
final class StorageErrors {

    private static final Logger LOG = LoggerFactory.getLogger(StorageErrors.class);

    private StorageErrors() {
    }

    /** Runs store work, turning storage failures into {@link VaultException}s. */
    static <T> T guard(Supplier<T> work) {
        try {
            return work.get();
        } catch (StoreException e) {
            throw translate(e);
        } catch (UnsupportedSchemaException e) {
            throw new VaultException.UnsupportedFormatVersion("storage format " + e.found());
        }
    }

    /** Runs store work without a result. */
    static void guardRun(Runnable work) {
        guard(() -> {
            work.run();
            return null;
        });
    }

    static VaultException translate(StoreException e) {
        LOG.warn("Vault storage failure: {}", e.getMessage(), e.getCause());
        return new VaultException.StorageFailed(e.getMessage());
    }
}
