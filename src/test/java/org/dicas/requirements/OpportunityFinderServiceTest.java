package org.dicas.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.dicas.PlatformTest;
import org.dicas.requirements.engine.LearningCurve;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.NotFoundException;
import org.dicas.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The finder over what each user may read: the Japanese user sees the English/Japanese GPI pair flagged, never a
 * requirement they cannot read (a U.S. NOFORN twin of a Japanese requirement), the savings are the learning curve's,
 * the pair page shows both nations' fiscal years, and a new requirement is found without a restart.
 */
@PlatformTest
class OpportunityFinderServiceTest {

    static final String GPI_US = "Glide Phase Interceptor (GPI) against hypersonic glide vehicles";
    static final String GPI_JP = "滑空段階迎撃用誘導弾（GPI）の日米共同開発・取得";

    @LocalServerPort
    int port;
    @Autowired
    OpportunityFinderService finder;
    @Autowired
    Requirements requirements;
    @Autowired
    Directory directory;

    DicasUser jp;
    DicasUser us;
    long gpiUs;
    long gpiJp;

    @BeforeEach
    void setUp() {
        jp = directory.userByUsername("jp.atla").orElseThrow();
        us = directory.userByUsername("us.acq").orElseThrow();
        gpiUs = id(us, GPI_US);
        gpiJp = id(jp, GPI_JP);
    }

    long id(DicasUser user, String title) {
        return requirements.readable(user).stream().filter(r -> title.equals(r.titleEn()) || title.equals(r.titleJa()))
                .findFirst().orElseThrow().id();
    }

    @Test
    void japaneseUserSeesTheEnglishJapaneseGpiPairFlagged() {
        List<OpportunityFinderService.Match> matches = finder.matches(jp, gpiJp, 20);
        OpportunityFinderService.Match m = matches.stream().filter(x -> x.requirementId() == gpiUs).findFirst()
                .orElseThrow();
        assertThat(m.opportunity()).isTrue();
        assertThat(m.nation()).isEqualTo("USA");
        // nothing but a glide-phase interceptor ranks above the U.S. GPI need: other tests in the shared context add
        // their own GPI requirements (exact copies, an imported spreadsheet's row), which may tie with it or lead
        assertThat(matches.subList(0, matches.indexOf(m))).as("ranked above the U.S. GPI requirement")
                .allMatch(x -> x.title().toLowerCase(java.util.Locale.ROOT).contains("glide phase interceptor"));
        assertThat(m.explanation().matchedTerms()).as("a concept matched across languages")
                .anyMatch(t -> t.isConcept() && !t.english().isEmpty() && !t.japanese().isEmpty());
        assertThat(matches).allMatch(x -> !x.nation().equals("JPN"));

        OpportunityFinderService.Overview o = finder.overview(jp);
        assertThat(o.pairs()).anyMatch(p -> List.of(p.a().requirementId(), p.b().requirementId())
                .containsAll(List.of(gpiUs, gpiJp)));
        assertThat(o.requirements()).isEqualTo(requirements.readable(jp).size());
    }

    @Test
    void aRequirementTheUserCannotReadIsNeverACandidate() {
        Requirement twin = requirements.create(us, new RequirementCommand(null, "MDA", "MISSILE_DEFENSE.INTERCEPTOR",
                "Glide phase interceptor co-development and acquisition (U.S. eyes only)", "",
                "Acquire a glide phase interceptor (GPI) against hypersonic glide vehicles by 2033, developed "
                        + "cooperatively; the partner leads rocket motors and propulsion.", "", 16,
                LocalDate.of(2033, 3, 31),
                "VALIDATED", "CUI//NOFORN"));
        assertThat(finder.matches(us, gpiJp, 10)).as("the U.S. user does see it (the test can fail)")
                .anyMatch(x -> x.requirementId() == twin.id());

        assertThat(finder.matches(jp, gpiJp, OpportunityFinderService.MAX_TOP))
                .noneMatch(x -> x.requirementId() == twin.id());
        assertThat(finder.overview(jp).pairs()).noneMatch(p -> p.a().requirementId() == twin.id()
                || p.b().requirementId() == twin.id());
        assertThat(finder.overview(jp).groups()).allMatch(g -> g.members().stream()
                .noneMatch(x -> x.requirementId() == twin.id()));
        assertThatThrownBy(() -> finder.matches(jp, twin.id(), 5)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> finder.pair(jp, gpiJp, twin.id(), 1, 0.85)).isInstanceOf(NotFoundException.class);
        Http http = new Http(port);
        String token = http.token("jp.atla", "demo");
        assertThat(http.get("/api/v1/requirements/" + twin.id() + "/matches", token).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/requirements/" + gpiJp + "/matches?top=50", token).body())
                .doesNotContain("U.S. eyes only");
        assertThat(http.get("/api/v1/opportunities/pair?a=" + gpiJp + "&b=" + twin.id(), token).status())
                .isEqualTo(404);
    }

    @Test
    void savingsAreTheLearningCurvesAndTheCurveIsValidated() {
        OpportunityFinderService.PairView p = finder.pair(jp, gpiUs, gpiJp, 20.0, 0.9);
        LearningCurve curve = new LearningCurve(20.0, 0.9);
        assertThat(p.quantityA()).isEqualTo(24);
        assertThat(p.quantityB()).isEqualTo(16);
        assertThat(p.savings()).isCloseTo(curve.savings(24, 16), within(1e-9));
        assertThat(p.separateCost()).isCloseTo(curve.cost(24) + curve.cost(16), within(1e-9));
        assertThat(p.combinedCost()).isCloseTo(curve.cost(40), within(1e-9));
        assertThat(p.savings()).isPositive();
        assertThat(finder.pair(jp, gpiUs, gpiJp, 20.0, 1.0).savings()).as("no learning, no savings")
                .isCloseTo(0.0, within(1e-6));
        assertThatThrownBy(() -> finder.pair(jp, gpiUs, gpiJp, 20.0, 1.2))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("learningRate"));
        assertThatThrownBy(() -> finder.pair(jp, gpiUs, gpiJp, 0, 0.85))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("firstUnitCost"));

        Http http = new Http(port);
        String token = http.token("jp.atla", "demo");
        JsonNode api = http.get("/api/v1/opportunities/pair?a=" + gpiUs + "&b=" + gpiJp
                + "&firstUnitCost=20&learningRate=0.9", token).json();
        assertThat(api.get("savings").asDouble()).isCloseTo(curve.savings(24, 16), within(1e-6));
        assertThat(api.get("opportunity").asBoolean()).isTrue();
        var bad = http.get("/api/v1/opportunities/pair?a=" + gpiUs + "&b=" + gpiJp + "&learningRate=0", token);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("learningRate");
    }

    @Test
    void pairPageShowsBothFiscalYearsAndTheCurveForm() {
        Http browser = new Http(port).signIn("jp.atla", "demo");
        var page = browser.get("/opportunities/pair?a=" + gpiUs + "&b=" + gpiJp + "&lang=en", null);
        assertThat(page.status()).isEqualTo(200);
        OpportunityFinderService.PairView p = finder.pair(jp, gpiUs, gpiJp, 1, 0.85);
        assertThat(p.window()).isNotNull();
        assertThat(p.windowFiscalA()).startsWith("FY");
        assertThat(p.windowFiscalB()).startsWith("JFY");
        assertThat(page.body()).contains(p.windowFiscalA()).contains(p.windowFiscalB())
                .contains("name=\"learningRate\"").contains("CUI//REL TO USA, JPN");
        var bad = browser.get("/opportunities/pair?a=" + gpiUs + "&b=" + gpiJp + "&learningRate=2", null);
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("Learning rate LR: the learning rate LR must be in (0, 1]");
        assertThat(browser.get("/requirements/" + gpiJp + "/matches", null).status()).isEqualTo(200);
        assertThat(browser.get("/opportunities/finder", null).status()).isEqualTo(200);
        assertThat(browser.get("/opportunities", null).status()).isEqualTo(200);
        assertThat(browser.get("/leads", null).status()).isEqualTo(200);
    }
}
