package dev.termvault.sync.server.keys.crypto;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.util.TreeMap;

/**
 * The part the local-file and PKCS#11 master keys share: numbered AES-256 key versions, the newest wraps,
 * any version unwraps, with AES-GCM binding the version and the context (see {@link AesGcmWrap}). Subclasses
 * say where the keys live and how a new version is made.
 */
abstract class VersionedAesGcmMasterKey implements MasterKey {

    /** Key versions, oldest first; the last one is current. Guarded by {@code this}. */
    protected final TreeMap<Integer, Key> keys = new TreeMap<>();
    private final AesGcmWrap gcm;

    protected VersionedAesGcmMasterKey(AesGcmWrap gcm) {
        this.gcm = gcm;
    }

    @Override
    public synchronized WrappedKey wrap(byte[] key, byte[] context) throws GeneralSecurityException {
        int version = keys.lastKey();
        return new WrappedKey(version, gcm.wrap(keys.get(version), version, key, context));
    }

    @Override
    public synchronized byte[] unwrap(WrappedKey wrapped, byte[] context) throws GeneralSecurityException {
        Key key = keys.get(wrapped.version());
        if (key == null) {
            throw new GeneralSecurityException("unwrap failed");
        }
        return gcm.unwrap(key, wrapped.version(), wrapped.ciphertext(), context);
    }

    @Override
    public synchronized int currentVersion() {
        return keys.lastKey();
    }
}
