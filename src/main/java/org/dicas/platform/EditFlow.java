package org.dicas.platform;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.dicas.shared.ExpectedVersion;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.InvalidMarkingException;
import org.dicas.shared.StaleVersionException;
import org.dicas.shared.Versioned;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * The one way a page saves an edit of a versioned record, so that every edit form behaves alike (issue 15):
 * <ol>
 *   <li>the form carries back the version the user started from ({@code recordVersion});</li>
 *   <li>what binding and bean validation find is shown, and nothing is saved;</li>
 *   <li>a rule the service refuses is shown as the form's error summary ({@link FormErrors});</li>
 *   <li>a save refused as stale shows what someone else changed ({@link EditConflict}) and now carries the current
 *       version, so saving again is a deliberate choice;</li>
 *   <li>in every refused case the form keeps every value the user entered (the page is drawn from the bound form);</li>
 *   <li>a save that succeeds redirects, and the redirect says {@code flash.saved} ({@link Flash}).</li>
 * </ol>
 * <pre>{@code
 * return EditFlow.of(model, expected, form::command).bound(binding).validatedBy(validator)
 *         .save(c -> things.update(me, id, expected, c), () -> things.get(me, id))
 *         .redirectOrShow("/things/" + id, errors -> page(me, things.get(me, id), form, errors, model));
 * }</pre>
 *
 * @param <C> the command the form builds (a record: a stale save compares its fields by name with the stored record)
 */
public final class EditFlow<C extends Record> {

    private final Model model;
    private final C yours;
    private final List<String> problems = new ArrayList<>();
    private boolean saved;

    private EditFlow(Model model, C yours, List<String> problems) {
        this.model = model;
        this.yours = yours;
        this.problems.addAll(problems);
    }

    /** The first showing of an edit form: it carries the version of the record it shows. Returns that record. */
    public static <V extends Versioned> V showing(Model model, V record) {
        model.addAttribute("recordVersion", record.version());
        return record;
    }

    /**
     * Starts an edit: the form keeps the version it was posted with, and the command is built from the form; a field
     * the form cannot turn into a command (a number that is not one) is a problem shown on the form.
     */
    public static <C extends Record> EditFlow<C> of(Model model, ExpectedVersion expected, Supplier<C> command) {
        model.addAttribute("recordVersion", expected.given() ? expected.value() : null);
        try {
            return new EditFlow<>(model, command.get(), List.of());
        } catch (InvalidInputException | InvalidMarkingException e) {
            return new EditFlow<>(model, null, FormErrors.of(e));
        }
    }

    /** What binding the form found (a value that could not be converted): shown, and the edit is not saved. */
    public EditFlow<C> bound(BindingResult binding) {
        if (problems.isEmpty() && binding != null && binding.hasErrors()) {
            problems.addAll(FormErrors.of(binding));
        }
        return this;
    }

    /** What bean validation finds in the command (when binding found nothing): shown, and the edit is not saved. */
    public EditFlow<C> validatedBy(Validator validator) {
        if (problems.isEmpty()) {
            problems.addAll(FormErrors.violations(validator, yours));
        }
        return this;
    }

    /**
     * Saves the command when nothing was found wrong. A rule the service refuses becomes the form's problem; a stale
     * version shows the differences between the command and {@code current} (the record as stored now).
     */
    public EditFlow<C> save(Consumer<C> save, Supplier<? extends Versioned> current) {
        return save(save, stale -> EditConflict.show(model, stale, yours, current.get()));
    }

    /**
     * As {@link #save(Consumer, Supplier)} for an edit whose conflict is shown otherwise (a part of a record compared
     * at the version of the record it belongs to: {@link EditConflict#show(Model, StaleVersionException, Record,
     * Object, long)}).
     */
    public EditFlow<C> save(Consumer<C> save, Consumer<StaleVersionException> conflict) {
        if (!problems.isEmpty()) {
            return this;
        }
        try {
            save.accept(yours);
            saved = true;
        } catch (InvalidInputException | InvalidMarkingException e) {
            problems.addAll(FormErrors.of(e));
        } catch (StaleVersionException e) {
            conflict.accept(e);
        }
        return this;
    }

    /**
     * Where the edit ends: the redirect to {@code to} when it was saved ({@link Flash} says so there), else the form
     * drawn again with the problems found (empty after a conflict: the conflict speaks for itself).
     */
    public String redirectOrShow(String to, Function<List<String>, String> form) {
        return saved ? "redirect:" + to : form.apply(List.copyOf(problems));
    }

    /** Whether the command was saved. */
    public boolean saved() {
        return saved;
    }
}
