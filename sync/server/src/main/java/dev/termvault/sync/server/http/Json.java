package dev.termvault.sync.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.termvault.sync.server.ApiException;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Strict JSON for request bodies: unknown fields, duplicate fields, trailing data and bad base64 are refused
 * with a {@code bad_request} whose message names the field but never repeats what was sent. An absent number
 * or flag reads as 0 / false (so {@code "delete": false} may be left out); services validate ranges.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * The request body as {@code type}, after checking the content type is JSON. Body-size limits are
     * enforced before this by the server core.
     */
    public static <T> T body(Context ctx, Class<T> type) {
        requireJson(ctx);
        byte[] body = RequestBodies.decoded(ctx);
        if (body.length == 0) {
            throw new ApiException.BadRequest("the request body is empty");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new ApiException.BadRequest("the request body is null");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new ApiException.BadRequest("unknown field '" + safeName(e.getPropertyName()) + "'");
        } catch (InvalidFormatException e) {
            throw new ApiException.BadRequest("invalid value for field '" + path(e) + "'"
                    + (e.getTargetType() == byte[].class ? " (expected base64)" : ""));
        } catch (MismatchedInputException e) {
            throw new ApiException.BadRequest("wrong type or missing value for field '" + path(e) + "'");
        } catch (JsonMappingException e) {
            String msg = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
            throw new ApiException.BadRequest(msg.contains("base64") || msg.contains("base-64")
                    ? "invalid base64 in field '" + path(e) + "'"
                    : "invalid value for field '" + path(e) + "'");
        } catch (JsonProcessingException e) {
            throw new ApiException.BadRequest("malformed JSON");
        } catch (IOException e) {
            throw new ApiException.BadRequest("unreadable request body");
        }
    }

    /** Refuses a request whose Content-Type is not {@code application/json}. */
    public static void requireJson(Context ctx) {
        String type = ctx.contentType();
        String base = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!base.equals("application/json")) {
            throw new ApiException.UnsupportedMediaType("the request body must be application/json");
        }
    }

    private static String path(JsonMappingException e) {
        String p = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? safeName(r.getFieldName()) : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return p.isEmpty() ? "(body)" : p.replace(".[", "[");
    }

    private static String safeName(String name) {
        if (name == null) {
            return "?";
        }
        String cleaned = name.replaceAll("[^A-Za-z0-9_]", "");
        return cleaned.length() > 40 ? cleaned.substring(0, 40) : cleaned;
    }
}
