package dev.termvault.sync.server.keys.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The AWS KMS backend against {@link FakeKmsServer} (AWS itself is unreachable from the build machines). */
class AwsKmsMasterKeyTest extends MasterKeyContract {

    private static FakeKmsServer kms;

    @BeforeAll
    static void startKms() throws Exception {
        kms = new FakeKmsServer();
    }

    @AfterAll
    static void stopKms() {
        kms.close();
    }

    private static AwsKmsMasterKey client(List<String> keyIds) {
        return new AwsKmsMasterKey(new AwsKmsMasterKey.Config("eu-west-1", kms.endpoint(), "AKIDEXAMPLE",
                "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", keyIds));
    }

    @Override
    protected MasterKey open() {
        return client(List.of(kms.createKey()));
    }

    @Test
    void configuredNewKeyId_actsAsRotation_andOldVersionsStillUnwrap() throws Exception {
        byte[] s = share();
        WrappedKey v1 = masterKey.wrap(s, context("a"));
        List<String> ids = new ArrayList<>(((AwsKmsMasterKey) masterKey).keyIds());
        ids.add(kms.createKey());

        try (AwsKmsMasterKey reconfigured = client(ids)) {
            assertThat(reconfigured.currentVersion()).isEqualTo(2);
            assertThat(reconfigured.wrap(s, context("a")).version()).isEqualTo(2);
            assertThat(reconfigured.unwrap(v1, context("a"))).isEqualTo(s);
        }
    }

    @Test
    void everyRequest_isSigned() throws Exception {
        masterKey.unwrap(masterKey.wrap(share(), context("a")), context("a"));

        assertThat(kms.requests.get()).isPositive();
        assertThat(kms.unsignedRequests.get()).isZero();
    }
}
