package org.dicas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The marking picker of every form (issue 15, point 1): the fragment offers the platform's nations and the author's
 * own need-to-know groups, starts at the banner it is given, and its preview asks the server — the grammar names
 * what is wrong in the reader's language, the releasability policy says when the author could not read the record back.
 */
@PlatformTest
class MarkingPickerPagesTest {

    @LocalServerPort
    int port;

    private static String preview(Http web, String banner) {
        var r = web.get("/markings/preview?marking=" + java.net.URLEncoder.encode(banner, java.nio.charset.StandardCharsets.UTF_8), null);
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    @Test
    void theDocumentFormOffersThePickerWithThePlatformsNationsAndOnlyTheAuthorsGroups() {
        Http web = new Http(port).signIn("us.policy", "demo");
        String page = web.get("/documents/new", null).body();
        assertThat(page).contains("data-marking-field=\"marking\"", "name=\"marking\"", "<legend>Build the marking</legend>",
                "<legend>Level</legend>", "id=\"marking-level-CUI\"", "id=\"marking-release-NOFORN\"",
                "id=\"marking-nation-JPN\"", "id=\"marking-nation-AUS\"", "id=\"marking-group-PLENARY\"",
                "id=\"marking-propin\"", "id=\"marking-regime\"", "Type the banner instead",
                "hx-get=\"/markings/preview?field=marking\"", "/js/marking-picker.js");
        // us.policy is in PLENARY only: another group is not offered
        assertThat(page).doesNotContain("marking-group-WG-SHIP");
        // the picker is hidden until the script shows it: without script, the banner field alone
        assertThat(page).containsPattern("<fieldset class=\"marking-picker\" id=\"marking-picker\" hidden>");
        // its controls are never submitted with the form: no name but the radios', whose form does not exist
        var radios = Pattern.compile("<input[^>]*name=\"marking-(level|release)\"[^>]*>").matcher(page).results()
                .map(m -> m.group()).toList();
        assertThat(radios).hasSize(6).allMatch(tag -> tag.contains("form=\"marking-picker-unsubmitted\""));
        assertThat(page).doesNotContainPattern("<input[^>]*data-part=\"(nation|group|propin|reference)\"[^>]*name=");
        assertThat(page).doesNotContain("<script>").doesNotContain("style=\"");
    }

    @Test
    void theJapaneseFormLabelsThePickerInJapanese() {
        Http web = new Http(port).inLanguage("ja").signIn("jp.atla", "demo");
        String page = web.get("/documents/new", null).body();
        assertThat(page).contains("<legend>区分表示の作成</legend>", "<legend>区分の段階</legend>", "バナーを直接入力する",
                "米国", "先進ミサイル共同生産作業部会");
        // the author's own nation comes first among the REL TO nations
        assertThat(page.indexOf("marking-nation-JPN")).isLessThan(page.indexOf("marking-nation-AUS"));
    }

    @Test
    void aBannerTypedWrongComesBackInTypingModeWithItsProblemAndNothingIsSaved() {
        Http web = new Http(port).signIn("us.acq", "demo");
        String form = web.get("/documents/new", null).body();
        var r = web.form("/documents", Http.csrf(form), Map.of("title", "Picker typed wrong", "body", "b",
                "marking", "CUI//REL TO USA,JPN"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("data-typed=\"true\"", "value=\"CUI//REL TO USA,JPN\"",
                "This banner is not valid: REL TO entry &#39;USA,JPN&#39; is malformed");
        assertThat(web.get("/documents", null).body()).doesNotContain("Picker typed wrong");
    }

    @Test
    void aValidBannerStartsThePickerAtItsParts() {
        Http web = new Http(port).signIn("us.acq", "demo");
        String form = web.get("/documents/new", null).body();
        var r = web.form("/documents", Http.csrf(form), Map.of("title", "", "body", "b",
                "marking", "CUI//REL TO USA, JPN//GROUP WG-SHIP//EXPORT ITAR USML-IV"));
        assertThat(r.status()).isEqualTo(200);
        String page = r.body();
        assertThat(page).contains("data-typed=\"false\"");
        assertThat(page).containsPattern("id=\"marking-level-CUI\"[^>]*checked");
        assertThat(page).containsPattern("id=\"marking-release-REL_TO\"[^>]*checked");
        assertThat(page).containsPattern("id=\"marking-nation-JPN\"[^>]*checked");
        assertThat(page).doesNotContainPattern("id=\"marking-nation-AUS\"[^>]*checked");
        assertThat(page).containsPattern("id=\"marking-group-WG-SHIP\"[^>]*checked");
        assertThat(page).containsPattern("<option value=\"ITAR\" selected");
        assertThat(page).contains("value=\"USML-IV\"");
    }

    @Test
    void aReadableMarkingIsPreviewedAsItsBannerWithoutWarning() {
        Http web = new Http(port).signIn("us.acq", "demo");
        String body = preview(web, "CUI//REL TO USA, JPN");
        assertThat(body).contains("marking-preview-banner banner banner-cui", ">CUI//REL TO USA, JPN<",
                "data-valid=\"true\"", "data-nations=\"USA JPN\"", "data-release=\"REL_TO\"");
        assertThat(body).doesNotContain("could not read back").doesNotContain("role=\"alert\"");
    }

    @Test
    void aMarkingOfAGroupTheAuthorIsNotInWarnsThatTheyCouldNotReadItBack() {
        Http web = new Http(port).signIn("us.policy", "demo");
        String body = preview(web, "CUI//GROUP WG-SHIP");
        assertThat(body).contains("role=\"alert\"",
                "You could not read back a record marked CUI//GROUP WG-SHIP: saving it will be refused.",
                "you belong to none of its need-to-know groups (WG-SHIP)");
        assertThat(body).doesNotContain("is above your access level");
    }

    @Test
    void aMarkingAboveTheAuthorsAccessLevelWarnsInTheirLanguage() {
        Http web = new Http(port).signIn("us.industry", "demo");
        assertThat(preview(web, "CUI")).contains(
                "its level, CUI (controlled unclassified information), is above your access level, Unclassified");
        Http ja = new Http(port).inLanguage("ja").signIn("us.industry", "demo");
        assertThat(preview(ja, "CUI//GROUP WG-AIR")).contains("区分表示「CUI//GROUP WG-AIR」の記録はあなた自身が閲覧できない",
                "アクセスレベル", "知る必要性グループ（WG-AIR）");
    }

    @Test
    void aMalformedBannerNamesTheProblemInTheReadersLanguage() {
        Http en = new Http(port).signIn("us.acq", "demo");
        String body = preview(en, "CUI//PROPIN//NOFORN");
        assertThat(body).contains("data-valid=\"false\"", "role=\"alert\"",
                "This banner is not valid: controls must be in the order NOFORN, REL TO, GROUP, PROPIN, EXPORT: NOFORN comes after PROPIN");
        Http ja = new Http(port).inLanguage("ja").signIn("jp.atla", "demo");
        assertThat(preview(ja, "SECRET")).contains("このバナーは有効ではありません：")
                .doesNotContain("This banner is not valid");
    }

    @Test
    void aBlankBannerAsksForALevel() {
        Http web = new Http(port).signIn("us.acq", "demo");
        assertThat(preview(web, " ")).contains("Choose a level to build the marking.").doesNotContain("role=\"alert\"");
    }

    @Test
    void thePreviewIsForSignedInUsersOnly() {
        var r = new Http(port).get("/markings/preview?marking=CUI", null);
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).endsWith("/login");
    }

    /** Every marking a person chooses on a page comes from the one fragment: no form types its own marking input. */
    @Test
    void noTemplateTypesAMarkingInputByHand() throws IOException {
        Pattern handTyped = Pattern.compile("<input(?![^>]*type=\"hidden\")[^>]*name=\"(marking|\\w*Marking)\"");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            offenders = files.filter(p -> p.toString().endsWith(".html"))
                    .filter(p -> !p.endsWith(Path.of("fragments", "layout.html")))
                    .filter(p -> {
                        try {
                            return handTyped.matcher(Files.readString(p)).find();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString).toList();
        }
        assertThat(offenders).isEmpty();
    }
}
