package dev.gatewayinterface.middleware;

import static dev.gatewayinterface.middleware.Syntax.quote;

import dev.gatewayinterface.Header;
import dev.gatewayinterface.StartResponse;
import dev.gatewayinterface.Write;
import java.util.List;

/**
 * Check each call of {@code start_response} before passing it to the server's, and the {@code write}
 * callable the server returns (docs/SPEC.md §5). Violations are thrown from {@link #start}, inside the
 * application, where the faulty call is.
 */
final class ValidatingStartResponse implements StartResponse {

    private final StartResponse server;

    private final ValidatedResponse response;

    ValidatingStartResponse(StartResponse server, ValidatedResponse response) {
        this.server = server;
        this.response = response;
    }

    @Override
    public Write start(String status, List<Header> headers, Throwable excInfo) {
        Violations violations = response.violations();
        if (excInfo == null && response.started()) {
            throw violations.of(ContractRule.START_AGAIN_WITHOUT_EXC_INFO,
                    "start_response was called again, with status " + quote(status) + ", but without excInfo");
        }
        if (excInfo != null && !response.started() && violations.checks(ContractRule.START_EXC_INFO_FIRST_CALL)) {
            throw violations.of(ContractRule.START_EXC_INFO_FIRST_CALL, "the first call of start_response passed excInfo "
                    + quote(String.valueOf(excInfo)) + "; there is no earlier status for it to replace");
        }
        int code = ResponseChecks.statusCode(status, violations);
        long declaredLength = ResponseChecks.checkHeaders(status, code, headers, violations);
        // The server rethrows excInfo once headers were sent; the response then keeps its first status.
        Write write = server.start(status, headers, excInfo);
        response.start(status, code, declaredLength);
        if (write == null) {
            throw violations.of(ContractRule.START_RETURNED_NULL,
                    "the server's start_response returned null for status " + quote(status) + ", not a write callable");
        }
        return new ValidatingWrite(write, response);
    }
}
