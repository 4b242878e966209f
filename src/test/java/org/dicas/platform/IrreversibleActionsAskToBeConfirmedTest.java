package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Every page form that deletes, detaches, removes, revokes or cancels asks to be confirmed before it acts (ADR 0043:
 * the real submit sits inside a {@code <details>} whose summary is the button and whose body says what will happen),
 * so that one slip of the mouse cannot do it. Read from the templates, so a new such form without its confirm step
 * fails here.
 */
class IrreversibleActionsAskToBeConfirmedTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Pattern IRREVERSIBLE = Pattern.compile("/(delete|detach|remove|revoke|cancel|disable)\\b");

    @Test
    void everyFormThatDeletesDetachesRemovesRevokesOrCancelsHasItsSubmitInsideAConfirmStep() throws IOException {
        List<String> unconfirmed = new ArrayList<>();
        int found = 0;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                for (Element form : Jsoup.parse(Files.readString(f)).select("form[method=post]")) {
                    String action = form.attr("th:action") + form.attr("action");
                    if (!IRREVERSIBLE.matcher(action).find()) {
                        continue;
                    }
                    found++;
                    for (Element submit : form.select("button:not([type]), button[type=submit], input[type=submit]")) {
                        if (submit.closest("details") == null) {
                            unconfirmed.add(TEMPLATES.relativize(f) + ": " + action + " submits with "
                                    + submit.outerHtml());
                        }
                    }
                }
            }
        }
        assertThat(found).as("forms that delete, detach, remove or cancel").isGreaterThanOrEqualTo(5);
        assertThat(unconfirmed).as("put the submit inside <details class=\"confirm\"> with a sentence saying what "
                + "will happen").isEmpty();
    }
}
