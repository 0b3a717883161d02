package dev.termvault.sync.server.blobs;

import dev.termvault.sync.server.ServerConfig;

/**
 * The blob service's limits, each refused with a clear 4xx: items per push ({@code payload_too_large}),
 * bytes per envelope and per wrapped key ({@code payload_too_large}), and the per-account quota of stored
 * bytes and live records ({@code quota_exceeded}). Pages are capped at {@code maxPage}.
 */
public record BlobLimits(int maxBatch, int maxEnvelopeBytes, int maxWrappedKeyBytes, long quotaBytes,
                         long quotaRecords, int defaultPage, int maxPage) {

    public static BlobLimits from(ServerConfig c) {
        return new BlobLimits(
                c.getInt("blobs.limits.maxBatch", 500),
                c.getInt("blobs.limits.maxEnvelopeBytes", 256 * 1024),
                c.getInt("blobs.limits.maxWrappedKeyBytes", 4 * 1024),
                c.getLong("blobs.quota.bytes", 256L * 1024 * 1024),
                c.getLong("blobs.quota.records", 100_000),
                c.getInt("blobs.page.default", 200),
                c.getInt("blobs.page.max", 1000));
    }
}
