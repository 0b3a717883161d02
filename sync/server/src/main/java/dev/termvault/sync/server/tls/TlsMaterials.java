package dev.termvault.sync.server.tls;

import dev.termvault.sync.server.store.DataFiles;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Where the server's TLS identity comes from: a self-signed certificate made on first start and kept in the
 * data folder (development, self-hosting with pinned clients), or PEM / PKCS#12 files an operator provides
 * (production).
 */
public final class TlsMaterials {
    private static final char[] IN_MEMORY_PASSWORD = "termvault-in-memory".toCharArray();

    private TlsMaterials() {
    }

    /**
     * Loads {@code dir/server-cert.pem} and {@code dir/server-key.pem}, or makes them (EC P-256, valid ten
     * years, names localhost and 127.0.0.1) when absent. The key file is written with mode 0600.
     */
    public static TlsMaterial selfSigned(Path dir) throws IOException, GeneralSecurityException {
        Path cert = dir.resolve("server-cert.pem");
        Path key = dir.resolve("server-key.pem");
        if (!Files.exists(cert) || !Files.exists(key)) {
            DataFiles.ownerOnlyFile(cert);
            generate(cert, key);
        }
        return fromPem(cert, key);
    }

    /** A PEM certificate chain (leaf first) and a PEM PKCS#8 private key (EC or RSA). */
    public static TlsMaterial fromPem(Path certificateChain, Path privateKey) throws IOException, GeneralSecurityException {
        List<X509Certificate> chain = readCertificates(certificateChain);
        if (chain.isEmpty()) {
            throw new GeneralSecurityException("no certificate in " + certificateChain.getFileName());
        }
        byte[] der = pemBody(Files.readString(privateKey, StandardCharsets.US_ASCII), "PRIVATE KEY");
        PrivateKey pk = KeyFactory.getInstance(chain.get(0).getPublicKey().getAlgorithm())
                .generatePrivate(new PKCS8EncodedKeySpec(der));
        java.util.Arrays.fill(der, (byte) 0);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(TlsMaterial.ALIAS, pk, IN_MEMORY_PASSWORD, chain.toArray(new Certificate[0]));
        return new TlsMaterial(ks, IN_MEMORY_PASSWORD, chain.get(0));
    }

    /** A PKCS#12 key store holding one private key entry. */
    public static TlsMaterial fromPkcs12(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore source = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            source.load(in, password);
        }
        for (String alias : java.util.Collections.list(source.aliases())) {
            if (source.isKeyEntry(alias)) {
                PrivateKey pk = (PrivateKey) source.getKey(alias, password);
                Certificate[] chain = source.getCertificateChain(alias);
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setKeyEntry(TlsMaterial.ALIAS, pk, IN_MEMORY_PASSWORD, chain);
                return new TlsMaterial(ks, IN_MEMORY_PASSWORD, (X509Certificate) chain[0]);
            }
        }
        throw new GeneralSecurityException("no private key in " + file.getFileName());
    }

    private static void generate(Path certFile, Path keyFile) throws IOException, GeneralSecurityException {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
        kpg.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair kp = kpg.generateKeyPair();
        X500Name name = new X500Name("CN=termvault-server");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(3650))), name, kp.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        X509Certificate cert;
        try {
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate());
            cert = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the certificate", e);
        }
        writePrivate(keyFile, pem("PRIVATE KEY", kp.getPrivate().getEncoded()));
        DataFiles.ownerOnlyFile(certFile);
        Files.writeString(certFile, pem("CERTIFICATE", cert.getEncoded()), StandardCharsets.US_ASCII);
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<X509Certificate> readCertificates(Path file) throws IOException, GeneralSecurityException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = cf.generateCertificates(in);
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : certs) {
                out.add((X509Certificate) c);
            }
            return out;
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] pemBody(String text, String type) throws GeneralSecurityException {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b < 0 || e < b) {
            throw new GeneralSecurityException("expected a PEM " + type + " (PKCS#8)");
        }
        return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
    }
}
