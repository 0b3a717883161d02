package dev.termvault.app.ssh.openssh;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.termvault.vault.model.SshKey;

/** The records an ssh_config import will write, in an order where every link points to a record made before. */
public final class ImportPlan {

    private final List<PlannedHost> hosts;
    private final Map<Path, SshKey> keys;
    private final ImportReport report;

    ImportPlan(List<PlannedHost> hosts, Map<Path, SshKey> keys, ImportReport report) {
        this.hosts = List.copyOf(hosts);
        this.keys = new LinkedHashMap<>(keys);
        this.report = report;
    }

    /** The hosts, jump hosts before the hosts that use them. */
    public List<PlannedHost> hosts() {
        return hosts;
    }

    /** The key records, by the file they were read from. */
    public Map<Path, SshKey> keys() {
        return Map.copyOf(keys);
    }

    public ImportReport report() {
        return report;
    }

    /**
     * Writes the key records, then the hosts linked to them and to their jump hosts by record id.
     *
     * @return record ids by host label
     */
    public <E extends Exception> Map<String, String> applyTo(RecordSink<E> sink) throws E {
        Map<Path, String> keyIds = new HashMap<>();
        for (Map.Entry<Path, SshKey> key : keys.entrySet()) {
            keyIds.put(key.getKey(), sink.put(key.getValue()));
        }
        Map<String, String> hostIds = new LinkedHashMap<>();
        for (PlannedHost planned : hosts) {
            List<String> jumpIds = new ArrayList<>();
            planned.jumpLabels().forEach(label -> jumpIds.add(hostIds.get(label)));
            String keyId = planned.keyFile() == null ? null : keyIds.get(planned.keyFile());
            hostIds.put(planned.label(), sink.put(planned.linked(keyId, jumpIds)));
        }
        return hostIds;
    }
}
