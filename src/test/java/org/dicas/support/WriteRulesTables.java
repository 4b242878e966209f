package org.dicas.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dicas.security.DicasUser;
import org.dicas.security.OrganizationKind;
import org.dicas.security.Role;
import org.dicas.security.WriteDecision;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.NationCode;
import org.junit.jupiter.params.provider.Arguments;
import org.springframework.security.access.AccessDeniedException;

/**
 * The people and rows of the forum's, programs' and requirements' write-rule tables, the check of one row
 * ({@link RuleTable#assertDecision} and what {@link WriteDecision#orThrow()} then does), and the checks that keep a
 * table complete: every rule method has rows, every refusal code has a row and a message in English and Japanese.
 */
public final class WriteRulesTables {

    private WriteRulesTables() {
    }

    public static DicasUser user(long id, String name, String nation, OrganizationKind kind, Role role) {
        return new DicasUser(id, name, name, NationCode.of(nation), 100 + id, "org of " + name, kind, AccessLevel.CUI,
                Set.of(role), Set.of(), Optional.empty());
    }

    public static final DicasUser US_ACQ = user(1, "us.acq", "USA", OrganizationKind.GOVERNMENT, Role.ACQUISITION);
    public static final DicasUser US_NAVY = user(2, "us.navy", "USA", OrganizationKind.MILITARY_SERVICE, Role.SERVICE);
    public static final DicasUser JP_ATLA = user(3, "jp.atla", "JPN", OrganizationKind.GOVERNMENT, Role.ACQUISITION);
    public static final DicasUser AU_DOD = user(4, "au.dod", "AUS", OrganizationKind.GOVERNMENT, Role.POLICY);
    public static final DicasUser US_INDUSTRY = user(5, "us.industry", "USA", OrganizationKind.COMPANY, Role.INDUSTRY);
    public static final DicasUser JP_INDUSTRY = user(6, "jp.industry", "JPN", OrganizationKind.COMPANY, Role.INDUSTRY);
    /** The secretariat: the ADMIN role in a government organization. */
    public static final DicasUser SECRETARIAT = user(7, "admin", "USA", OrganizationKind.GOVERNMENT, Role.ADMIN);
    /** The ADMIN role outside government (an association): the role, not the organization, makes the secretariat. */
    public static final DicasUser ADMIN_OF_ASSOCIATION = user(8, "assoc.admin", "GBR", OrganizationKind.ASSOCIATION,
            Role.ADMIN);
    /** Someone of an association without any special role: neither government nor industry. */
    public static final DicasUser ASSOCIATION = user(9, "assoc.member", "GBR", OrganizationKind.ASSOCIATION, Role.POLICY);

    /** One row: which rule, in what situation, for whom, the decision, and the expected code ({@link RuleTable#ALLOWED}). */
    public static Arguments row(String rule, String situation, DicasUser user, Function<DicasUser, WriteDecision> decide,
                                String expected) {
        return Arguments.of(rule, situation, user.username(), user, decide, expected);
    }

    /** The decision of one row: as expected, and a rejection is a 403 naming its reason when enforced. */
    public static void assertDecides(WriteDecision d, String expected) {
        RuleTable.assertDecision(d, expected);
        if (d.allowed()) {
            assertThatCode(d::orThrow).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(d::orThrow).isInstanceOf(AccessDeniedException.class).hasMessage(d.reason());
        }
    }

    /** Every public rule of the class (a method answering a {@link WriteDecision}) is named by some row. */
    public static void assertEveryRuleHasRows(Class<?> rules, Stream<Arguments> table) {
        Set<String> named = table.map(a -> (String) a.get()[0]).collect(Collectors.toCollection(TreeSet::new));
        Set<String> methods = Arrays.stream(rules.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getReturnType() == WriteDecision.class)
                .map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(methods).as("rules of " + rules.getSimpleName()).isNotEmpty();
        assertThat(named).as("rules named by the table's rows").containsExactlyElementsOf(methods);
    }

    /**
     * Every refusal code the class declares (its public static final String constants) is expected by some row and
     * is a message in both bundles, so a page can say it in the reader's language.
     */
    public static void assertEveryCodeHasRowsAndMessages(Class<?> rules, Stream<Arguments> table) throws IOException {
        List<String> codes = Arrays.stream(rules.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && Modifier.isPublic(f.getModifiers())
                        && f.getType() == String.class)
                .map(WriteRulesTables::value).toList();
        assertThat(codes).as("codes of " + rules.getSimpleName()).isNotEmpty().allMatch(c -> c.startsWith("rule."));
        Set<String> expected = table.map(a -> (String) a.get()[5]).collect(Collectors.toSet());
        assertThat(expected).as("codes the table expects").containsAll(codes);
        Properties en = bundle("messages.properties");
        Properties ja = bundle("messages_ja.properties");
        for (String code : codes) {
            assertThat(en.getProperty(code)).as("English message " + code).isNotBlank();
            assertThat(ja.getProperty(code)).as("Japanese message " + code).isNotBlank().isNotEqualTo(en.getProperty(code));
        }
    }

    private static String value(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = WriteRulesTables.class.getResourceAsStream("/messages/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
