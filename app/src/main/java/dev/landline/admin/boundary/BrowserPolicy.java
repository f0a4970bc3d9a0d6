package dev.landline.admin.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * What a browser may do with the admin pages and the API, set by the application so it holds on any server:
 * <ul>
 * <li>no page may show them in a frame (clickjacking: another site laying its page over "Delete" or "Unlock" for a
 * signed-in administrator): {@code X-Frame-Options: DENY} and CSP {@code frame-ancestors 'none'};</li>
 * <li>the pages run only this origin's own scripts (no inline script, no eval, no plug-ins), so even if a name
 * from a QR code ever reached the DOM as markup it could not run; the API's JSON runs nothing at all. The one
 * exception is {@code 'wasm-unsafe-eval'}: it lets a page compile WebAssembly (the camera's QR decoder, served
 * from this origin like every script), not evaluate JavaScript text.</li>
 * </ul>
 */
@WebFilter(urlPatterns = {"/admin/*", "/api/*"})
public class BrowserPolicy extends HttpFilter {

    static final String PAGES = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data: blob:; media-src 'self' blob: mediastream:; connect-src 'self';"
            + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String API = "default-src 'none'; frame-ancestors 'none'";
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", api ? API : PAGES);
        response.setHeader("X-Content-Type-Options", "nosniff");
        chain.doFilter(request, response);
    }
}
