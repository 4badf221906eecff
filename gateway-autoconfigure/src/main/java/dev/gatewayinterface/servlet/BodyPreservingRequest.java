package dev.gatewayinterface.servlet;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keep a request body for the mounted application even when a filter reads it first (docs/SPEC.md §10.3).
 *
 * <p>Bytes read before the application takes the body are recorded, up to a limit, and replayed to it.
 * Request parameters are parsed here from the query and, for form posts, from the recorded body, so that
 * a filter asking for a parameter (a CSRF check, a hidden-method filter) does not make the container
 * consume the body behind the application's back.
 */
final class BodyPreservingRequest extends HttpServletRequestWrapper {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final int limit;

    private RecordingStream stream;

    private BufferedReader reader;

    private Map<String, String[]> parameters;

    private boolean replayed;

    BodyPreservingRequest(HttpServletRequest request, int limit) {
        super(request);
        this.limit = limit;
    }

    /**
     * Return the whole body for the application: what others read first, then the rest.
     * @throws IOException if others read more than the limit, so the body cannot be replayed
     */
    InputStream replayBody() throws IOException {
        replayed = true;
        if (stream == null) {
            return super.getInputStream();
        }
        if (stream.overflowed) {
            throw new IOException("A filter read more than " + limit
                    + " bytes of the request body before the mounted application; raise gateway.servlet.body-replay-limit");
        }
        stream.recording = false;
        return new SequenceInputStream(new ByteArrayInputStream(stream.recorded.toByteArray()), stream);
    }

    /**
     * Tell whether anyone read the body or asked for parameters through this wrapper.
     * @return {@code true} if the body may have been read
     */
    boolean bodyTouched() {
        return stream != null || parameters != null;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (replayed) {
            return super.getInputStream();
        }
        if (stream == null) {
            stream = new RecordingStream(super.getInputStream(), limit);
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
            reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
        return reader;
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return Collections.unmodifiableMap(parameters());
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values.clone();
    }

    private Map<String, String[]> parameters() {
        if (parameters == null) {
            Map<String, List<String>> collected = new LinkedHashMap<>();
            Charset charset = getCharacterEncoding() != null ? Charset.forName(getCharacterEncoding()) : StandardCharsets.UTF_8;
            parse(getQueryString(), charset, collected);
            if (isFormWithBody() && !replayed) {
                parse(readFormBody(), charset, collected);
            }
            Map<String, String[]> result = new LinkedHashMap<>();
            collected.forEach((key, values) -> result.put(key, values.toArray(String[]::new)));
            parameters = result;
        }
        return parameters;
    }

    private boolean isFormWithBody() {
        String contentType = getContentType();
        String method = getMethod();
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(FORM)
                && !method.equals("GET") && !method.equals("HEAD");
    }

    /** Read the form body through the recording stream, so the application still gets it. */
    private String readFormBody() {
        try {
            byte[] body = getInputStream().readNBytes(limit);
            if (body.length == limit && stream.read() >= 0) {
                stream.overflowed = true;
                return "";
            }
            return new String(body, StandardCharsets.ISO_8859_1);
        }
        catch (IOException ex) {
            // The client went away mid-body: no form parameters, and the application will see the same error.
            return "";
        }
    }

    private static void parse(String text, Charset charset, Map<String, List<String>> into) {
        if (text == null || text.isEmpty()) {
            return;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            into.computeIfAbsent(decode(name, charset), key -> new ArrayList<>()).add(decode(value, charset));
        }
    }

    private static String decode(String text, Charset charset) {
        try {
            return URLDecoder.decode(text, charset);
        }
        catch (IllegalArgumentException ex) {
            // A malformed escape: keep the text as sent rather than failing a filter that only peeks at parameters.
            return text;
        }
    }

    /** Record what is read, up to the limit, so it can be replayed. */
    private static final class RecordingStream extends ServletInputStream {

        private final ServletInputStream delegate;

        private final int limit;

        private final ByteArrayOutputStream recorded = new ByteArrayOutputStream();

        private boolean recording = true;

        private boolean overflowed;

        RecordingStream(ServletInputStream delegate, int limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0 && recording) {
                record(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0 && recording) {
                record(buffer, offset, n);
            }
            return n;
        }

        private void record(byte[] buffer, int offset, int length) {
            if (recorded.size() + length > limit) {
                overflowed = true;
                recording = false;
                return;
            }
            recorded.write(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
