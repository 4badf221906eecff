package dev.gatewayinterface.middleware.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Decide whether a user name and password given through HTTP Basic authentication are right. Plug in your own
 * store, such as Spring Security's {@code PasswordEncoder} over hashed passwords:
 * {@code (user, password) -> encoder.matches(password, hashes.get(user))}.
 */
@FunctionalInterface
public interface CredentialCheck {

    /**
     * Tell whether the password is the user's.
     * @param user the user name, as the client sent it
     * @param password the password, as the client sent it
     * @return {@code true} to let the request in as this user
     */
    boolean matches(String user, String password);

    /**
     * Check against fixed passwords, for a small internal tool or a test. Passwords are compared in constant time,
     * by {@link MessageDigest#isEqual} over their SHA-256 digests, so neither a password's content nor its length
     * shows in the time an answer takes; an unknown user costs the same comparison, so the time does not tell
     * which users exist either.
     * @param passwords the password of each user
     * @return the check
     */
    static CredentialCheck of(Map<String, String> passwords) {
        Map<String, byte[]> digests = new HashMap<>();
        passwords.forEach((user, password) -> digests.put(Objects.requireNonNull(user, "user"),
                sha256(Objects.requireNonNull(password, "password of " + user))));
        byte[] nobody = sha256("\0no such user\0");
        return (user, password) -> {
            byte[] expected = digests.get(user);
            boolean equal = MessageDigest.isEqual(sha256(password), expected != null ? expected : nobody);
            return expected != null && equal;
        };
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            // Every Java platform must provide SHA-256 (java.security.MessageDigest's Javadoc).
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }
}
