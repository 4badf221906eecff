package dev.gatewayinterface.test.conformance;

import static dev.gatewayinterface.test.conformance.Cases.chunked;
import static dev.gatewayinterface.test.conformance.Cases.echoed;
import static dev.gatewayinterface.test.conformance.Cases.readOrRefusedMayKeep;
import static dev.gatewayinterface.test.conformance.Cases.refused;

import dev.gatewayinterface.test.conformance.RequestCase.Kind;
import java.util.List;

/**
 * List chunked bodies whose framing is malformed or read differently by different parsers (RFC 9112 §7.1, waitress
 * CVE-2022-24761): each is refused with the connection closed, or, where RFC 9112 lets a parser read it leniently,
 * read as the chunk sizes say and nothing else.
 */
final class ChunkCases {

    private static final String WAITRESS_CHUNKS = "RFC 9112 §7.1, waitress CVE-2022-24761";

    private ChunkCases() {
    }

    static List<RequestCase> all() {
        return List.of(
                readOrRefusedMayKeep("whitespace after a chunk size", WAITRESS_CHUNKS,
                        chunked("5 \r\nhello\r\n0\r\n\r\n"), "hello", 200, 400),
                readOrRefusedMayKeep("whitespace before a chunk size", WAITRESS_CHUNKS,
                        chunked(" 5\r\nhello\r\n0\r\n\r\n"), "hello", 200, 400),
                readOrRefusedMayKeep("whitespace before a chunk extension", "RFC 9112 §7.1.1",
                        chunked("5 ;a=b\r\nhello\r\n0\r\n\r\n"), "hello", 200, 400),
                readOrRefusedMayKeep("a tab after a chunk size", WAITRESS_CHUNKS,
                        chunked("5\t\r\nhello\r\n0\r\n\r\n"), "hello", 200, 400),
                echoed("whitespace behind a chunk extension's ';'", "RFC 9112 §7.1.1",
                        chunked("5; a=b\r\nhello\r\n0\r\n\r\n"), "hello"),
                readOrRefusedMayKeep("a CR alone in a chunk-size line", "RFC 9112 §2.2, §7.1",
                        chunked("5\rX\r\nhello\r\n0\r\n\r\n"), "hello", 200, 400),
                readOrRefusedMayKeep("nine hex digits of chunk size", "RFC 9112 §7.1",
                        chunked("000000005\r\nhello\r\n0\r\n\r\n"), "hello", 200, 400),
                readOrRefusedMayKeep("whitespace inside a chunk extension's name", "RFC 9112 §7.1.1",
                        chunked("5;a b\r\nhello\r\n0\r\n\r\n"), "hello", 200, 400),
                readOrRefusedMayKeep("a backslash in a quoted chunk-extension value", "RFC 9112 §7.1.1",
                        chunked("5;a=\"x\\y\"\r\nhello\r\n0\r\n\r\n"), "hello", 200, 400),
                echoed("a quoted chunk-extension value", "RFC 9112 §7.1.1",
                        chunked("5;a=\"x y\"\r\nhello\r\n0\r\n\r\n"), "hello"),
                echoed("whitespace around a chunk extension's '='", "RFC 9112 §7.1.1",
                        chunked("5;a = b\r\nhello\r\n0\r\n\r\n"), "hello"),
                readOrRefusedMayKeep("a bare ';' after a chunk size", WAITRESS_CHUNKS,
                        chunked("5;\r\nhello\r\n0\r\n\r\n"), "hello", 200, 400),
                echoed("an extension on the last chunk", "RFC 9112 §7.1.1",
                        chunked("5\r\nhello\r\n0;a=b\r\n\r\n"), "hello"),
                refused(Kind.AMBIGUOUS, "a chunk size with a 0x prefix", WAITRESS_CHUNKS,
                        chunked("0x5\r\nhello\r\n0\r\n\r\n"), 400),
                refused(Kind.AMBIGUOUS, "a chunk size with a plus sign", WAITRESS_CHUNKS,
                        chunked("+5\r\nhello\r\n0\r\n\r\n"), 400),
                refused(Kind.AMBIGUOUS, "a negative chunk size", WAITRESS_CHUNKS,
                        chunked("-5\r\nhello\r\n0\r\n\r\n"), 400),
                refused(Kind.MALFORMED, "a chunk size that is no hex number", "RFC 9112 §7.1",
                        chunked("5g\r\nhello\r\n0\r\n\r\n"), 400),
                refused(Kind.MALFORMED, "an empty chunk-size line", "RFC 9112 §7.1",
                        chunked("\r\nhello\r\n0\r\n\r\n"), 400),
                refused(Kind.MALFORMED, "a chunk-size line of whitespace", "RFC 9112 §7.1",
                        chunked(" \r\nhello\r\n0\r\n\r\n"), 400),
                refused(Kind.AMBIGUOUS, "a chunk size beyond 64 bits", WAITRESS_CHUNKS,
                        chunked("FFFFFFFFFFFFFFFFF5\r\nhello\r\n0\r\n\r\n"), 400),
                refused(Kind.AMBIGUOUS, "no CRLF after chunk data", "RFC 9112 §7.1",
                        chunked("5\r\nhelloXX0\r\n\r\n"), 400),
                refused(Kind.AMBIGUOUS, "a bare LF after chunk data", "RFC 9112 §7.1, waitress CVE-2019-16785",
                        chunked("5\r\nhello\n0\r\n\r\n"), 400),
                refused(Kind.AMBIGUOUS, "a bare CR after chunk data", "RFC 9112 §7.1",
                        chunked("5\r\nhello\r0\r\n\r\n"), 400),
                refused(Kind.AMBIGUOUS, "a bare LF after a chunk size", "RFC 9112 §7.1, waitress CVE-2019-16785",
                        chunked("5\nhello\r\n0\r\n\r\n"), 400),
                refused(Kind.AMBIGUOUS, "chunk data longer than its size", "RFC 9112 §7.1",
                        chunked("3\r\nhello\r\n0\r\n\r\n"), 400),
                refused(Kind.AMBIGUOUS, "a request where the trailer section should end", "RFC 9112 §7.1.2",
                        chunked("5\r\nhello\r\n0\r\nGET {path}?smuggled HTTP/1.1\r\nHost: localhost\r\n\r\n"),
                        400),
                refused(Kind.MALFORMED, "a trailer line without a colon", "RFC 9112 §7.1.2",
                        chunked("5\r\nhello\r\n0\r\nno colon\r\n\r\n"), 400),
                refused(Kind.MALFORMED, "a NUL in a chunk extension", "RFC 9112 §7.1.1",
                        chunked("5;a=\u0000\r\nhello\r\n0\r\n\r\n"), 400));
    }
}
