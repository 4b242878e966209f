package org.dicas.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The edge: a request body larger than its limit is answered {@code 413} before it is read (by its
 * {@code Content-Length}), and a body without one (chunked) is cut off with {@code 413} when it crosses the limit.
 * Limits: {@code dicas.http.max-body} for JSON and forms, {@code dicas.http.max-multipart-body} for file uploads
 * ({@code multipart/form-data}), {@code dicas.attachments.max-size} and 1 MB for the form around the file for an
 * attachment's upload ({@code POST /api/v1/records/{id}/attachments} and its page form), {@code dicas.http.max-public-body} for what anyone may send unauthenticated (token
 * and sign-in). A body that trickles in slower than {@code dicas.http.body-read-timeout} in total is answered
 * {@code 408}, so slow senders cannot hold request threads.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5) // before anything reads parameters or the body
class RequestLimits extends OncePerRequestFilter {

    /** Request attribute: the {@link HttpStatus} a body read failed with (413 too large, 408 too slow). */
    static final String BODY_FAILURE = RequestLimits.class.getName() + ".failure";

    private static final Set<String> PUBLIC_POSTS = Set.of("/api/v1/auth/token", "/login");
    /** An attachment's upload, by the API or the page form: the file limit of ADR 0037, not the general upload one. */
    private static final java.util.regex.Pattern ATTACHMENT_UPLOAD =
            java.util.regex.Pattern.compile("(/api/v1)?/records/[0-9]+/attachments");
    /** What an attachment's upload may carry besides the file: the multipart envelope, the marking, the CSRF token. */
    static final long ATTACHMENT_FORM_ALLOWANCE = 1024 * 1024;

    private final long maxBody;
    private final long maxMultipartBody;
    private final long maxPublicBody;
    private final long maxAttachmentBody;
    private final long bodyReadNanos;
    private final long attachmentReadNanos;

    RequestLimits(@Value("${dicas.http.max-body:2MB}") DataSize maxBody,
                  @Value("${dicas.http.max-multipart-body:10MB}") DataSize maxMultipartBody,
                  @Value("${dicas.http.max-public-body:16KB}") DataSize maxPublicBody,
                  @Value("${dicas.http.body-read-timeout:10s}") Duration bodyReadTimeout,
                  @Value("${dicas.attachments.max-size:50MB}") DataSize maxAttachment,
                  @Value("${dicas.attachments.upload-timeout:5m}") Duration attachmentReadTimeout) {
        this.maxBody = maxBody.toBytes();
        this.maxMultipartBody = maxMultipartBody.toBytes();
        this.maxPublicBody = maxPublicBody.toBytes();
        this.bodyReadNanos = bodyReadTimeout.toNanos();
        this.maxAttachmentBody = maxAttachment.toBytes() + ATTACHMENT_FORM_ALLOWANCE;
        this.attachmentReadNanos = attachmentReadTimeout.toNanos();
    }

    long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (PUBLIC_POSTS.contains(path)) {
            return maxPublicBody;
        }
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            return ATTACHMENT_UPLOAD.matcher(path).matches() ? maxAttachmentBody : maxMultipartBody;
        }
        return maxBody;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(request, response, limit);
            return;
        }
        // an attachment of tens of megabytes takes longer to send than a form: its own deadline (still bounded)
        Limited limited = new Limited(request, limit, limit == maxAttachmentBody && limit != maxMultipartBody
                ? attachmentReadNanos : bodyReadNanos);
        try {
            chain.doFilter(limited, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (limited.failure == null || response.isCommitted()) {
                throw e;
            }
        }
        if (limited.failure != null && !response.isCommitted()) {
            response.reset();
            if (limited.failure == HttpStatus.REQUEST_TIMEOUT) {
                response.setHeader("Connection", "close");
                ApiProblems.write(request, response, HttpStatus.REQUEST_TIMEOUT,
                        org.dicas.shared.Sentence.of("problem.body.tooSlow"));
            } else {
                tooLarge(request, response, limit);
            }
        }
    }

    private static void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit)
            throws IOException {
        ApiProblems.write(request, response, HttpStatus.CONTENT_TOO_LARGE,
                org.dicas.shared.Sentence.of("problem.body.largerThan", limit));
    }

    /** The request with a body that may not grow past the limit nor take longer than the read deadline. */
    static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private final long readNanos;
        private ServletInputStream stream;
        volatile HttpStatus failure;

        Limited(HttpServletRequest request, long limit, long readNanos) {
            super(request);
            this.limit = limit;
            this.readNanos = readNanos;
        }

        private void fail(HttpStatus status) {
            failure = status;
            setAttribute(BODY_FAILURE, status);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream());
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String enc = getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    enc == null ? java.nio.charset.StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(enc)));
        }

        private final class Counting extends ServletInputStream {
            private final ServletInputStream in;
            private final long started = System.nanoTime();
            private long count;

            Counting(ServletInputStream in) {
                this.in = in;
            }

            private int counted(int n) throws IOException {
                if (n > 0) {
                    count += n;
                    if (count > limit) {
                        fail(HttpStatus.CONTENT_TOO_LARGE);
                        throw new IOException("request body larger than " + limit + " bytes");
                    }
                }
                if (System.nanoTime() - started > readNanos && !in.isFinished()) {
                    fail(HttpStatus.REQUEST_TIMEOUT);
                    throw new IOException("request body not received in time");
                }
                return n;
            }

            @Override
            public int read() throws IOException {
                int b = in.read();
                counted(b < 0 ? -1 : 1);
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return counted(in.read(b, off, len));
            }

            @Override
            public boolean isFinished() {
                return in.isFinished();
            }

            @Override
            public boolean isReady() {
                return in.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
            }
        }
    }
}
