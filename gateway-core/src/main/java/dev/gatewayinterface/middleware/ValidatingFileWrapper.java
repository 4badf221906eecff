package dev.gatewayinterface.middleware;

import static dev.gatewayinterface.middleware.Syntax.identify;
import static dev.gatewayinterface.middleware.Syntax.quote;

import dev.gatewayinterface.FileWrapper;
import java.io.InputStream;

/**
 * Check both sides of {@code wsgi.file_wrapper} (docs/SPEC.md §8): the application passes a stream and a
 * positive block size; the server returns a body that closes the stream when closed. Violations are
 * thrown from {@link #wrap}, inside the application.
 */
final class ValidatingFileWrapper implements FileWrapper {

    private final FileWrapper wrapper;

    private final Violations violations;

    ValidatingFileWrapper(FileWrapper wrapper, Violations violations) {
        this.wrapper = wrapper;
        this.violations = violations;
    }

    @Override
    public Iterable<byte[]> wrap(InputStream file, int blockSize) {
        if (file == null || blockSize < 1) {
            throw violations.of(ContractRule.FILE_WRAPPER_ARGUMENTS, "wsgi.file_wrapper was passed the stream "
                    + identify(file) + " and the block size " + quote(Integer.toString(blockSize))
                    + "; it needs a stream and a block size of at least 1");
        }
        Iterable<byte[]> body = wrapper.wrap(file, blockSize);
        if (!(body instanceof AutoCloseable)) {
            throw violations.of(ContractRule.FILE_WRAPPER_RESULT, "wsgi.file_wrapper returned " + identify(body)
                    + ", not a closeable body: closing the body must close the file");
        }
        return body;
    }
}
