package dev.termvault.sync.server.keys.crypto;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;
import software.amazon.awssdk.services.kms.model.CreateKeyResponse;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

/**
 * A master key in AWS KMS (AWS SDK v2): each version is a KMS symmetric key id, oldest first; wraps are KMS
 * Encrypt calls with the context bound as the EncryptionContext {@code {"termvault:context": base64(context),
 * "termvault:version": N}}, unwraps are Decrypt calls naming the same key id and context.
 *
 * <p>Versions are configuration: {@code keyIds.get(0)} is version 1. {@link #rotate()} creates a new KMS key
 * (CreateKey) and appends it; the operator must then add that id to the configuration, which the server logs.
 */
public final class AwsKmsMasterKey implements MasterKey {

    /** Connection settings; {@code endpoint} may be null (AWS's own), credentials null (the default chain). */
    public record Config(String region, URI endpoint, String accessKeyId, String secretAccessKey, List<String> keyIds) {
        public Config {
            keyIds = List.copyOf(keyIds);
        }

        @Override
        public String toString() {
            return "AwsKmsMasterKey.Config[region=" + region + ", endpoint=" + endpoint + ", keyIds=" + keyIds
                    + ", credentials=" + (accessKeyId == null ? "default chain" : "static ██") + "]";
        }
    }

    private final KmsClient kms;
    private final List<String> keyIds;

    public AwsKmsMasterKey(Config config) {
        if (config.keyIds().isEmpty()) {
            throw new IllegalArgumentException("at least one KMS key id is needed");
        }
        this.kms = client(config);
        this.keyIds = new ArrayList<>(config.keyIds());
    }

    private static KmsClient client(Config config) {
        AwsCredentialsProvider credentials = config.accessKeyId() == null
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKeyId(), config.secretAccessKey()));
        KmsClientBuilder builder = KmsClient.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create());
        if (config.endpoint() != null) {
            builder.endpointOverride(config.endpoint());
        }
        return builder.build();
    }

    @Override
    public synchronized WrappedKey wrap(byte[] key, byte[] context) throws GeneralSecurityException {
        int version = keyIds.size();
        try {
            byte[] blob = kms.encrypt(r -> r.keyId(keyIds.get(version - 1))
                            .plaintext(SdkBytes.fromByteArray(key))
                            .encryptionAlgorithm(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT)
                            .encryptionContext(encryptionContext(version, context)))
                    .ciphertextBlob().asByteArray();
            return new WrappedKey(version, blob);
        } catch (SdkException e) {
            throw new GeneralSecurityException("KMS encrypt failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public synchronized byte[] unwrap(WrappedKey wrapped, byte[] context) throws GeneralSecurityException {
        int version = wrapped.version();
        if (version > keyIds.size()) {
            throw new GeneralSecurityException("unwrap failed");
        }
        try {
            DecryptResponse response = kms.decrypt(r -> r.keyId(keyIds.get(version - 1))
                    .ciphertextBlob(SdkBytes.fromByteArray(wrapped.ciphertext()))
                    .encryptionAlgorithm(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT)
                    .encryptionContext(encryptionContext(version, context)));
            return response.plaintext().asByteArray();
        } catch (SdkException e) {
            throw new GeneralSecurityException("unwrap failed");
        }
    }

    @Override
    public synchronized int currentVersion() {
        return keyIds.size();
    }

    @Override
    public synchronized int rotate() throws GeneralSecurityException {
        try {
            CreateKeyResponse created = kms.createKey(r -> r.keySpec(KeySpec.SYMMETRIC_DEFAULT)
                    .keyUsage(KeyUsageType.ENCRYPT_DECRYPT).description("termvault master key v" + (keyIds.size() + 1)));
            keyIds.add(created.keyMetadata().keyId());
            return keyIds.size();
        } catch (SdkException e) {
            throw new GeneralSecurityException("KMS CreateKey failed: " + e.getClass().getSimpleName());
        }
    }

    /** The key ids in version order, to write back into the configuration after {@link #rotate()}. */
    public synchronized List<String> keyIds() {
        return List.copyOf(keyIds);
    }

    @Override
    public String describe() {
        return "aws-kms v" + currentVersion();
    }

    private static Map<String, String> encryptionContext(int version, byte[] context) {
        return Map.of("termvault:context", Base64.getEncoder().encodeToString(context),
                "termvault:version", Integer.toString(version));
    }

    @Override
    public void close() {
        kms.close();
    }

    @Override
    public String toString() {
        return "AwsKmsMasterKey[versions=" + keyIds.size() + "]";
    }
}
