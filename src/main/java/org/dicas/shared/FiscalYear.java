package org.dicas.shared;

import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.Map;

/**
 * One nation's fiscal year, from real dates. Each nation counts its fiscal year its own way:
 * <ul>
 *   <li>United States: 1 Oct – 30 Sep, named by the year it ends in ({@code FY2026} starts 1 Oct 2025);</li>
 *   <li>Japan: 1 Apr – 31 Mar, named by the year it starts in ({@code JFY2026} starts 1 Apr 2026; in Japanese
 *       {@code 令和8年度});</li>
 *   <li>Australia and New Zealand: 1 Jul – 30 Jun, shown as {@code FY2025-26} (numbered by the year it ends in);</li>
 *   <li>United Kingdom, Canada and India: 1 Apr – 31 Mar, shown as {@code FY2025-26} (numbered by the year it starts
 *       in);</li>
 *   <li>every other nation: the calendar year ({@code CY2026}).</li>
 * </ul>
 * {@code number} is the year the nation itself uses to name the fiscal year (US: ending year; Japan, UK: starting
 * year; Australia: ending year).
 */
public record FiscalYear(Convention convention, int number) {

    /** How a nation's fiscal year runs and is named. */
    public enum Convention {
        /** 1 Oct – 30 Sep, named by the ending year. */
        UNITED_STATES(Month.OCTOBER, true),
        /** 1 Apr – 31 Mar, named by the starting year (年度). */
        JAPAN(Month.APRIL, false),
        /** 1 Jul – 30 Jun, named by the ending year, shown as a span. */
        AUSTRALIA(Month.JULY, true),
        /** 1 Apr – 31 Mar, named by the starting year, shown as a span. */
        UNITED_KINGDOM(Month.APRIL, false),
        /** 1 Jan – 31 Dec. */
        CALENDAR(Month.JANUARY, false);

        private final Month startMonth;
        private final boolean namedByEndingYear;

        Convention(Month startMonth, boolean namedByEndingYear) {
            this.startMonth = startMonth;
            this.namedByEndingYear = namedByEndingYear;
        }

        public Month startMonth() {
            return startMonth;
        }
    }

    private static final Map<String, Convention> BY_NATION = Map.of(
            "USA", Convention.UNITED_STATES,
            "JPN", Convention.JAPAN,
            "AUS", Convention.AUSTRALIA,
            "NZL", Convention.AUSTRALIA,
            "GBR", Convention.UNITED_KINGDOM,
            "CAN", Convention.UNITED_KINGDOM,
            "IND", Convention.UNITED_KINGDOM);

    public FiscalYear {
        if (convention == null) {
            throw new IllegalArgumentException("a fiscal year needs a convention");
        }
        if (number < 1900 || number > 2999) {
            throw new IllegalArgumentException("fiscal year " + number + " is out of range (1900-2999)");
        }
    }

    /** The convention of a nation (ISO 3166 alpha-3); calendar years for nations not known to differ. */
    public static Convention conventionOf(String nation) {
        return nation == null ? Convention.CALENDAR : BY_NATION.getOrDefault(nation.strip().toUpperCase(Locale.ROOT),
                Convention.CALENDAR);
    }

    /** The fiscal year of {@code nation} that contains {@code date}. */
    public static FiscalYear of(String nation, LocalDate date) {
        return of(conventionOf(nation), date);
    }

    /** The fiscal year of this convention that contains {@code date}. */
    public static FiscalYear of(Convention convention, LocalDate date) {
        int startYear = date.getMonthValue() >= convention.startMonth.getValue() ? date.getYear() : date.getYear() - 1;
        boolean calendar = convention.startMonth == Month.JANUARY;
        return new FiscalYear(convention, convention.namedByEndingYear && !calendar ? startYear + 1 : startYear);
    }

    /** The fiscal year {@code number} as {@code nation} names it (FY2026 of the USA, JFY2026 of Japan, …). */
    public static FiscalYear named(String nation, int number) {
        return new FiscalYear(conventionOf(nation), number);
    }

    /** The first day. */
    public LocalDate start() {
        int startYear = convention.namedByEndingYear && convention.startMonth != Month.JANUARY ? number - 1 : number;
        return LocalDate.of(startYear, convention.startMonth, 1);
    }

    /** The last day (inclusive). */
    public LocalDate end() {
        return start().plusYears(1).minusDays(1);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    public FiscalYear next() {
        return new FiscalYear(convention, number + 1);
    }

    public FiscalYear previous() {
        return new FiscalYear(convention, number - 1);
    }

    /** The English label: FY2026, JFY2026, FY2025-26, CY2026. */
    public String label() {
        return switch (convention) {
            case UNITED_STATES -> "FY" + number;
            case JAPAN -> "JFY" + number;
            case AUSTRALIA, UNITED_KINGDOM -> "FY" + start().getYear() + "-" + twoDigits(end().getYear());
            case CALENDAR -> "CY" + number;
        };
    }

    /**
     * The label in a language: in Japanese, Japan's fiscal year is the era year ({@code 令和8年度 (JFY2026)}) and
     * other nations' are {@code 米国2026会計年度 (FY2026)} style; in English the plain label.
     */
    public String label(Locale locale) {
        if (locale == null || !"ja".equals(locale.getLanguage())) {
            return label();
        }
        return switch (convention) {
            case JAPAN -> japaneseEraYear(number) + "年度";
            case UNITED_STATES -> "米国" + number + "会計年度";
            case AUSTRALIA, UNITED_KINGDOM -> start().getYear() + "-" + twoDigits(end().getYear()) + "会計年度";
            case CALENDAR -> number + "年";
        };
    }

    /** Both forms, for the API: {@code JFY2026 (令和8年度)}; other nations' labels alone. */
    public String bilingualLabel() {
        return convention == Convention.JAPAN ? label() + " (" + label(Locale.JAPANESE) + ")" : label();
    }

    /**
     * Both forms for a reader: in Japanese {@code 令和8年度（JFY2026）}, in English {@code JFY2026 (Reiwa 8)} — the era
     * year written in the reader's script; other nations' fiscal years in the reader's language alone.
     */
    public String bilingualLabel(Locale reader) {
        boolean japanese = reader != null && "ja".equals(reader.getLanguage());
        if (convention != Convention.JAPAN) {
            return label(reader);
        }
        return japanese ? label(Locale.JAPANESE) + "（" + label() + "）" : label() + " (" + romanEraYear(number) + ")";
    }

    /** The Japanese era year in Latin script: Reiwa 8, Heisei 30, Showa 63. */
    static String romanEraYear(int year) {
        if (year >= 2019) {
            return "Reiwa " + (year - 2018);
        }
        if (year >= 1989) {
            return "Heisei " + (year - 1988);
        }
        return "Showa " + (year - 1925);
    }

    /**
     * The Japanese era year of a (fiscal) year: 令和 from 2019 (令和元年 = 2019), 平成 from 1989, 昭和 before. Fiscal
     * year 2019 is 令和元年度 by official usage, though the era changed on 1 May 2019.
     */
    public static String japaneseEraYear(int year) {
        if (year >= 2019) {
            return "令和" + era(year - 2018);
        }
        if (year >= 1989) {
            return "平成" + era(year - 1988);
        }
        return "昭和" + era(year - 1925);
    }

    private static String era(int n) {
        return n == 1 ? "元" : Integer.toString(n);
    }

    private static String twoDigits(int year) {
        return String.format(Locale.ROOT, "%02d", year % 100);
    }

    @Override
    public String toString() {
        return label();
    }
}
