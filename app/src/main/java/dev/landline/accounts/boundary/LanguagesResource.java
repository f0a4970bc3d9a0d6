package dev.landline.accounts.boundary;

import dev.landline.accounts.control.Languages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The languages a caller can be given: those that have prompts. The caller page offers them. */
@Tag(ref = "callers")
@Path("languages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LanguagesResource {

    /** A language as the admin page offers it: its tag (a caller's {@code language}) and its English name. */
    public record LanguageView(String tag, String name) {
    }

    @Operation(operationId = "listLanguages", summary = "The languages callers can hear, in the page's order")
    @GET
    public List<LanguageView> all() {
        return Languages.offered().stream()
                .map(tag -> new LanguageView(tag, Locale.forLanguageTag(tag).getDisplayName(Locale.ENGLISH)))
                .toList();
    }
}
