package dev.termvault.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.termvault.sync.protocol.blobs.Change;
import dev.termvault.sync.protocol.blobs.PushItem;
import dev.termvault.sync.protocol.blobs.PushResult;
import org.junit.jupiter.api.Test;

class WireFormatTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void bytes_travelAsStandardBase64_andAbsentFieldsAreLeftOut() throws Exception {
        String item = json.writeValueAsString(new PushItem("r1", 2, 3, new byte[] {(byte) 0xfb, (byte) 0xff}, false));
        assertThat(item).isEqualTo("{\"recordId\":\"r1\",\"baseRevision\":2,\"revision\":3,\"envelope\":\"+/8=\",\"delete\":false}");
        String tombstone = json.writeValueAsString(new Change("r1", 4, 9, null, true));
        assertThat(tombstone).isEqualTo("{\"recordId\":\"r1\",\"revision\":4,\"seq\":9,\"deleted\":true}");
        assertThat(json.readValue(item, PushItem.class).envelope()).containsExactly(0xfb, 0xff);
    }

    @Test
    void errors_haveStableCodes_andRetryAfterOnlyWhenSet() throws Exception {
        assertThat(json.writeValueAsString(ApiError.of(ErrorCode.NOT_FOUND, "no such vault")))
                .isEqualTo("{\"code\":\"not_found\",\"message\":\"no such vault\"}");
        assertThat(json.writeValueAsString(new ApiError("rate_limited", "slow down", 30)))
                .contains("\"retryAfterSeconds\":30");
        assertThat(ErrorCode.fromWire("payload_too_large")).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(ErrorCode.fromWire("something_new")).isEqualTo(ErrorCode.INTERNAL);
        assertThat(PushResult.applied("r", 5).status()).isEqualTo(PushResult.APPLIED);
    }
}
