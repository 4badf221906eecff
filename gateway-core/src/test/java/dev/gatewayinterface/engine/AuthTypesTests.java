package dev.gatewayinterface.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AuthTypesTests {

    private static final Principal ALICE = () -> "alice";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Basic YWxpY2U6c2VjcmV0 | Basic",
        "basic YWxpY2U6c2VjcmV0 | Basic",
        "BEARER abc.def.ghi     | Bearer",
        "Digest username=alice  | Digest",
        "Negotiate YII=         | Negotiate",
        "HOBA result=x          | HOBA",
    })
    void namesTheSchemeOfTheAuthorizationHeader(String authorization, String expected) {
        assertThat(AuthTypes.of(authorization, ALICE)).isEqualTo(expected);
    }

    @Test
    void namesThePrincipalsTypeWhenTheRequestCarriesNoCredentials() {
        assertThat(AuthTypes.of(null, new SessionUser())).isEqualTo("SessionUser");
        assertThat(AuthTypes.of("  ", new SessionUser())).isEqualTo("SessionUser");
    }

    @Test
    void answersNothingWhenNobodyAuthenticatedTheRequest() {
        assertThat(AuthTypes.of("Basic YWxpY2U6c2VjcmV0", null)).isNull();
    }

    private static final class SessionUser implements Principal {

        @Override
        public String getName() {
            return "alice";
        }
    }
}
