package dev.landline.calls.boundary;

import dev.landline.calls.control.Reply;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Vonage's Call Control Object: the JSON array of actions that answers a webhook. */
public final class Ncco {

    /** One NCCO action. */
    public sealed interface Action permits Talk, Input {
    }

    /** Speech; {@code bargeIn} lets the caller type during it (only right before an input). */
    public record Talk(String action, String text, String language, Boolean bargeIn) implements Action {
    }

    /** Waits for DTMF and posts the result to {@code eventUrl}. */
    public record Input(String action, List<String> type, Dtmf dtmf, List<String> eventUrl, String eventMethod)
            implements Action {
    }

    public record Dtmf(int maxDigits, boolean submitOnHash, int timeOut) {
    }

    private Ncco() {
    }

    /** Renders a reply; {@code inputUrl} turns a call token into the absolute URL of the next input webhook. */
    public static List<Action> of(Reply reply, Function<String, URI> inputUrl) {
        var actions = new ArrayList<Action>();
        var speech = reply.speech();
        for (int i = 0; i < speech.size(); i++) {
            boolean last = i == speech.size() - 1;
            actions.add(new Talk("talk", speech.get(i).ssml(), reply.language(), last && !reply.ends() ? true : null));
        }
        if (!reply.ends()) {
            var listen = reply.listen();
            actions.add(new Input("input", List.of("dtmf"),
                    new Dtmf(listen.maxDigits(), listen.submitOnHash(), listen.timeoutSeconds()),
                    List.of(inputUrl.apply(listen.token()).toString()), "POST"));
        }
        return actions;
    }
}
