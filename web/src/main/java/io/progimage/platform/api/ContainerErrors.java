package io.progimage.platform.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page for errors the servlet container produces outside JAX-RS (web.xml maps every
 * status and exception here), so those too get the contract's body instead of Payara's HTML.
 */
@WebServlet("/error")
public class ContainerErrors extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ApiError error;
        if (exception != null || !(status instanceof Integer code)) {
            error = exception == null ? ApiError.forStatus(404) : ApiError.internal(exception);
        } else if (code >= 500) {
            error = ApiError.internal(null);
        } else {
            error = ApiError.forStatus(code);
        }
        response.setStatus(error.status());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        byte[] body = error.toJsonText().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
