package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.dicas.shared.ExpectedVersion;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;

/**
 * Structure, not convention: every handler that changes an existing record — each PUT, PATCH and DELETE, and each
 * form post that edits, deletes, detaches or unpins — takes an {@link ExpectedVersion}, so it cannot run without the
 * version the change was made against (428 when missing, 412 when stale). A new handler without it fails here.
 */
class EveryChangeNamesAVersionTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.dicas");

    /**
     * Changes that are not changes of a record: signing out revokes the caller's own token; a user's own e-mail choice
     * is their setting (last write wins, like the language and time zone on /settings), not a marked record.
     */
    static final Set<String> NOT_RECORD_CHANGES = Set.of("org.dicas.security.internal.AuthApi.revoke",
            "org.dicas.notifications.internal.NoticeMailApi.put");

    static final List<String> EDITING_FORM_POSTS = List.of("/edit", "/delete", "/detach", "/unpin", "/minutes");

    @Test
    void everyHandlerThatChangesARecordTakesTheVersionItWasMadeAgainst() {
        List<String> changing = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (var c : CLASSES) {
            for (JavaMethod m : c.getMethods()) {
                boolean change = m.isAnnotatedWith(PutMapping.class) || m.isAnnotatedWith(PatchMapping.class)
                        || m.isAnnotatedWith(DeleteMapping.class);
                if (!change && m.isAnnotatedWith(PostMapping.class)) {
                    PostMapping post = m.getAnnotationOfType(PostMapping.class);
                    change = Arrays.stream(post.value()).anyMatch(p -> EDITING_FORM_POSTS.stream().anyMatch(p::endsWith));
                }
                String name = c.getName() + "." + m.getName();
                if (!change || NOT_RECORD_CHANGES.contains(name)) {
                    continue;
                }
                changing.add(name);
                if (m.getRawParameterTypes().stream().noneMatch(t -> t.isEquivalentTo(ExpectedVersion.class))) {
                    missing.add(name);
                }
            }
        }
        assertThat(changing).as("handlers found: the scan sees the controllers").hasSizeGreaterThan(25);
        assertThat(missing).isEmpty();
    }
}
