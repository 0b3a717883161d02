package dev.termvault.sync.server.keys.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A small stand-in for AWS KMS speaking its JSON 1.1 protocol on loopback (X-Amz-Target TrentService.Encrypt,
 * Decrypt, GenerateDataKey, CreateKey). It refuses requests without a SigV4 Authorization header (it does not
 * check the signature) and binds the EncryptionContext as AES-GCM associated data, as KMS does.
 */
final class FakeKmsServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKeySpec> keys = new ConcurrentHashMap<>();
    final AtomicInteger unsignedRequests = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();

    FakeKmsServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    String createKey() {
        String id = UUID.randomUUID().toString();
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        keys.put(id, new SecretKeySpec(raw, "AES"));
        return id;
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("AWS4-HMAC-SHA256 ")) {
                unsignedRequests.incrementAndGet();
                error(exchange, 400, "MissingAuthenticationTokenException", "request is not signed");
                return;
            }
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            ObjectNode out = JSON.createObjectNode();
            switch (target) {
                case "TrentService.Encrypt" -> encrypt(body, out);
                case "TrentService.Decrypt" -> decrypt(body, out);
                case "TrentService.GenerateDataKey" -> generateDataKey(body, out);
                case "TrentService.CreateKey" -> out.putObject("KeyMetadata").put("KeyId", createKey())
                        .put("KeyState", "Enabled").put("KeyUsage", "ENCRYPT_DECRYPT");
                default -> {
                    error(exchange, 400, "UnsupportedOperationException", target);
                    return;
                }
            }
            send(exchange, 200, out);
        } catch (NotFound e) {
            error(exchange, 400, "NotFoundException", "no such key");
        } catch (GeneralSecurityException | RuntimeException e) {
            error(exchange, 400, "InvalidCiphertextException", "decryption failed");
        }
    }

    private void encrypt(JsonNode body, ObjectNode out) throws GeneralSecurityException {
        String keyId = body.path("KeyId").asText();
        byte[] plaintext = Base64.getDecoder().decode(body.path("Plaintext").asText());
        out.put("CiphertextBlob", Base64.getEncoder().encodeToString(seal(keyId, plaintext, body)));
        out.put("KeyId", keyId).put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
    }

    private void generateDataKey(JsonNode body, ObjectNode out) throws GeneralSecurityException {
        String keyId = body.path("KeyId").asText();
        byte[] plaintext = new byte[body.path("NumberOfBytes").asInt(32)];
        random.nextBytes(plaintext);
        out.put("CiphertextBlob", Base64.getEncoder().encodeToString(seal(keyId, plaintext, body)));
        out.put("Plaintext", Base64.getEncoder().encodeToString(plaintext)).put("KeyId", keyId);
    }

    private void decrypt(JsonNode body, ObjectNode out) throws GeneralSecurityException {
        ByteBuffer blob = ByteBuffer.wrap(Base64.getDecoder().decode(body.path("CiphertextBlob").asText()));
        byte[] id = new byte[blob.get() & 0xff];
        blob.get(id);
        String keyId = new String(id, StandardCharsets.UTF_8);
        if (body.hasNonNull("KeyId") && !body.get("KeyId").asText().equals(keyId)) {
            throw new GeneralSecurityException("key id mismatch");
        }
        byte[] nonce = new byte[12];
        blob.get(nonce);
        byte[] sealed = new byte[blob.remaining()];
        blob.get(sealed);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key(keyId), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(context(body));
        out.put("Plaintext", Base64.getEncoder().encodeToString(cipher.doFinal(sealed))).put("KeyId", keyId);
    }

    private byte[] seal(String keyId, byte[] plaintext, JsonNode body) throws GeneralSecurityException {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key(keyId), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(context(body));
        byte[] sealed = cipher.doFinal(plaintext);
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + id.length + 12 + sealed.length)
                .put((byte) id.length).put(id).put(nonce).put(sealed).array();
    }

    private SecretKeySpec key(String keyId) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new NotFound();
        }
        return key;
    }

    private static byte[] context(JsonNode body) {
        TreeMap<String, String> sorted = new TreeMap<>();
        body.path("EncryptionContext").properties().forEach(e -> sorted.put(e.getKey(), e.getValue().asText()));
        return sorted.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        send(exchange, status, JSON.createObjectNode().put("__type", type).put("message", message));
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static final class NotFound extends RuntimeException {
        NotFound() {
            super("no such key", null, false, false);
        }
    }
}
