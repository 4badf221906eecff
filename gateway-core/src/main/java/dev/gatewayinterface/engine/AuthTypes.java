package dev.gatewayinterface.engine;

import java.security.Principal;
import java.util.Locale;
import java.util.Map;

/**
 * Name how a security layer in front of the gateway (Spring Security, for one) authenticated a request, for
 * {@code AUTH_TYPE} (docs/SPEC.md §3.1, docs/SERVING.md "Who authenticates what").
 *
 * <p>CGI (RFC 3875 §4.1.1) defines {@code AUTH_TYPE} as the scheme of the request's {@code Authorization} header,
 * so that is the answer whenever the request carries one. A user known from elsewhere (a session after a form
 * login, a remember-me cookie) has no scheme on the request: the type of the principal names the mechanism instead,
 * such as {@code UsernamePasswordAuthenticationToken} or {@code OAuth2AuthenticationToken}.
 */
public final class AuthTypes {

    /** The registered schemes, spelled as their RFCs do, whatever case the client chose. */
    private static final Map<String, String> SPELLING = Map.of("basic", "Basic", "bearer", "Bearer", "digest",
            "Digest", "negotiate", "Negotiate");

    private AuthTypes() {
    }

    /**
     * Return the {@code AUTH_TYPE} of a request a security layer authenticated.
     * @param authorization the request's {@code Authorization} header, or {@code null}
     * @param principal the authenticated user, or {@code null} when nobody authenticated the request
     * @return the scheme, the principal's type name, or {@code null} when there is no principal
     */
    public static String of(String authorization, Principal principal) {
        if (principal == null) {
            return null;
        }
        String scheme = authorization != null ? authorization.strip().split("[ \t]", 2)[0] : "";
        if (scheme.isEmpty()) {
            return principal.getClass().getSimpleName();
        }
        return SPELLING.getOrDefault(scheme.toLowerCase(Locale.ROOT), scheme);
    }
}
