package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.dicas.shared.MarkedList;
import org.dicas.shared.Paging;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Every JSON list the API returns is a {@link MarkedList} ({@code {"marking", "page", "size", "total", "items"}}): no
 * GET under {@code /api/v1} answers with a bare collection, except lists of things that are not marked records (named
 * here), and every list is paged (takes a {@link Paging}). A new list endpoint that forgets the envelope or the
 * paging fails this test; {@code ApiListsArePagedTest} asks each of them over HTTP.
 */
class ApiListsAreMarkedTest {

    /** Lists of unmarked things: export authorizations, audit entries, user accounts (admin and officers only). */
    static final Set<String> UNMARKED = Set.of("org.dicas.security.ExportAuthorization",
            "org.dicas.security.AuditLog$Entry", "org.dicas.security.internal.UserAdministration$Account");

    record Endpoint(String path, Method method) {
        Type body() {
            Type t = method.getGenericReturnType();
            if (t instanceof ParameterizedType p && p.getRawType() == ResponseEntity.class) {
                return p.getActualTypeArguments()[0];
            }
            return t;
        }

        @Override
        public String toString() {
            return "GET " + path + " (" + method.getDeclaringClass().getSimpleName() + "." + method.getName() + ")";
        }
    }

    static List<Endpoint> jsonGets() {
        List<Endpoint> out = new ArrayList<>();
        for (JavaClass jc : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.dicas")) {
            Class<?> c = jc.reflect();
            RequestMapping base = AnnotatedElementUtils.findMergedAnnotation(c, RequestMapping.class);
            String prefix = base == null || base.path().length == 0 ? "" : base.path()[0];
            boolean classJson = AnnotatedElementUtils.hasAnnotation(c, ResponseBody.class);
            for (Method m : c.getDeclaredMethods()) {
                GetMapping get = AnnotatedElementUtils.findMergedAnnotation(m, GetMapping.class);
                if (get == null || !(classJson || AnnotatedElementUtils.hasAnnotation(m, ResponseBody.class)
                        || ResponseEntity.class.isAssignableFrom(m.getReturnType()))) {
                    continue;
                }
                String path = prefix + (get.path().length == 0 ? "" : get.path()[0]);
                if (path.startsWith("/api/")) {
                    out.add(new Endpoint(path, m));
                }
            }
        }
        return out;
    }

    static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        return t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : Object.class;
    }

    static String element(Type t) {
        if (raw(t).isArray()) {
            return raw(t).getComponentType().getName();
        }
        Type e = ((ParameterizedType) t).getActualTypeArguments()[0];
        return raw(e).getName();
    }

    @Test
    void noApiListIsABareArrayOfMarkedRecords() {
        List<Endpoint> gets = jsonGets();
        List<String> bare = new ArrayList<>();
        int enveloped = 0;
        for (Endpoint e : gets) {
            Class<?> body = raw(e.body());
            if (body == MarkedList.class) {
                enveloped++;
            } else if ((Collection.class.isAssignableFrom(body) || body.isArray())
                    && !UNMARKED.contains(element(e.body()))) {
                bare.add(e + " returns a bare list of " + element(e.body()));
            }
        }
        assertThat(bare).as("return MarkedList.page(items, Item::marking)").isEmpty();
        assertThat(gets).extracting(Endpoint::path).contains("/api/v1/notifications", "/api/v1/documents",
                "/api/v1/sosa/requests", "/api/v1/search");
        assertThat(enveloped).as("list endpoints found").isGreaterThanOrEqualTo(20);
    }

    /** The marked lists of the API, found in the code. */
    static List<Endpoint> markedLists() {
        return jsonGets().stream().filter(e -> raw(e.body()) == MarkedList.class).toList();
    }

    static List<String> unpaged(List<Endpoint> lists) {
        return lists.stream()
                .filter(e -> Arrays.stream(e.method().getParameterTypes()).noneMatch(t -> t == Paging.class))
                .map(e -> e + " takes no Paging").toList();
    }

    @Test
    void everyApiListIsPaged() {
        assertThat(unpaged(markedLists())).as("add a Paging parameter and return MarkedList.page(...)").isEmpty();
        assertThat(markedLists()).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void aListWithoutPagingIsCaught() throws NoSuchMethodException {
        Endpoint unpaged = new Endpoint("/api/v1/x", Lists.class.getDeclaredMethod("unpaged"));
        Endpoint paged = new Endpoint("/api/v1/y", Lists.class.getDeclaredMethod("paged", Paging.class));
        assertThat(unpaged(List.of(unpaged, paged))).containsExactly(unpaged + " takes no Paging");
    }

    /** A list endpoint as it must not be written, and as it must. */
    static class Lists {
        MarkedList<Object> unpaged() {
            return null;
        }

        MarkedList<Object> paged(Paging paging) {
            return null;
        }
    }
}
