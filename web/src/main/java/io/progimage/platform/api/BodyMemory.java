package io.progimage.platform.api;

import io.progimage.platform.boundary.SourceMemory;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Counts request bodies in the node's {@link SourceMemory} as they are read: a JSON upload of
 * the largest size is held about {@value #COPIES} times while it is handled (the bytes read,
 * the text, the parsed value, the decoded image), so every started MiB read reserves that many.
 * A client that announces a large body and sends nothing holds nothing; a request that finds no
 * room in time is answered 503 (the BUSY refusal thrown from the stream reaches the mappers).
 * The reservation is given back when the exchange ends.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST, asyncSupported = true)
public class BodyMemory extends HttpFilter {

    static final int COPIES = 4;
    static final long STEP = 1024 * 1024;

    @Inject
    SourceMemory memory;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean body = request.getContentLengthLong() > 0
                || (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null);
        if (!body) {
            chain.doFilter(request, response);
            return;
        }
        try (SourceMemory.Reservation held = memory.open()) {
            chain.doFilter(new Counted(request, held, request.getContentLengthLong()), response);
        }
    }

    /**
     * The bytes a body reserves once {@code read} of it are read: COPIES times each started MiB,
     * or times the declared length when that is less (a small body reserves little).
     */
    static long reservationFor(long read, long declaredLength) {
        long upTo = (read / STEP + 1) * STEP;
        return COPIES * (declaredLength > 0 ? Math.min(upTo, declaredLength) : upTo);
    }

    private static final class Counted extends HttpServletRequestWrapper {
        private final SourceMemory.Reservation held;
        private final long declaredLength;
        private ServletInputStream stream;

        Counted(HttpServletRequest request, SourceMemory.Reservation held, long declaredLength) {
            super(request);
            this.held = held;
            this.declaredLength = declaredLength;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), held, declaredLength);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final SourceMemory.Reservation held;
        private final long declaredLength;
        private long read;
        private long reservedUpTo = -1;

        CountingStream(ServletInputStream in, SourceMemory.Reservation held, long declaredLength) {
            this.in = in;
            this.held = held;
            this.declaredLength = declaredLength;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > reservedUpTo) {
                held.growTo(reservationFor(read, declaredLength)); // BUSY when no room comes in time
                reservedUpTo = (read / STEP + 1) * STEP;
            }
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

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
