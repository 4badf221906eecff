package dev.gatewayinterface.it;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Make a self-signed certificate for nginx's TLS listener, with the JDK's keytool, as the PEM files nginx reads, and
 * a client context that trusts it.
 *
 * @param certificate the certificate, PEM
 * @param key the private key, PKCS #8 PEM
 * @param client an SSL context trusting the certificate only
 */
record TlsFiles(Path certificate, Path key, SSLContext client) {

    private static final char[] PASSWORD = "gateway-it".toCharArray();

    /** The names the certificate is good for: the Host the tests send, and the address they connect to. */
    static final String HOST = "shop.example";

    static TlsFiles create(Path folder) throws Exception {
        Files.createDirectories(folder);
        Path store = folder.resolve("tls.p12");
        Files.deleteIfExists(store);
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "nginx", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + HOST, "-ext", "san=dns:" + HOST + ",ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", new String(PASSWORD))
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("keytool.log").toFile())
            .start();
        if (!keytool.waitFor(2, TimeUnit.MINUTES) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed; see " + folder.resolve("keytool.log"));
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        Certificate certificate = keys.getCertificate("nginx");
        Path certificateFile = Files.writeString(folder.resolve("tls.crt"),
                pem("CERTIFICATE", certificate.getEncoded()), StandardCharsets.US_ASCII);
        Path keyFile = Files.writeString(folder.resolve("tls.key"),
                pem("PRIVATE KEY", keys.getKey("nginx", PASSWORD).getEncoded()), StandardCharsets.US_ASCII);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("nginx", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, trust.getTrustManagers(), null);
        return new TlsFiles(certificateFile, keyFile, client);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
