package dev.gatewayinterface.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Check the byte-per-char conversions of docs/SPEC.md §2 on their own, including the odd inputs that the
 * environ tests only touch in passing.
 */
class NativeStringsTests {

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource({
        "'',                 ''",
        "/plain/path,        /plain/path",
        "/caf%C3%A9,         /caf\u00c3\u00a9",
        "/caf%c3%a9,         /caf\u00c3\u00a9",
        "/a%2Fb%2fc,         /a/b/c",
        "/%41%42,            /AB",
        "/%00,               '/\u0000'",
        "/%FF,               /\u00ff",
        "/%,                 /%",
        "/%4,                /%4",
        "/%zz,               /%zz",
        "/%4g,               /%4g",
        "/%%41,              /%A",
        "%41,                A",
        "/a+b,               /a+b",
        "/caf\u00e9,         /caf\u00e9",
        "/\u20ac,            /\u00e2\u0082\u00ac",
        "/\ud83d\ude00,      /\u00f0\u009f\u0098\u0080",
        "/\u20ac%41,         /\u00e2\u0082\u00acA",
    })
    void decodesPathsToOneCharPerByte(String raw, String decoded) {
        assertThat(NativeStrings.decodePath(raw)).isEqualTo(decoded);
        assertThat(NativeStrings.isLatin1(NativeStrings.decodePath(raw))).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Accept,             HTTP_ACCEPT",
        "x-forwarded-for,    HTTP_X_FORWARDED_FOR",
        "X-Request-ID,       HTTP_X_REQUEST_ID",
        "My_Header,          HTTP_MY_HEADER",
        "x.y~z,              HTTP_X.Y~Z",
    })
    void turnsHeaderNamesIntoEnvironKeys(String name, String key) {
        assertThat(NativeStrings.environKey(name)).isEqualTo(key);
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource({
        "ascii,              ascii",
        "caf\u00e9,          caf\u00e9",
        "\u20ac,             \u00e2\u0082\u00ac",
        "a\u0100b,           a\u00c4\u0080b",
    })
    void mapsTextAboveLatin1ToItsUtf8Bytes(String text, String nativeString) {
        assertThat(NativeStrings.toLatin1(text)).isEqualTo(nativeString);
    }
}
