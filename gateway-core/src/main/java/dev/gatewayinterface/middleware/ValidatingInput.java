package dev.gatewayinterface.middleware;

import static dev.gatewayinterface.middleware.Syntax.quote;

import dev.gatewayinterface.Input;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Check {@code wsgi.input} from both sides (docs/SPEC.md §4.1): what the server's reads return, iteration
 * included (it goes through the checked {@link #readLine()}). Violations are thrown from the read the
 * application made.
 *
 * <p>{@link Input} has no {@code close()}, so an application cannot close the request body, which is what
 * wsgiref.validate checks of Python's; closing the {@link #asStream()} view does nothing, as §4.1 says, and
 * try-with-resources or a JSON library closing its source is no mistake.
 */
final class ValidatingInput implements Input {

    private final Input input;

    private final Violations violations;

    ValidatingInput(Input input, Violations violations) {
        this.input = input;
        this.violations = violations;
    }

    @Override
    public byte[] read(int size) throws IOException {
        return checkSize(checkNotNull(input.read(size), "read", size), "read", size);
    }

    @Override
    public byte[] read() throws IOException {
        return checkNotNull(input.read(), "read", -1);
    }

    @Override
    public byte[] readLine() throws IOException {
        return checkNotNull(input.readLine(), "readLine", -1);
    }

    @Override
    public byte[] readLine(int size) throws IOException {
        return checkSize(checkNotNull(input.readLine(size), "readLine", size), "readLine", size);
    }

    @Override
    public List<byte[]> readLines(int hint) throws IOException {
        List<byte[]> lines = input.readLines(hint);
        if (lines == null) {
            throw violations.of(ContractRule.INPUT_READ_RESULT, "wsgi.input.readLines(" + hint + ") returned null, not a list");
        }
        // A loop, not contains(null): an immutable List.of(...) would throw on that question.
        for (byte[] line : lines) {
            checkNotNull(line, "readLines", hint);
        }
        return lines;
    }

    @Override
    public InputStream asStream() {
        return input.asStream();
    }

    private byte[] checkNotNull(byte[] bytes, String method, int size) {
        if (bytes == null) {
            throw violations.of(ContractRule.INPUT_READ_RESULT,
                    "wsgi.input." + method + "(" + (size < 0 ? "" : size) + ") returned null, not bytes");
        }
        return bytes;
    }

    private byte[] checkSize(byte[] bytes, String method, int size) {
        if (size >= 0 && bytes.length > size) {
            throw violations.of(ContractRule.INPUT_READ_RESULT, "wsgi.input." + method + "(" + size + ") returned "
                    + bytes.length + " bytes, " + quote(bytes) + ", more than asked for");
        }
        return bytes;
    }
}
