package org.dicas.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.dicas.shared.InvalidInputException;

/** Parsing of form fields posted as text, with errors that name the field (blank → null where optional). */
public final class FormValues {

    private FormValues() {
    }

    public static Long id(String field, String value) {
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw InvalidInputException.of(field, "form.error.notAnId", value);
        }
    }

    public static Integer integer(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "form.error.notWhole", value);
        }
    }

    public static Double number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "form.error.notANumber", value);
        }
    }

    /** An exact decimal (costs, percentages, tolerances): blank is null. */
    public static BigDecimal decimal(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "form.error.notANumber", value);
        }
    }

    public static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "form.error.notADate", value);
        }
    }

    /** A calendar month as yyyy-mm (2027-03): blank is null. */
    public static YearMonth month(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            YearMonth month = YearMonth.parse(value.strip());
            if (month.getYear() < 1 || month.getYear() > 9999) { // four-digit years only, as yyyy-mm says
                throw InvalidInputException.of(field, "form.error.notAMonth", value);
            }
            return month;
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "form.error.notAMonth", value);
        }
    }
}
