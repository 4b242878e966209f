package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.dicas.support.EnglishInJapanese;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * A Japanese caller never reads a library's or the server's English: a fault of ours (an exception nothing turned
 * into bad input) is a 500 whose title and detail are in the caller's language, and a refusal Spring words itself
 * without a message of ours says so in a sentence of the bundles, the library's text going to the log only.
 */
class ApiProblemsWithoutLibraryTextTest {

    final ApiProblems problems = new ApiProblems();

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aFaultOfOursIsA500InTheCallersLanguageNotTheExceptionsText() throws Exception {
        ResponseEntity<ProblemDetail> ja = problems.fault(new IllegalStateException("No value present"),
                Locale.JAPANESE);
        assertThat(ja.getStatusCode().value()).isEqualTo(500);
        assertThat(ja.getBody().getTitle()).isEqualTo("システムエラーが発生しました");
        assertThat(ja.getBody().getDetail()).startsWith("システム側でエラーが発生しました").doesNotContain("No value");
        assertThat(ja.getBody().getProperties()).containsEntry("messageKey", "problem.internal");

        ResponseEntity<ProblemDetail> en = problems.fault(new IllegalStateException("No value present"),
                Locale.ENGLISH);
        assertThat(en.getBody().getDetail()).startsWith("Something went wrong on our side");
    }

    @Test
    void aRefusalSpringWordsInEnglishOnlyIsASentenceOfOurs() throws Exception {
        LocaleContextHolder.setLocale(Locale.JAPANESE);
        ResponseEntity<Object> r = problems.handleException(
                new ServletRequestBindingException("Missing cookie 'session' for method parameter"),
                new ServletWebRequest(new MockHttpServletRequest("GET", "/api/v1/me")));
        ProblemDetail p = (ProblemDetail) r.getBody();
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(p.getDetail()).isEqualTo("この要求には応じられません。");
        assertThat(p.getTitle()).doesNotContain("Bad Request");
        assertThat(EnglishInJapanese.runs(p.getTitle() + " " + p.getDetail())).isEmpty();
    }
}
