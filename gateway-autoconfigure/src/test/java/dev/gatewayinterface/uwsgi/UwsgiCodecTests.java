package dev.gatewayinterface.uwsgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Check the uwsgi packet format against packets built byte by byte: the header, the vars block, and every malformed
 * packet the listener must refuse, each with a message naming the fault and quoting what came.
 */
class UwsgiCodecTests {

    @Test
    void readsTheVarsSizeAsALittleEndianNumberBetweenTheModifiers() throws Exception {
        assertThat(UwsgiCodec.varsSize(bytes(0, 0x34, 0x12, 0), 0xFFFF)).isEqualTo(0x1234);
        assertThat(UwsgiCodec.varsSize(bytes(0, 0xFF, 0xFF, 0), 0xFFFF)).isEqualTo(0xFFFF);
        assertThat(UwsgiCodec.varsSize(bytes(0, 0, 0, 0), 4)).isZero();
    }

    @Test
    void refusesAVarsBlockAboveTheBufferSize() {
        assertThatExceptionOfType(UwsgiProtocolException.class)
            .isThrownBy(() -> UwsgiCodec.varsSize(bytes(0, 0x01, 0x10, 0), 4096))
            .satisfies(ex -> assertThat(ex.fault()).isEqualTo(UwsgiFault.VARS_TOO_LARGE))
            .withMessageContaining("4097 bytes")
            .withMessageContaining("gateway.uwsgi.buffer-size (4096 bytes)");
    }

    @Test
    void refusesAModifier1OtherThanAWsgiRequest() {
        assertThatExceptionOfType(UwsgiProtocolException.class)
            .isThrownBy(() -> UwsgiCodec.varsSize(bytes(7, 10, 0, 0), 4096))
            .satisfies(ex -> assertThat(ex.fault()).isEqualTo(UwsgiFault.UNSUPPORTED_MODIFIER))
            .withMessageContaining("modifier1 is 7")
            .withMessageContaining("\"\\x07\\x0a\\x00\\x00\"");
    }

    @Test
    void recognisesHttpBytesFromAClientThatSpeaksNoUwsgi() {
        assertThatExceptionOfType(UwsgiProtocolException.class)
            .isThrownBy(() -> UwsgiCodec.varsSize("GET ".getBytes(StandardCharsets.US_ASCII), 4096))
            .satisfies(ex -> assertThat(ex.fault()).isEqualTo(UwsgiFault.NOT_UWSGI))
            .withMessageContaining("\"GET \"")
            .withMessageContaining("HTTP");
    }

    @Test
    void recognisesATlsHandshake() {
        assertThatExceptionOfType(UwsgiProtocolException.class)
            .isThrownBy(() -> UwsgiCodec.varsSize(bytes(0x16, 0x03, 0x01, 0x02), 4096))
            .satisfies(ex -> assertThat(ex.fault()).isEqualTo(UwsgiFault.NOT_UWSGI))
            .withMessageContaining("TLS handshake");
    }

    @Test
    void decodesVarsInOrderKeepingRepeatedNamesAndEmptyValues() throws Exception {
        UwsgiVars vars = UwsgiCodec.vars(block("REQUEST_METHOD", "GET", "HTTP_X", "1", "HTTP_X", "2",
                "CONTENT_LENGTH", ""));
        assertThat(vars.size()).isEqualTo(4);
        assertThat(vars.get("REQUEST_METHOD")).isEqualTo("GET");
        assertThat(vars.get("HTTP_X")).isEqualTo("1");
        assertThat(vars.get("CONTENT_LENGTH")).isEmpty();
        assertThat(vars.get("MISSING")).isNull();
        StringBuilder seen = new StringBuilder();
        vars.forEach((name, value) -> seen.append(name).append('=').append(value).append(';'));
        assertThat(seen).hasToString("REQUEST_METHOD=GET;HTTP_X=1;HTTP_X=2;CONTENT_LENGTH=;");
    }

    @Test
    void decodesEachByteAsOneCharOfANativeString() throws Exception {
        byte[] block = concat(length(9), "PATH_INFO".getBytes(StandardCharsets.US_ASCII), length(3),
                bytes('/', 0xC3, 0xA9));
        assertThat(UwsgiCodec.vars(block).get("PATH_INFO")).isEqualTo("/\u00c3\u00a9");
    }

    @Test
    void decodesAnEmptyBlockAsNoVars() throws Exception {
        assertThat(UwsgiCodec.vars(new byte[0]).size()).isZero();
    }

    @Test
    void refusesAKeyLengthRunningPastTheBlock() {
        byte[] block = concat(block("A", "1"), bytes(0x05));
        assertMalformed(block, "the length of the key at offset 6 runs past the vars block of 7 bytes");
    }

    @Test
    void refusesAKeyRunningPastTheBlock() {
        byte[] block = concat(length(10), "SHORT".getBytes(StandardCharsets.US_ASCII));
        assertMalformed(block, "the key at offset 2 is 10 bytes long and runs past the vars block of 7 bytes");
    }

    @Test
    void refusesAValueLengthRunningPastTheBlock() {
        byte[] block = concat(length(1), bytes('A'), bytes(0x01));
        assertMalformed(block, "the length of the value of A at offset 3 runs past the vars block of 4 bytes");
    }

    @Test
    void refusesAValueRunningPastTheBlock() {
        byte[] block = concat(length(1), bytes('A'), length(200), bytes('x', 'y'));
        assertMalformed(block, "the value of A at offset 5 is 200 bytes long and runs past the vars block of 7 bytes");
    }

    @Test
    void refusesAnEmptyKeyAsUwsgiDoes() {
        byte[] block = concat(length(0), length(1), bytes('x'));
        assertMalformed(block, "the var at offset 0 has an empty key");
    }

    @Test
    void quotesControlAndHighBytesSoThatALogLineStaysOneLine() {
        assertThat(UwsgiCodec.quote(bytes('a', '\r', '\n', 0xFF, '"'))).isEqualTo("\"a\\x0d\\x0a\\xff\\x22\"");
    }

    private static void assertMalformed(byte[] block, String message) {
        assertThatExceptionOfType(UwsgiProtocolException.class).isThrownBy(() -> UwsgiCodec.vars(block))
            .satisfies(ex -> assertThat(ex.fault()).isEqualTo(UwsgiFault.MALFORMED_VARS))
            .withMessageContaining(message);
    }

    /** Build a vars block from name/value pairs, ASCII. */
    static byte[] block(String... pairs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String text : pairs) {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            out.writeBytes(length(bytes.length));
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    static byte[] length(int length) {
        return bytes(length & 0xFF, length >> 8 & 0xFF);
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
