package dev.gatewayinterface.test.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Errors;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Check the request body and error stream a binding gives applications: docs/SPEC.md §4.
 */
final class InputScenarios {

    private InputScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                new Scenario("§4.1", "reads up to n bytes with read(n), fewer only at end of input", tck -> {
                    TckResponse response = tck.send(Apps.reading(input -> List.of(input.read(3), input.read(4),
                            input.read(5), input.read(1))), post("abcdefghij"));
                    assertThat(response.text()).isEqualTo("abc|defg|hij|");
                }),
                new Scenario("§4.1", "returns an empty array from every kind of read at end of input", tck -> {
                    TckResponse response = tck.send(Apps.reading(input -> List.of(input.read(-1), input.read(),
                            input.read(5), input.readLine(), input.readLine(4), concat(input.readLines(0)),
                            concat(input), input.asStream().readAllBytes())), post("all of it\n"));
                    assertThat(response.text()).isEqualTo("all of it\n|||||||");
                }),
                new Scenario("§4.1", "reads a line with readLine() and at most n bytes of one with readLine(n)",
                        tck -> {
                            TckResponse response = tck.send(Apps.reading(input -> List.of(input.readLine(5),
                                    input.readLine(), input.readLine(100), input.readLine(), input.readLine())),
                                    post("first line\nsecond\nlast"));
                            assertThat(response.text()).isEqualTo("first| line\n|second\n|last|");
                        }),
                new Scenario("§4.1", "reads whole lines until the hint is reached with readLines(hint)", tck -> {
                    TckResponse response = tck.send(Apps.reading(input -> {
                        List<byte[]> pieces = new ArrayList<>(input.readLines(4));
                        pieces.add(Apps.bytes("then"));
                        pieces.addAll(input.readLines(0));
                        return pieces;
                    }), post("a\nbb\nccc\ndddd\n"));
                    assertThat(response.text()).isEqualTo("a\n|bb\n|then|ccc\n|dddd\n");
                }),
                new Scenario("§4.1", "iterates the body line by line", tck -> {
                    TckResponse response = tck.send(Apps.reading(input -> {
                        List<byte[]> lines = new ArrayList<>();
                        input.forEach(lines::add);
                        return lines;
                    }), post("one\ntwo\n\nthree"));
                    assertThat(response.text()).isEqualTo("one\n|two\n|\n|three");
                }),
                new Scenario("§4.1", "shares one position between the input and its asStream() view", tck -> {
                    TckResponse response = tck.send(Apps.reading(input -> List.of(input.readLine(),
                            input.asStream().readNBytes(4), input.read())), post("head\nrest of body"));
                    assertThat(response.text()).isEqualTo("head\n|rest| of body");
                }),
                new Scenario("§4.1", "ends input at CONTENT_LENGTH though a pipelined request follows", tck -> {
                    TckResponse response = tck.send(Apps.reading(input -> List.of(input.read(1 << 20), input.read())),
                            post("exactly this").withPipelinedRequest());
                    assertThat(response.text()).isEqualTo("exactly this|");
                    if (tck.overTheWire()) {
                        assertThat(response.next()).as("pipelined response").isNotNull();
                        assertThat(response.next().status()).isEqualTo(200);
                        assertThat(response.next().text()).isEqualTo("|");
                    }
                }),
                new Scenario("§4.1", "de-chunks a chunked upload to its end without a CONTENT_LENGTH", tck -> {
                    Probe probe = new Probe();
                    TckResponse response = tck.send(Apps.reading(probe, input -> List.of(input.read(), input.read())),
                            post("sent in chunks").asChunked());
                    assertThat(response.text()).isEqualTo("sent in chunks|");
                    assertThat(probe.environ()).doesNotContainKey(Environ.CONTENT_LENGTH)
                        .containsEntry(Environ.WSGI_INPUT_TERMINATED, true);
                }),
                new Scenario("§4.1", "answers Expect: 100-continue so the client sends the body", tck -> {
                    TckResponse response = tck.send(Apps.reading(input -> List.of(input.read())),
                            post("worth the wait").expectingContinue());
                    assertThat(response.status()).isEqualTo(200);
                    assertThat(response.text()).isEqualTo("worth the wait");
                }),
                new Scenario("§4.1", "delivers a 1 MiB upload read in small pieces intact", tck -> {
                    byte[] upload = new byte[1 << 20];
                    for (int i = 0; i < upload.length; i++) {
                        upload[i] = (byte) (i * 31 + (i >> 10));
                    }
                    TckResponse response = tck.send(Apps.reading(input -> {
                        ByteArrayOutputStream all = new ByteArrayOutputStream();
                        int shortReads = 0;
                        byte[] piece;
                        while ((piece = input.read(1000)).length > 0) {
                            shortReads += piece.length < 1000 ? 1 : 0;
                            all.writeBytes(piece);
                        }
                        return List.of(all.toByteArray(), Apps.bytes("short reads: " + shortReads));
                    }), TckRequest.of("POST", "/").body(upload));
                    ByteArrayOutputStream expected = new ByteArrayOutputStream();
                    expected.writeBytes(upload);
                    expected.writeBytes(Apps.bytes("|short reads: 1"));
                    // Compare by the first differing index: printing two 1 MiB arrays would drown the failure.
                    assertThat(Arrays.mismatch(response.body(), expected.toByteArray())).as("first differing byte")
                        .isEqualTo(-1);
                }),
                new Scenario("§4.1", "answers an application that never reads the request body", tck -> {
                    TckResponse response = tck.send((environ, start) -> Apps.text(start, "ignored"),
                            TckRequest.of("POST", "/").body(new byte[16 * 1024]).withPipelinedRequest());
                    assertThat(response.status()).isEqualTo(200);
                    assertThat(response.text()).isEqualTo("ignored");
                    if (tck.overTheWire()) {
                        assertThat(response.next()).as("pipelined response").isNotNull();
                        assertThat(response.next().text()).isEqualTo("ignored");
                    }
                }),
                new Scenario("§4.2", "lets the application write any text to wsgi.errors without a failure", tck -> {
                    TckResponse response = tck.send((environ, start) -> {
                        Errors errors = (Errors) environ.get(Environ.WSGI_ERRORS);
                        errors.write("a whole line\n");
                        errors.write("a partial line");
                        errors.write("");
                        errors.write(null);
                        errors.write("\u2603 beyond latin-1, \ud800 a lone surrogate\r\n");
                        errors.writeLines(List.of("one\n", "two"));
                        errors.flush();
                        errors.write("left for the end of the request");
                        return Apps.text(start, "logged");
                    }, TckRequest.get("/"));
                    assertThat(response.status()).isEqualTo(200);
                    assertThat(response.text()).isEqualTo("logged");
                }));
    }

    private static TckRequest post(String body) {
        return TckRequest.of("POST", "/").body(body);
    }

    private static byte[] concat(Iterable<byte[]> pieces) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        pieces.forEach(all::writeBytes);
        return all.toByteArray();
    }
}
