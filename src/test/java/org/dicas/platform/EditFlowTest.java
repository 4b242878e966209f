package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.dicas.shared.ExpectedVersion;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.StaleVersionException;
import org.dicas.shared.Versioned;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.validation.BeanPropertyBindingResult;

/** The one edit flow every edit page goes through: each refusal keeps the form, only a save redirects. */
class EditFlowTest {

    record Change(@NotBlank String title, String place) {
    }

    record Stored(long id, long version, String title, String place) implements Versioned {
    }

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private final ExtendedModelMap model = new ExtendedModelMap();
    private final List<Change> saved = new ArrayList<>();
    private final AtomicReference<List<String>> shownWith = new AtomicReference<>();

    @BeforeEach
    void english() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    private String form(List<String> errors) {
        shownWith.set(errors);
        return "things/form";
    }

    @Test
    void aSaveRedirectsAndTheFormCarriesTheVersionItWasPostedWith() {
        String page = EditFlow.of(model, new ExpectedVersion(3), () -> new Change("New", "Tokyo"))
                .validatedBy(VALIDATOR)
                .save(saved::add, () -> new Stored(1, 3, "Old", "Tokyo"))
                .redirectOrShow("/things/1", this::form);

        assertThat(page).isEqualTo("redirect:/things/1");
        assertThat(saved).containsExactly(new Change("New", "Tokyo"));
        assertThat(model.getAttribute("recordVersion")).isEqualTo(3L);
        assertThat(shownWith.get()).isNull();
    }

    @Test
    void whatValidationFindsIsShownByFieldAndNothingIsSaved() {
        String page = EditFlow.of(model, new ExpectedVersion(3), () -> new Change(" ", "Tokyo"))
                .validatedBy(VALIDATOR)
                .save(saved::add, () -> new Stored(1, 3, "Old", "Tokyo"))
                .redirectOrShow("/things/1", this::form);

        assertThat(page).isEqualTo("things/form");
        assertThat(saved).isEmpty();
        assertThat(shownWith.get()).singleElement().asString().startsWith("Title: ");
    }

    @Test
    void whatBindingFoundComesFirstAndValidationIsNotAskedAgain() {
        var binding = new BeanPropertyBindingResult(new Change("", ""), "form");
        binding.rejectValue("title", "typeMismatch", "is not text");

        EditFlow.of(model, new ExpectedVersion(3), () -> new Change("", "Tokyo")).bound(binding)
                .validatedBy(VALIDATOR)
                .save(saved::add, () -> new Stored(1, 3, "Old", "Tokyo"))
                .redirectOrShow("/things/1", this::form);

        assertThat(saved).isEmpty();
        assertThat(shownWith.get()).containsExactly("Title: is not text");
    }

    @Test
    void aFieldTheFormCannotTurnIntoACommandIsShownAndNothingIsSaved() {
        String page = EditFlow.<Change>of(model, new ExpectedVersion(3), () -> {
                    throw InvalidInputException.of("nextStepDate", "form.error.notADate", "tomorrow");
                })
                .validatedBy(VALIDATOR)
                .save(saved::add, () -> new Stored(1, 3, "Old", "Tokyo"))
                .redirectOrShow("/things/1", this::form);

        assertThat(page).isEqualTo("things/form");
        assertThat(saved).isEmpty();
        assertThat(shownWith.get()).singleElement().asString().contains("'tomorrow' is not a date");
    }

    @Test
    void aRuleTheServiceRefusesIsShownOnTheForm() {
        EditFlow.of(model, new ExpectedVersion(3), () -> new Change("New", "Mars"))
                .save(c -> {
                    throw InvalidInputException.of("place", "form.error.notANumber", c.place());
                }, () -> new Stored(1, 3, "Old", "Tokyo"))
                .redirectOrShow("/things/1", this::form);

        assertThat(shownWith.get()).singleElement().asString().contains("'Mars' is not a number");
        assertThat(model.getAttribute("conflict")).isNull();
    }

    @Test
    void aStaleSaveShowsWhatDiffersAndTheFormNowCarriesTheCurrentVersion() {
        String page = EditFlow.of(model, new ExpectedVersion(3), () -> new Change("Mine", "Tokyo"))
                .save(c -> {
                    throw new StaleVersionException("thing", 1, 3, 4);
                }, () -> new Stored(1, 4, "Theirs", "Tokyo"))
                .redirectOrShow("/things/1", this::form);

        assertThat(page).isEqualTo("things/form");
        assertThat(shownWith.get()).isEmpty(); // the conflict speaks for itself
        EditConflict conflict = (EditConflict) model.getAttribute("conflict");
        assertThat(conflict.yourVersion()).isEqualTo(3);
        assertThat(conflict.currentVersion()).isEqualTo(4);
        assertThat(conflict.fields()).containsExactly(new EditConflict.Field("title", "Mine", "Theirs"));
        assertThat(model.getAttribute("recordVersion")).isEqualTo(4L);
    }

    @Test
    void aFormPostedWithoutAVersionCarriesNone() {
        EditFlow.of(model, ExpectedVersion.notGiven(), () -> new Change("New", "Tokyo"));

        assertThat(model.containsAttribute("recordVersion")).isTrue();
        assertThat(model.getAttribute("recordVersion")).isNull();
    }
}
