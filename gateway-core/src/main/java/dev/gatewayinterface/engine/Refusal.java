package dev.gatewayinterface.engine;

import java.nio.charset.StandardCharsets;

/**
 * Describe why a request was refused before any application saw it, and give the answer's body: its status line
 * and the rule it broke, on one line (docs/SPEC.md §14). The engine's policy and the server guards of each binding
 * answer with it, so that a client gets the same kind of answer whichever layer refused.
 *
 * @param status the status to answer
 * @param reason the status's reason phrase
 * @param rule the rule broken, quoting the offending value and naming the RFC clause or setting
 */
public record Refusal(int status, String reason, String rule) {

    /** The Content-Type of a refusal's body: the rule quotes request values one char a byte (§2). */
    public static final String CONTENT_TYPE = "text/plain; charset=iso-8859-1";

    /**
     * Return the answer's body: {@code "431 Request Header Fields Too Large: the request has 101 header lines..."}.
     * @return the body bytes, one byte a char
     */
    public byte[] body() {
        return (status + " " + reason + ": " + rule + "\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
