package dev.fedcred.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The TLS identity of the sandbox's HTTPS listener: a small private CA and a server certificate
 * it signs for {@code 127.0.0.1} and {@code localhost}.
 *
 * <p>Google's client libraries refuse an STS or IAM Credentials URL that is not https, so the GCP
 * emulator needs a certificate a client can be told to trust. Clients trust the CA
 * ({@value #CA_FILE}), not the server certificate, and both live in the sandbox's data directory,
 * so a client configured once keeps working across restarts. The CA can sign only for this
 * machine's loopback names in practice, but it is still a CA: its key never leaves the keystore,
 * and both files are readable by their owner alone.
 */
final class SandboxTls {

    static final String CA_FILE = "gcp-ca.pem";
    static final String KEYSTORE_FILE = "gcp-tls.p12";

    /**
     * The keystore's password. Not a secret: the file's 0600 mode is what protects the keys;
     * PKCS12 merely insists on some password.
     */
    private static final char[] KEYSTORE_PASSWORD = "fedcred-sandbox".toCharArray();
    private static final String CA_ALIAS = "gcp-ca";
    private static final String SERVER_ALIAS = "gcp-server";
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    /** Within the 398 days browsers and some TLS stacks accept for a leaf, even from a private CA. */
    private static final Duration SERVER_VALIDITY = Duration.ofDays(397);
    /** Reissue the server certificate (with the same CA) when it has less than this left. */
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);
    /** A little backdating, so a client whose clock is slightly behind does not see "not yet valid". */
    private static final Duration BACKDATE = Duration.ofHours(1);
    private static final byte[] IPV4_LOOPBACK = {127, 0, 0, 1};
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path caFile;
    private final KeyStore keyStore;

    private SandboxTls(Path caFile, KeyStore keyStore) {
        this.caFile = caFile;
        this.keyStore = keyStore;
    }

    /**
     * Loads the CA and server certificate from {@code dataDir}, or creates them. A server
     * certificate near its expiry is reissued by the same CA, so {@value #CA_FILE} stays valid;
     * files that do not load or do not belong together are replaced by a new CA.
     */
    static SandboxTls loadOrCreate(Path dataDir, Clock clock) throws IOException {
        Path caFile = dataDir.resolve(CA_FILE);
        Path keystoreFile = dataDir.resolve(KEYSTORE_FILE);
        try {
            KeyStore existing = load(caFile, keystoreFile);
            Instant now = clock.instant();
            if (existing != null && isUsable(existing, CA_ALIAS, now, RENEW_BEFORE)) {
                if (!isUsable(existing, SERVER_ALIAS, now, RENEW_BEFORE)) {
                    issueServerCertificate(existing, now);
                    writePrivately(keystoreFile, serialise(existing));
                }
                return new SandboxTls(caFile, existing);
            }
            KeyStore created = createCaAndServer(now);
            // Keystore first: a crash in between leaves a CA file that does not match, which the
            // next start detects and replaces rather than serving a certificate nobody trusts.
            writePrivately(keystoreFile, serialise(created));
            writePrivately(caFile, pem((X509Certificate) created.getCertificate(CA_ALIAS)));
            return new SandboxTls(caFile, created);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot create the sandbox's TLS certificate", e);
        }
    }

    /** The CA certificate clients are to trust. */
    Path caFile() {
        return caFile;
    }

    X509Certificate caCertificate() {
        try {
            return (X509Certificate) keyStore.getCertificate(CA_ALIAS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    X509Certificate serverCertificate() {
        try {
            return (X509Certificate) keyStore.getCertificate(SERVER_ALIAS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server-side TLS context presenting the server certificate and its chain to the CA. */
    SSLContext serverContext() throws IOException {
        try {
            // Only the server entry: the CA key must never be offered as a server key.
            KeyStore serverOnly = KeyStore.getInstance("PKCS12");
            serverOnly.load(null, null);
            serverOnly.setKeyEntry(SERVER_ALIAS, keyStore.getKey(SERVER_ALIAS, KEYSTORE_PASSWORD), KEYSTORE_PASSWORD,
                    keyStore.getCertificateChain(SERVER_ALIAS));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(serverOnly, KEYSTORE_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, RANDOM);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS for the sandbox", e);
        }
    }

    /** The keystore, or null if either file is missing, unreadable, or they do not belong together. */
    private static KeyStore load(Path caFile, Path keystoreFile) throws IOException {
        if (!Files.isRegularFile(caFile) || !Files.isRegularFile(keystoreFile)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(keystoreFile)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, KEYSTORE_PASSWORD);
            X509Certificate ca = (X509Certificate) store.getCertificate(CA_ALIAS);
            X509Certificate server = (X509Certificate) store.getCertificate(SERVER_ALIAS);
            if (ca == null || server == null || !store.isKeyEntry(CA_ALIAS) || !store.isKeyEntry(SERVER_ALIAS)) {
                return null;
            }
            X509Certificate trusted;
            try (InputStream pem = Files.newInputStream(caFile)) {
                trusted = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
            }
            if (!Arrays.equals(trusted.getEncoded(), ca.getEncoded())) {
                return null;
            }
            return store;
        } catch (GeneralSecurityException | IOException | ClassCastException e) {
            // Corrupt or foreign files: start over with a new CA rather than fail to start.
            return null;
        }
    }

    private static boolean isUsable(KeyStore store, String alias, Instant now, Duration margin)
            throws GeneralSecurityException {
        X509Certificate cert = (X509Certificate) store.getCertificate(alias);
        if (cert == null) {
            return false;
        }
        Instant notAfter = cert.getNotAfter().toInstant();
        return !now.isBefore(cert.getNotBefore().toInstant()) && now.plus(margin).isBefore(notAfter);
    }

    private static KeyStore createCaAndServer(Instant now)
            throws GeneralSecurityException, IOException, OperatorCreationException {
        KeyPair caKeys = newKeyPair();
        X500Principal caName = new X500Principal("CN=fedcred sandbox local CA, O=fedcred sandbox");
        X509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, serial(),
                Date.from(now.minus(BACKDATE)), Date.from(now.plus(CA_VALIDITY)), caName, caKeys.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        // pathLen 0: this CA signs server certificates only, never another CA.
        ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        ca.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        ca.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(caKeys.getPublic()));
        X509Certificate caCert = sign(ca, caKeys.getPrivate());

        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(CA_ALIAS, caKeys.getPrivate(), KEYSTORE_PASSWORD, new Certificate[] {caCert});
        issueServerCertificate(store, now);
        return store;
    }

    /** Signs a fresh server key pair with the stored CA and stores it under the server alias. */
    private static void issueServerCertificate(KeyStore store, Instant now)
            throws GeneralSecurityException, CertIOException, OperatorCreationException {
        X509Certificate caCert = (X509Certificate) store.getCertificate(CA_ALIAS);
        PrivateKey caKey = (PrivateKey) store.getKey(CA_ALIAS, KEYSTORE_PASSWORD);
        KeyPair serverKeys = newKeyPair();
        Instant notAfter = now.plus(SERVER_VALIDITY);
        if (notAfter.isAfter(caCert.getNotAfter().toInstant())) {
            notAfter = caCert.getNotAfter().toInstant();
        }
        X509v3CertificateBuilder server = new JcaX509v3CertificateBuilder(caCert, serial(),
                Date.from(now.minus(BACKDATE)), Date.from(notAfter),
                new X500Principal("CN=localhost, O=fedcred sandbox"), serverKeys.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        server.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        // ECDHE with an EC key needs only digitalSignature.
        server.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        server.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        // Clients match the host against the SubjectAltName, never the CN; an IP literal needs an iPAddress entry.
        server.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, ipv4Loopback()),
                new GeneralName(GeneralName.dNSName, "localhost")}));
        server.addExtension(Extension.subjectKeyIdentifier, false,
                extensions.createSubjectKeyIdentifier(serverKeys.getPublic()));
        server.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(caCert));
        X509Certificate serverCert = sign(server, caKey);
        store.setKeyEntry(SERVER_ALIAS, serverKeys.getPrivate(), KEYSTORE_PASSWORD,
                new Certificate[] {serverCert, caCert});
    }

    private static String ipv4Loopback() {
        try {
            return InetAddress.getByAddress(IPV4_LOOPBACK).getHostAddress();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** EC P-256: every TLS client supports it, and it is generated in milliseconds, unlike RSA. */
    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    /** Positive and unpredictable, as RFC 5280 and the CA/Browser Forum ask (at least 64 random bits). */
    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    }

    private static byte[] pem(X509Certificate cert) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(cert);
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] serialise(KeyStore store) throws IOException, GeneralSecurityException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, KEYSTORE_PASSWORD);
        return out.toByteArray();
    }

    /**
     * Writes a 0600 file atomically: a temp file created with owner-only permissions in the same
     * directory, then renamed over the target, so no reader sees half a keystore or a moment of
     * wider permissions.
     */
    private static void writePrivately(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = isPosix()
                ? Files.createTempFile(dir, ".tmp-", ".part",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".tmp-", ".part");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Creates the data directory 0700 if it does not exist. An existing directory keeps its
     * permissions: it may be one the user shares on purpose; the files in it are 0600 regardless.
     */
    static void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (isPosix()) {
            Files.createDirectories(dir,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
