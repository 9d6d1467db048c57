package io.progimage.platform.api;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the heap that request bodies hold at once. A JSON upload of the largest allowed size is
 * held about four times while it is handled (the bytes read, the text, the parsed value, the
 * decoded image), so each request with a body reserves {@value #COPIES} times its declared
 * length (the body limit when it is chunked) before a byte is read, and gives it back when the
 * exchange ends. When the reservation does not come within
 * {@code progimage.upload.memory-wait-millis} the answer is 503 with Retry-After: many
 * concurrent large uploads queue, then are refused, but never exhaust the heap. The imaging
 * memory budget bounds the pixels behind them separately.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST, asyncSupported = true)
public class BodyMemory extends HttpFilter {

    static final int COPIES = 4;

    @Inject
    @ConfigProperty(name = "progimage.upload.max-bytes", defaultValue = "26214400")
    long maxBytes;

    /** Default: a quarter of the maximum heap (the imaging budget has half). */
    @Inject
    @ConfigProperty(name = "progimage.upload.memory-bytes")
    Optional<Long> memoryBytes;

    @Inject
    @ConfigProperty(name = "progimage.upload.memory-wait-millis", defaultValue = "5000")
    long waitMillis;

    private Semaphore kibibytes;
    private int totalKibibytes;

    @Override
    public void init() {
        long total = memoryBytes.orElse(Runtime.getRuntime().maxMemory() / 4);
        totalKibibytes = (int) Math.max(1, Math.min(Integer.MAX_VALUE, total / 1024));
        kibibytes = new Semaphore(totalKibibytes, true);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        int needed = kibibytesFor(request.getContentLengthLong(), request.getHeader("Transfer-Encoding") != null);
        if (needed == 0) {
            chain.doFilter(request, response);
            return;
        }
        boolean reserved;
        try {
            reserved = kibibytes.tryAcquire(needed, waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reserved = false;
        }
        if (!reserved) {
            refuse(response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            kibibytes.release(needed);
        }
    }

    /** What a body of this declared length reserves; 0 for none. Over the limit it is refused (413) unread, at the limit's cost. */
    int kibibytesFor(long declaredLength, boolean chunked) {
        long length = declaredLength > 0 ? Math.min(declaredLength, maxBytes) : chunked ? maxBytes : 0;
        long needed = (length * COPIES + 1023) / 1024;
        return (int) Math.min(totalKibibytes, needed);
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        Cors.addHeaders(response); // this filter may run before the CORS filter
        response.setStatus(503);
        response.setHeader("Retry-After", "5");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        byte[] body = ApiError.of(503, "too many large uploads at once; retry shortly").toJson().toString().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
