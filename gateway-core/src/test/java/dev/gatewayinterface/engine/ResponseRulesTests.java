package dev.gatewayinterface.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.gatewayinterface.Header;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Check what {@link ResponseRules} accepts, since {@link ResponseTests} covers what it refuses as an
 * application sees it; a rule that is too strict breaks valid applications just as surely.
 */
class ResponseRulesTests {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "200 OK|200",
        "599 Network Connect Timeout|599",
        "'404 '|404",
        "418 I'm a teapot|418",
        "200 Tab\tand caf\u00e9|200",
    })
    void parsesTheCodeOfAValidStatus(String status, int code) {
        assertThat(ResponseRules.statusCode(status)).isEqualTo(code);
    }

    @Test
    void returnsTheDeclaredContentLengthOrMinusOne() {
        assertThat(ResponseRules.checkHeaders(List.of())).isEqualTo(-1);
        assertThat(ResponseRules.checkHeaders(List.of(new Header("Content-Type", "text/plain")))).isEqualTo(-1);
        assertThat(ResponseRules.checkHeaders(List.of(new Header("content-LENGTH", "0")))).isZero();
        assertThat(ResponseRules.checkHeaders(List.of(new Header("Content-Length", "123456789012345678"))))
                .isEqualTo(123456789012345678L);
    }

    @Test
    void acceptsTheSameContentLengthTwice() {
        assertThat(ResponseRules.checkHeaders(List.of(new Header("Content-Length", "5"), new Header("content-length", "5"))))
                .isEqualTo(5);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "Content-Type", "X-Request-ID", "Set-Cookie", "x!#$%&'*+-.^_`|~9", "WWW-Authenticate" })
    void acceptsTokenHeaderNames(String name) {
        assertThat(ResponseRules.isToken(name)).isTrue();
        assertThat(ResponseRules.checkHeaders(List.of(new Header(name, "value")))).isEqualTo(-1);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = { "", "plain", "with\ttab", "caf\u00e9 \u00ff", "a, b; q=0.5", "\"quoted\"" })
    void acceptsFieldTextWithSpacesTabsAndLatin1(String value) {
        assertThat(ResponseRules.isFieldText(value)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "100 Continue", "101 Switching Protocols", "103 Early Hints", "199 Whatever" })
    void refusesAnInterimStatusAsTheFinalOne(String status) {
        assertThatIllegalArgumentException().isThrownBy(() -> ResponseRules.statusCode(status))
                .withMessageContaining(ResponseRules.quote(status)).withMessageContaining("interim (1xx)")
                .withMessageContaining("SPEC §5.1");
    }

    @Test
    void quotesValuesOnOneLine() {
        assertThat(ResponseRules.quote("a\r\nb\"c\u0001\u007f")).isEqualTo("\"a\\r\\nb\\\"c\\x01\\x7f\"");
        assertThat(ResponseRules.quote(null)).isEqualTo("null");
    }

    @Test
    void namesTheSpecSectionOfEachRule() {
        assertThatIllegalArgumentException().isThrownBy(() -> ResponseRules.statusCode("OK"))
                .withMessageContaining("SPEC §5.1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ResponseRules.checkHeaders(List.of(new Header("Bad Name", "v"))))
                .withMessageContaining("SPEC §5.2");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ResponseRules.checkHeaders(List.of(new Header("Upgrade", "h2c"))))
                .withMessageContaining("SPEC §5.3");
    }
}
