package dev.termvault.sync.server.keys;

import dev.termvault.sync.server.keys.store.AccountStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks an account's stored audit log against its chain and the head kept on the account row. */
public final class AuditVerifier {

    private static final int PAGE = 1000;

    private final AccountStore accounts;

    public AuditVerifier(AccountStore accounts) {
        this.accounts = accounts;
    }

    /** Empty when the account's log is intact; otherwise what is wrong with it. */
    public Optional<String> verify(String accountId) {
        AccountStore.AuditHead head = accounts.auditHead(accountId);
        List<AuditEntry> all = new ArrayList<>();
        List<AuditEntry> page;
        long after = 0;
        do {
            page = accounts.auditEntries(accountId, after, PAGE);
            all.addAll(page);
            if (!page.isEmpty()) {
                after = page.getLast().seq();
            }
        } while (page.size() == PAGE);
        return AuditChain.verify(all, head.seq(), head.hash());
    }
}
