package dev.gatewayinterface.test.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * List the raw requests of the conformance suite: valid, ambiguous and malformed shapes from RFC 9110 and RFC 9112
 * and from request-smuggling advisories against WSGI servers (gunicorn CVE-2024-1135 and CVE-2024-6827, waitress
 * CVE-2022-24761, CVE-2019-16785 and CVE-2019-16786), each with the answer docs/SPEC.md §14 gives it. Each targets a
 * {@link ConformanceApplication} at {@code {path}}, on a server with the default limits of docs/SPEC.md §14.
 */
public final class RequestCases {

    private RequestCases() {
    }

    /**
     * Return every case.
     * @return the cases, in a stable order
     */
    public static List<RequestCase> all() {
        List<RequestCase> all = new ArrayList<>();
        all.addAll(ValidCases.all());
        all.addAll(FramingCases.all());
        all.addAll(ChunkCases.all());
        all.addAll(HostCases.all());
        all.addAll(TargetCases.all());
        all.addAll(LineCases.all());
        all.addAll(HeaderCases.all());
        all.addAll(LimitCases.all());
        all.addAll(PipelineCases.all());
        return List.copyOf(all);
    }

    /** Write header lines {@code X-H1: v} upwards, so that with Host the request has {@code count + 1} lines. */
    static String headerLines(int count) {
        return headerLines(count, 1);
    }

    /** Write header lines whose values are {@code size} bytes long. */
    static String headerLines(int count, int size) {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            lines.append("X-H").append(i).append(": ").append("v".repeat(size)).append("\r\n");
        }
        return lines.toString();
    }
}
