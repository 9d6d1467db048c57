package io.progimage.platform.api;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * CORS exactly as API.md §8. A servlet filter rather than a JAX-RS one so that every response
 * of the application carries the headers, including errors the container itself produces, and
 * so that a preflight is answered before authentication or rate limiting could see it.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR}, asyncSupported = true)
public class Cors extends HttpFilter {

    static final String EXPOSED = String.join(", ", "Location", "Link", "Retry-After", "ETag",
            "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "RateLimit-Policy", "RateLimit");

    private static final List<String> ALWAYS_ALLOWED = List.of("Authorization", "Content-Type");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        addHeaders(response);
        if ("OPTIONS".equals(request.getMethod())) {
            response.setHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS");
            response.setHeader("Access-Control-Allow-Headers", allowedHeaders(request.getHeader("Access-Control-Request-Headers")));
            response.setHeader("Access-Control-Max-Age", "86400");
            response.setHeader("Allow", "GET, HEAD, POST, OPTIONS");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The headers of every response (also used where a response is written before this filter runs). */
    public static void addHeaders(HttpServletResponse response) {
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Access-Control-Expose-Headers", EXPOSED);
    }

    /** The requested headers (as header-name tokens only, so nothing odd is echoed) plus the two every client needs. */
    static String allowedHeaders(String requested) {
        Set<String> headers = new LinkedHashSet<>(ALWAYS_ALLOWED);
        if (requested != null) {
            for (String name : requested.split(",")) {
                String trimmed = name.trim();
                if (trimmed.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}")
                        && headers.stream().noneMatch(h -> h.equalsIgnoreCase(trimmed))) {
                    headers.add(trimmed);
                }
            }
        }
        return String.join(", ", headers);
    }
}
