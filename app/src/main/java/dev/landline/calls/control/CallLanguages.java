package dev.landline.calls.control;

import dev.landline.accounts.control.Languages;
import dev.landline.accounts.control.Languages.Spoken;
import dev.landline.accounts.control.PhoneNumbers;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which language a call is spoken in: the caller's, once they are known; before that, the language set for the
 * number called ({@code landline.language.called-numbers}), else the server's ({@code landline.language.default}).
 * A language without a bundle falls back to the nearest one, then to the server's (see {@link Languages#resolve}).
 */
@ApplicationScoped
public class CallLanguages {

    public static final String DEFAULT = "landline.language.default";
    public static final String CALLED_NUMBERS = "landline.language.called-numbers";

    private static final Logger LOG = Logger.getLogger(CallLanguages.class.getName());

    @Inject
    @ConfigProperty(name = DEFAULT, defaultValue = Languages.DEFAULT)
    String serverLanguage;

    /** Comma-separated {@code number=language}; read as one string, split here, the same on every server. */
    @Inject
    @ConfigProperty(name = CALLED_NUMBERS)
    Optional<String> calledNumbers;

    private Spoken server;
    private Map<String, Spoken> byNumber;

    public CallLanguages() {
    }

    /** Without a container: the server's language and the {@code number=language} entries. */
    public CallLanguages(String serverLanguage, List<String> calledNumbers) {
        this.serverLanguage = serverLanguage;
        this.calledNumbers = Optional.of(String.join(",", calledNumbers));
        init();
    }

    @PostConstruct
    void init() {
        server = Languages.resolve(serverLanguage);
        if (Languages.resolve(serverLanguage, null) == null) {
            LOG.warning(DEFAULT + " names no language that has prompts; the server speaks " + server.voice());
        }
        var numbers = new HashMap<String, Spoken>();
        var entries = calledNumbers.filter(text -> !text.isBlank()).map(text -> List.of(text.split(",")))
                .orElse(List.of());
        for (int i = 0; i < entries.size(); i++) {
            var entry = entries.get(i).split("=", 2);
            var number = entry.length == 2 ? PhoneNumbers.parse(entry[0]) : Optional.<String>empty();
            if (number.isEmpty() || entry[1].isBlank()) {
                LOG.warning(CALLED_NUMBERS + ": entry " + (i + 1) + " is not <international number>=<language>;"
                        + " ignored");
                continue;
            }
            numbers.put(number.get(), Languages.resolve(entry[1], server));
        }
        byNumber = Map.copyOf(numbers);
    }

    /**
     * At startup: the settings are read (a malformed entry is logged now, not at the first call) and the server's
     * prompts formatted once, so the first caller does not wait for ICU's data to load.
     */
    void warmUp(@Observes Startup startup) {
        Prompts.in(server.voice()).welcome();
    }

    /** The server's language: for apologies before anything about the call is known. */
    public Spoken server() {
        return server;
    }

    /** The language set for this called number (as the provider sends it), else the server's. */
    public Spoken calledNumber(String to) {
        return PhoneNumbers.parse(to).map(byNumber::get).orElse(server);
    }

    /** A known caller's language as it can be spoken. */
    public Spoken caller(String language) {
        return Languages.resolve(language, server);
    }
}
