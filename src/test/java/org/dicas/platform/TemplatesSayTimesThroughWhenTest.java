package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pages say dates and times through {@code #when} only (the reader's language and zone, with the zone's label). The
 * test reads every template: it fails on Thymeleaf's own formatters ({@code #temporals}, {@code #dates},
 * {@code #calendars}), and on a date or a moment of the domain (an accessor of a record whose value is a date or a
 * moment: {@code createdAt()}, {@code dueDate()} …) printed by a text attribute outside a {@code #when} call — a
 * {@code LocalDate} printed as is reads 2024-06-10 to a Japanese official, an {@code Instant} is UTC without a label.
 * Machine attributes ({@code th:datetime}, {@code th:value} of date inputs) keep ISO values and are not checked.
 */
class TemplatesSayTimesThroughWhenTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Path CLASSES = Path.of("target/classes");

    /** Attributes whose value people read. */
    static final Pattern TEXT_ATTRIBUTE = Pattern.compile(
            "th:(text|utext|title|alt|placeholder|aria-label|attr|content)=\"([^\"]*)\"");
    /** Names some record uses for a non-date, but which every template uses for a date. */
    static final Set<String> CHECKED_THOUGH_SHARED = Set.of("date", "due", "needBy", "start", "end", "finish",
            "horizonStart", "horizonEnd");
    static final Pattern OWN_FORMATTERS = Pattern.compile("#(temporals|dates|calendars)\\.");

    @Test
    void noTemplateUsesThymeleafsOwnDateFormatters() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path template : templates()) {
            List<String> lines = Files.readAllLines(template);
            for (int i = 0; i < lines.size(); i++) {
                if (OWN_FORMATTERS.matcher(lines.get(i)).find()) {
                    found.add(TEMPLATES.relativize(template) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertThat(found).as("format dates and times with #when (the reader's zone and language)").isEmpty();
    }

    @Test
    void noTemplatePrintsADateOrAMomentAroundWhen() throws IOException {
        Set<String> temporalAccessors = temporalAccessors();
        assertThat(temporalAccessors).as("the domain's date and time accessors were found")
                .contains("createdAt", "dueDate", "startsAt");
        Pattern accessor = accessorPrinted(temporalAccessors);
        List<String> found = new ArrayList<>();
        for (Path template : templates()) {
            List<String> lines = Files.readAllLines(template);
            for (int i = 0; i < lines.size(); i++) {
                Matcher attribute = TEXT_ATTRIBUTE.matcher(lines.get(i));
                while (attribute.find()) {
                    Matcher printed = accessor.matcher(withoutWhenCalls(attribute.group(2)));
                    if (printed.find()) {
                        found.add(TEMPLATES.relativize(template) + ":" + (i + 1) + ": " + printed.group(1)
                                + "() in " + attribute.group());
                    }
                }
            }
        }
        assertThat(found).as("print dates and times through #when.date / #when.dateTime").isEmpty();
    }

    /**
     * Java writes a date or a time for people through {@code TimeText} / {@code ReaderTime} too: a pattern of its own
     * ({@code DateTimeFormatter.ofPattern}, {@code SimpleDateFormat}) is allowed only where the format is a machine's
     * (the iCalendar file) or where text is read, not written (a feed's dates).
     */
    @Test
    void noJavaCodeFormatsADateForPeopleAroundTheFormatter() throws IOException {
        Set<String> machineFormats = Set.of("org/dicas/shared/TimeText.java", "org/dicas/forum/MeetingCalendar.java",
                "org/dicas/requirements/internal/FeedParser.java");
        Pattern ownPattern = Pattern.compile("DateTimeFormatter\\.ofPattern|SimpleDateFormat|DateTimeFormatter\\.ofLocalized"
                + "|String\\.format\\([^)]*%t");
        Path sources = Path.of("src/main/java");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String relative = sources.relativize(file).toString().replace('\\', '/');
                if (machineFormats.contains(relative)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (ownPattern.matcher(lines.get(i)).find()) {
                        found.add(relative + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(found).as("say dates and times for people with TimeText / ReaderTime").isEmpty();
    }

    @Test
    void theCheckSeesAMomentPrintedAroundWhenAndAcceptsOneInsideIt() {
        Pattern accessor = accessorPrinted(Set.of("createdAt", "dueDate"));
        assertThat(accessor.matcher(withoutWhenCalls("${a.dueDate() == null} ? '-' : ${#when.date(a.dueDate())}"))
                .find()).isFalse();
        assertThat(accessor.matcher(withoutWhenCalls("${a.title()} + ' ' + ${a.dueDate()}")).find()).isTrue();
        assertThat(accessor.matcher(withoutWhenCalls(
                "#{x(${#when.dateTime(n.createdAt())}, ${#when.date(a.dueDate() ?: b.dueDate())})}")).find()).isFalse();
    }

    /** A call of one of the accessors that is not a null check. */
    static Pattern accessorPrinted(Set<String> names) {
        return Pattern.compile("\\.(" + String.join("|", names) + ")\\(\\)(?!\\s*[!=]=\\s*null)");
    }

    /** The expression with every {@code #when.x(...)} call (balanced parentheses) taken out. */
    static String withoutWhenCalls(String expression) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < expression.length()) {
            int call = expression.indexOf("#when.", i);
            if (call < 0) {
                out.append(expression, i, expression.length());
                break;
            }
            out.append(expression, i, call);
            int open = expression.indexOf('(', call);
            if (open < 0) {
                break;
            }
            int depth = 0;
            int j = open;
            for (; j < expression.length(); j++) {
                char c = expression.charAt(j);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    break;
                }
            }
            i = j + 1;
        }
        return out.toString();
    }

    /**
     * Names of record components and methods in our code whose value is a date or a moment, less the names some other record
     * uses for something else ({@code from()} and {@code to()} are nations in a transfer and days in a window):
     * those are checked by review, except the ones {@link #CHECKED_THOUGH_SHARED} that templates use for dates only.
     */
    static Set<String> temporalAccessors() throws IOException {
        Set<String> names = new TreeSet<>();
        Set<String> otherwise = new TreeSet<>();
        try (Stream<Path> files = Files.walk(CLASSES.resolve("org/dicas"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, TemplatesSayTimesThroughWhenTest.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                if (type.isRecord()) {
                    for (var component : type.getRecordComponents()) {
                        (temporal(component.getType()) ? names : otherwise).add(component.getName());
                    }
                    for (var method : type.getDeclaredMethods()) {
                        if (method.getParameterCount() == 0 && java.lang.reflect.Modifier.isPublic(method.getModifiers())
                                && !java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                            (temporal(method.getReturnType()) ? names : otherwise).add(method.getName());
                        }
                    }
                }
            }
        }
        otherwise.removeAll(CHECKED_THOUGH_SHARED);
        names.removeAll(otherwise);
        return names;
    }

    static boolean temporal(Class<?> type) {
        return Temporal.class.isAssignableFrom(type) || Date.class.isAssignableFrom(type);
    }

    static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }
}
