package dev.gatewayinterface.middleware.auth;

import java.util.Optional;

/**
 * Decide whom a bearer token stands for: look it up, or verify its signature and expiry (a JWT, say, with the
 * library of your choice). A verifier that compares a token with a stored one compares in constant time, with
 * {@link java.security.MessageDigest#isEqual}.
 */
@FunctionalInterface
public interface TokenVerifier {

    /**
     * Verify a token.
     * @param token the token, as the client sent it after {@code Bearer }
     * @return the name of the user it stands for, or empty when it is not valid (unknown, expired, forged)
     */
    Optional<String> verify(String token);
}
