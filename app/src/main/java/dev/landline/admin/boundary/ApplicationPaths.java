package dev.landline.admin.boundary;

import dev.landline.calls.boundary.VoiceApplication;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Puts each path of the generated API description under its own JAX-RS application. The WAR has two,
 * {@link AdminApplication} ({@code /api}) and {@link VoiceApplication} ({@code /webhooks}); SmallRye OpenAPI (WildFly,
 * Open Liberty) puts every resource under the path of one of them, Payara gets it right (then nothing changes here).
 * Registered as {@code mp.openapi.filter} in META-INF/microprofile-config.properties.
 */
public class ApplicationPaths implements OASFilter {

    private static final List<Class<? extends Application>> APPLICATIONS =
            List.of(AdminApplication.class, VoiceApplication.class);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        var routes = routes();
        var described = openAPI.getPaths().getPathItems();
        var corrected = new LinkedHashMap<String, PathItem>();
        described.forEach((path, item) -> corrected.put(corrected(path, routes), item));
        if (!corrected.keySet().equals(described.keySet())) {
            openAPI.getPaths().setPathItems(corrected);
        }
    }

    /**
     * {@code described} = [context root] + some application's path + a resource method's path: the same with the
     * application that serves that resource. The longest resource path that ends it is the one.
     */
    static String corrected(String described, Map<String, String> routes) {
        for (var route : routes.entrySet()) {
            if (!described.endsWith(route.getKey())) {
                continue;
            }
            var prefix = described.substring(0, described.length() - route.getKey().length());
            for (var application : APPLICATIONS) {
                var applicationPath = join(application.getAnnotation(ApplicationPath.class).value());
                if (prefix.endsWith(applicationPath)) {
                    return prefix.substring(0, prefix.length() - applicationPath.length()) + route.getValue()
                            + route.getKey();
                }
            }
            return described;
        }
        return described;
    }

    /** Each resource method's path within its application, longest first, to its application's path. */
    static Map<String, String> routes() {
        var routes = new LinkedHashMap<String, String>();
        for (var application : APPLICATIONS) {
            var applicationPath = join(application.getAnnotation(ApplicationPath.class).value());
            Application instance;
            try {
                instance = application.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            for (var resource : instance.getClasses()) {
                if (!resource.isAnnotationPresent(Path.class)) {
                    continue;
                }
                var resourcePath = resource.getAnnotation(Path.class).value();
                for (var method : resource.getMethods()) {
                    var methodPath = method.getAnnotation(Path.class);
                    routes.put(join(resourcePath, methodPath == null ? "" : methodPath.value()), applicationPath);
                }
            }
        }
        return routes.entrySet().stream().filter(route -> !route.getKey().isEmpty())
                .sorted(Comparator.comparingInt((Map.Entry<String, String> route) -> route.getKey().length())
                        .reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** "/" + the non-empty segments ("" for none); a template's regular expression is not part of the path. */
    private static String join(String... parts) {
        var joined = Arrays.stream(parts).flatMap(part -> Arrays.stream(part.split("/")))
                .filter(segment -> !segment.isBlank())
                .map(segment -> segment.replaceAll("\\{\\s*([^:}\\s]+)\\s*(:[^}]*)?}", "{$1}"))
                .collect(Collectors.joining("/"));
        return joined.isEmpty() ? "" : "/" + joined;
    }
}
