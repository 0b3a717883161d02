package dev.termvault.sync.server.keys;

import dev.termvault.sync.server.keys.crypto.MasterKey;
import dev.termvault.sync.server.keys.crypto.WrappedKey;
import dev.termvault.sync.server.keys.store.AccountRecord;
import dev.termvault.sync.server.keys.store.AccountStore;
import dev.termvault.sync.server.keys.store.AuditDraft;
import dev.termvault.sync.server.keys.store.SecretStore;
import java.security.GeneralSecurityException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a master-key rotation: re-wraps every service share (and the service's own secrets) still under an
 * older master-key version, in batches, each share in its own transaction and only if it did not change
 * meanwhile. Safe to run while the service serves, and to run again after an interruption.
 */
public final class ShareRewrapper {

    private static final Logger LOG = LoggerFactory.getLogger(ShareRewrapper.class);
    private static final int BATCH = 200;

    /** What a run did. */
    public record Result(int shares, int serviceSecrets, int skipped) {
    }

    private final AccountStore accounts;
    private final SecretStore secrets;
    private final MasterKey masterKey;

    public ShareRewrapper(AccountStore accounts, SecretStore secrets, MasterKey masterKey) {
        this.accounts = accounts;
        this.secrets = secrets;
        this.masterKey = masterKey;
    }

    public Result rewrapAll() throws GeneralSecurityException {
        int version = masterKey.currentVersion();
        int moved = 0;
        int skipped = 0;
        List<String> batch;
        while (!(batch = accounts.sharesBelowVersion(version, BATCH)).isEmpty()) {
            int movedInBatch = 0;
            for (String id : batch) {
                AccountRecord a = accounts.findById(id).orElse(null);
                if (a == null || a.wrappedShare().version() >= version) {
                    continue;
                }
                WrappedKey fresh = masterKey.rewrap(a.wrappedShare(), KeyService.shareContext(id));
                if (accounts.swapWrappedShare(id, a.wrappedShare(), fresh, new AuditDraft(AuditEvent.SHARE_REWRAPPED,
                        "", "", "master key v" + a.wrappedShare().version() + " -> v" + fresh.version()))) {
                    movedInBatch++;
                } else {
                    skipped++;
                }
            }
            moved += movedInBatch;
            if (movedInBatch == 0) {
                break;
            }
        }
        int serviceSecrets = ServiceSecrets.rewrap(secrets, masterKey);
        LOG.info("event=rewrap_done shares={} service_secrets={} skipped={} version={}", moved, serviceSecrets,
                skipped, version);
        return new Result(moved, serviceSecrets, skipped);
    }
}
