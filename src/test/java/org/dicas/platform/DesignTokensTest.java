package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The design tokens (issue 15, point 9; ADR 0044) hold every raw value of the look, and their colours are legible: the
 * style sheet refers to tokens only (no raw colour, no px/rem/pt length), refers to no token that does not exist, the
 * charts ask only for tokens that exist, and each text colour meets WCAG AA (4.5:1) on the backgrounds it is used on —
 * the pairs named below, and every rule of the style sheet that sets both a text colour and a background.
 */
class DesignTokensTest {

    private static final String TOKENS = "/static/css/tokens.css";
    private static final String STYLES = "/static/css/dicas.css";
    private static final List<String> CHART_SCRIPTS = List.of("/static/js/coproduction-charts.js",
            "/static/js/network-graph.js", "/static/js/plan-charts.js", "/static/js/work-share-chart.js");

    private static final Pattern RAW_COLOUR = Pattern.compile(
            "#[0-9a-fA-F]{3,8}\\b|\\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\\(|"
                    + "(?<![-\\w])(?:white|black|red|green|blue|gray|grey|silver|yellow|orange|purple|navy|maroon|teal"
                    + "|olive|lime|aqua|fuchsia|pink|brown|gold|darkred|darkgreen|darkblue|lightgray|lightgrey)(?![-\\w])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RAW_LENGTH = Pattern.compile("(?<![-\\w])-?\\d*\\.?\\d+(?:px|rem|pt|pc|cm|mm|in|q)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DECLARATION = Pattern.compile("(--[\\w-]+)\\s*:\\s*([^;]+);");
    private static final Pattern REFERENCE = Pattern.compile("var\\(\\s*(--[\\w-]+)");
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)}");

    /** Text on background, as the style sheet uses them together (text first). */
    private static final List<List<String>> TEXT_PAIRS = List.of(
            List.of("--color-ink", "--color-surface"), List.of("--color-ink", "--color-surface-raised"),
            List.of("--color-ink", "--color-info-lighter"), List.of("--color-ink", "--color-success-lighter"),
            List.of("--color-ink", "--color-error-lighter"), List.of("--color-ink", "--color-warning-lighter"),
            List.of("--color-ink", "--color-primary-lighter"), List.of("--color-ink", "--color-surface-sunken"),
            List.of("--color-ink-muted", "--color-surface"), List.of("--color-ink-muted", "--color-surface-raised"),
            List.of("--color-ink-muted", "--color-surface-sunken"),
            List.of("--color-primary", "--color-surface"), List.of("--color-primary", "--color-surface-raised"),
            List.of("--color-primary", "--color-primary-lighter"), List.of("--color-primary-dark", "--color-primary-lighter"),
            List.of("--color-on-primary", "--color-primary"), List.of("--color-on-primary", "--color-primary-dark"),
            List.of("--color-on-status", "--color-error"), List.of("--color-on-status", "--color-ink"),
            List.of("--color-error", "--color-surface"), List.of("--color-error", "--color-error-lighter"),
            List.of("--color-success", "--color-surface"), List.of("--color-success", "--color-success-lighter"),
            List.of("--color-warning", "--color-warning-lighter"), List.of("--color-info", "--color-info-lighter"),
            List.of("--color-neutral", "--color-neutral-lighter"),
            List.of("--color-on-marking", "--color-marking-cui"), List.of("--color-on-marking", "--color-marking-unclassified"),
            List.of("--color-on-marking", "--color-marking-public"),
            List.of("--color-marking-cui", "--color-surface"), List.of("--color-marking-unclassified", "--color-surface"),
            List.of("--color-marking-public", "--color-surface"), List.of("--color-ink", "--color-diff-added"),
            List.of("--color-ink", "--color-diff-removed"));

    /**
     * Text that shows on whatever background it lands on — portion marks, secondary text and links inside a selected
     * picker option, a hovered row, a notice or a flash message — against every surface and tint.
     */
    private static final List<String> TEXT_ANYWHERE = List.of("--color-ink", "--color-ink-muted", "--color-primary",
            "--color-marking-cui", "--color-marking-unclassified", "--color-marking-public");
    private static final List<String> TINTS = List.of("--color-surface", "--color-surface-raised",
            "--color-surface-sunken", "--color-primary-lighter", "--color-info-lighter", "--color-success-lighter",
            "--color-warning-lighter", "--color-error-lighter");

    /** A control's or focus ring's outline against what is around it (WCAG 1.4.11: 3:1). */
    private static final List<List<String>> NON_TEXT_PAIRS = List.of(
            List.of("--color-border-strong", "--color-surface"), List.of("--color-focus-ring", "--color-surface"),
            List.of("--color-focus-ring", "--color-surface-raised"), List.of("--color-focus-ring", "--color-focus-halo"),
            List.of("--color-primary", "--color-surface"), List.of("--color-error", "--color-surface"));

    @Test
    void theTokensFileDeclaresCustomPropertiesAtTheRootOnly() {
        String tokens = withoutComments(read(TOKENS));
        Matcher rules = RULE.matcher(tokens);
        int count = 0;
        while (rules.find()) {
            count++;
            assertThat(rules.group(1).strip()).as("the only selector of tokens.css").isEqualTo(":root");
            for (String declaration : rules.group(2).split(";")) {
                if (!declaration.isBlank()) {
                    assertThat(declaration.strip()).as("a declaration of tokens.css").startsWith("--");
                }
            }
        }
        assertThat(count).isEqualTo(1);
        assertThat(tokens()).hasSizeGreaterThan(50);
    }

    @Test
    void theStyleSheetHoldsNoRawColourNoRawLengthAndNoTokenOfItsOwn() {
        List<String> found = new ArrayList<>();
        String[] lines = withoutStrings(withoutComments(read(STYLES))).split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            for (Pattern p : List.of(RAW_COLOUR, RAW_LENGTH)) {
                Matcher m = p.matcher(line);
                while (m.find()) {
                    found.add("dicas.css line " + (i + 1) + ": " + m.group() + " in “" + line.strip() + "”");
                }
            }
            if (DECLARATION.matcher(line).find()) {
                found.add("dicas.css line " + (i + 1) + " declares a custom property (tokens live in tokens.css): "
                        + line.strip());
            }
        }
        assertThat(found).as("raw values outside the tokens").isEmpty();
    }

    @Test
    void theStyleSheetAndTheChartsReferOnlyToTokensThatExist() {
        Set<String> declared = tokens().keySet();
        Set<String> unknown = new TreeSet<>();
        references(REFERENCE.matcher(withoutComments(read(STYLES))), "", "dicas.css", declared, unknown);
        Pattern chartToken = Pattern.compile("dicasToken\\('([\\w-]+)'\\)");
        for (String script : CHART_SCRIPTS) {
            String js = read(script);
            int uses = references(chartToken.matcher(js), "--", script, declared, unknown);
            assertThat(uses).as(script + " takes its colours from the tokens").isPositive();
            assertThat(Pattern.compile("['\"]#[0-9a-fA-F]{3,8}['\"]|\\brgba?\\(").matcher(js).find())
                    .as(script + " holds no raw colour").isFalse();
        }
        assertThat(unknown).as("references to undeclared tokens").isEmpty();
    }

    /**
     * Adds to {@code unknown} each token that {@code m}'s first group names ({@code prefix} before it) and that is not
     * declared, as "{@code where}: --token"; answers how many references {@code m} found.
     */
    private static int references(Matcher m, String prefix, String where, Set<String> declared, Set<String> unknown) {
        int found = 0;
        while (m.find()) {
            found++;
            String token = prefix + m.group(1);
            if (!declared.contains(token)) {
                unknown.add(where + ": " + token);
            }
        }
        return found;
    }

    @Test
    void everyTextColourMeetsAaContrastOnTheBackgroundsItIsUsedOn() {
        Map<String, String> tokens = tokens();
        List<String> failures = new ArrayList<>();
        for (List<String> pair : TEXT_PAIRS) {
            check(tokens, pair.get(0), pair.get(1), 4.5, "declared pair", failures);
        }
        for (String text : TEXT_ANYWHERE) {
            for (String background : TINTS) {
                check(tokens, text, background, 4.5, "text that appears on any tint", failures);
            }
        }
        for (List<String> pair : NON_TEXT_PAIRS) {
            check(tokens, pair.get(0), pair.get(1), 3.0, "non-text pair", failures);
        }
        Matcher rules = RULE.matcher(withoutComments(read(STYLES)).replaceAll("@media[^{]*\\{", ""));
        Pattern color = Pattern.compile("(?<![-\\w])color\\s*:\\s*var\\((--[\\w-]+)\\)");
        Pattern background = Pattern.compile("(?<![-\\w])background(?:-color)?\\s*:\\s*var\\((--[\\w-]+)\\)");
        int derived = 0;
        while (rules.find()) {
            Matcher c = color.matcher(rules.group(2));
            Matcher b = background.matcher(rules.group(2));
            if (c.find() && b.find()) {
                derived++;
                check(tokens, c.group(1), b.group(1), 4.5, "rule " + rules.group(1).strip(), failures);
            }
        }
        assertThat(derived).as("rules that set a text colour on a background").isGreaterThan(10);
        assertThat(failures).isEmpty();
    }

    @Test
    void contrastIsComputedAsWcagDefinesIt() {
        assertThat(contrast("#000000", "#ffffff")).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(contrast("#767676", "#ffffff")).isCloseTo(4.54, org.assertj.core.data.Offset.offset(0.01));
        assertThat(contrast("#ffffff", "#ffffff")).isEqualTo(1.0);
    }

    private static void check(Map<String, String> tokens, String text, String background, double least, String where,
            List<String> failures) {
        String t = tokens.get(text);
        String b = tokens.get(background);
        if (t == null || b == null) {
            failures.add(where + ": " + text + " or " + background + " is not a token");
            return;
        }
        if (!t.startsWith("#") || !b.startsWith("#")) {
            failures.add(where + ": " + text + " on " + background + " is not a plain colour (" + t + " on " + b + ")");
            return;
        }
        double ratio = contrast(t, b);
        if (ratio < least) {
            failures.add(String.format("%s: %s (%s) on %s (%s) is %.2f:1, below %.1f:1", where, text, t, background, b,
                    ratio, least));
        }
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        String h = hex.substring(1);
        if (h.length() == 3) {
            h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    private static Map<String, String> tokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        Matcher m = DECLARATION.matcher(withoutComments(read(TOKENS)));
        while (m.find()) {
            tokens.put(m.group(1), m.group(2).strip().toLowerCase(java.util.Locale.ROOT));
        }
        return tokens;
    }

    private static String withoutComments(String css) {
        // keeps the line breaks of a comment so that line numbers stay right
        return Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL).matcher(css)
                .replaceAll(r -> r.group().replaceAll("[^\\n]", " "));
    }

    private static String withoutStrings(String css) {
        return css.replaceAll("\"[^\"\\n]*\"", "\"\"");
    }

    private static String read(String resource) {
        try (InputStream in = DesignTokensTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
