package org.oversight.deploy.importing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How big an upload may be. The history import takes an authority's SSDA903 tables and CIN census in one request
 * of up to {@code oversight.import.max-upload-size} (64 MB unless set); a bigger set is imported from the command
 * line ({@link ImportHistory}), which has no limit. Every other upload keeps the small limits it always had (1 MB a
 * file, 10 MB a request). The servlet container's own limit is the import's (see {@link ImportConfiguration}); this
 * filter, ahead of sign-in and the CSRF check (which would otherwise read a part of a too-big form, find no token
 * and answer 403), holds everything else to its smaller limits.
 *
 * <p>An import over the limit is read to its end (up to {@link #DRAIN_FACTOR} times the limit, so the browser is
 * sent the answer rather than a broken connection) and answered 413 with the import page itself, naming the limit
 * and the command line. Any other upload over its limit is answered 413 with a problem naming the rule.
 */
public final class UploadLimits extends OncePerRequestFilter {

    /** The rule a refused upload names. */
    static final String RULE = "upload-size";
    /** Set on the request, as the limit in bytes, when an import's upload was too big for the page. */
    static final String IMPORT_TOO_LARGE = UploadLimits.class.getName() + ".tooLarge";
    static final long OTHER_FILE_BYTES = 1024L * 1024;
    static final long OTHER_REQUEST_BYTES = 10L * 1024 * 1024;
    private static final int DRAIN_FACTOR = 16;
    private static final Pattern IMPORT_FORM = Pattern.compile("/imports/[^/]+/?");

    private final long importBytes;

    public UploadLimits(long importBytes) {
        this.importBytes = importBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equalsIgnoreCase(request.getMethod()) && !"PUT".equalsIgnoreCase(request.getMethod())
                || type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (IMPORT_FORM.matcher(path).matches()) {
            if (length > importBytes) {
                drain(request, importBytes * DRAIN_FACTOR);
                request.setAttribute(IMPORT_TOO_LARGE, importBytes);
                // the form again, as a page read rather than a form sent: it says why, with status 413
                chain.doFilter(new AsFormPage(request), response);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (length > OTHER_REQUEST_BYTES) {
            refuse(response, "The upload is " + megabytes(length) + "; an upload here may be at most "
                    + megabytes(OTHER_REQUEST_BYTES) + " (" + RULE + ")");
            return;
        }
        java.util.Collection<Part> parts;
        try {
            parts = request.getParts();
        } catch (IllegalStateException tooBig) {
            // the container refuses a form over its own limit as it reads it (a body of no stated length)
            refuse(response, "An upload here may be at most " + megabytes(OTHER_REQUEST_BYTES) + " (" + RULE + ")");
            return;
        }
        for (Part part : parts) {
            if (part.getSize() > OTHER_FILE_BYTES) {
                refuse(response, "A file uploaded here may be at most " + megabytes(OTHER_FILE_BYTES) + " ("
                        + RULE + ")");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    private static void refuse(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                + "\"detail\":\"" + detail.replace("\"", "'") + "\",\"rule\":\"" + RULE + "\"}");
    }

    /** Reads and forgets the body, at most {@code most} bytes of it; beyond that the connection is closed. */
    private static void drain(HttpServletRequest request, long most) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        try (InputStream in = request.getInputStream()) {
            for (int n = in.read(buffer); n >= 0 && read < most; n = in.read(buffer)) {
                read += n;
            }
        }
    }

    /** The request as a GET of the import form with no body, so that the form page answers it. */
    private static final class AsFormPage extends HttpServletRequestWrapper {

        AsFormPage(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public long getContentLengthLong() {
            return 0;
        }

        @Override
        public int getContentLength() {
            return 0;
        }
    }
}
