package dev.landline.admin.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Clickjacking: no page may show the admin pages or the API in a frame (another site could otherwise lay its own
 * page over "Delete" or "Unlock" for a signed-in administrator). Set by the application, so it holds on any
 * server, whatever its own default for {@code X-Frame-Options} is.
 */
@WebFilter(urlPatterns = {"/admin/*", "/api/*"})
public class NoFraming extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
        chain.doFilter(request, response);
    }
}
