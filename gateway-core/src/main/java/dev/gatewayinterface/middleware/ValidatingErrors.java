package dev.gatewayinterface.middleware;

import static dev.gatewayinterface.middleware.Syntax.quote;

import dev.gatewayinterface.Errors;

/**
 * Check that the server's {@code wsgi.errors} never throws (docs/SPEC.md §4.2). A write that throws is
 * reported from that write, to the application, with the server's exception as the cause.
 *
 * <p>{@link Errors} has no {@code close()}, and this wrapper implements no {@code Closeable}, so an
 * application cannot close the server's error stream through it: that part of §4.2 holds by construction.
 */
final class ValidatingErrors implements Errors {

    private final Errors errors;

    private final Violations violations;

    ValidatingErrors(Errors errors, Violations violations) {
        this.errors = errors;
        this.violations = violations;
    }

    @Override
    public void write(String text) {
        try {
            errors.write(text);
        }
        catch (RuntimeException ex) {
            throw threw("write(" + quote(text) + ")", ex);
        }
    }

    @Override
    public void writeLines(Iterable<String> lines) {
        try {
            errors.writeLines(lines);
        }
        catch (RuntimeException ex) {
            throw threw("writeLines(" + quote(String.valueOf(lines)) + ")", ex);
        }
    }

    @Override
    public void flush() {
        try {
            errors.flush();
        }
        catch (RuntimeException ex) {
            throw threw("flush()", ex);
        }
    }

    private ContractViolationException threw(String call, RuntimeException ex) {
        return violations.of(ContractRule.ERRORS_THREW, "wsgi.errors." + call + " threw " + quote(ex.toString()), ex);
    }
}
