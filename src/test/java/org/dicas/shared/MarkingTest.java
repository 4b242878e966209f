package org.dicas.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MarkingTest {

    @ParameterizedTest
    @ValueSource(strings = {"PUBLIC", "UNCLASSIFIED", "CUI", "CUI//NOFORN", "CUI//REL TO USA, JPN",
            "CUI//REL TO USA, JPN//EXPORT ITAR USML-IV", "UNCLASSIFIED//GROUP WG-SHIP, PLENARY",
            "CUI//NOFORN//GROUP WG-MISSILE//PROPIN//EXPORT EAR 3A001.a", "CUI//PROPIN", "PUBLIC//EXPORT FEFTA 1-2(1)"})
    void validBannersRoundTripExactly(String banner) {
        assertThat(Marking.parse(banner).banner()).isEqualTo(banner);
    }

    static Stream<Arguments> invalidBanners() {
        return Stream.of(
                Arguments.of("", "marking is empty"),
                Arguments.of("SECRET", "unknown level 'SECRET'"),
                Arguments.of("cui", "unknown level 'cui'"),
                Arguments.of("CUI//", "empty control"),
                Arguments.of("CUI//NOFORN//REL TO USA", "NOFORN and REL TO are mutually exclusive"),
                Arguments.of("CUI//REL TO USA,JPN", "separate entries with a comma and one space"),
                Arguments.of("CUI//REL TO USA,  JPN", "separate entries"),
                Arguments.of("CUI//REL TO XXX", "'XXX' is not an ISO 3166 alpha-3 nation code"),
                Arguments.of("CUI//REL TO USA, USA", "names a nation twice"),
                Arguments.of("CUI//REL TO ", "REL TO lists nothing"),
                Arguments.of("CUI//PROPIN//NOFORN", "NOFORN comes after PROPIN"),
                Arguments.of("CUI//EXPORT ITAR", "must read EXPORT"),
                Arguments.of("CUI//EXPORT CWC X1", "unknown export regime 'CWC'"),
                Arguments.of("CUI//GROUP wg-ship", "group code 'wg-ship'"),
                Arguments.of("CUI//FOUO", "unknown control 'FOUO'"),
                Arguments.of("CUI//PROPIN//PROPIN", "PROPIN appears more than once"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("invalidBanners")
    void invalidBannersAreRejectedNamingTheProblem(String banner, String problem) {
        assertThatThrownBy(() -> Marking.parse(banner)).isInstanceOf(InvalidMarkingException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void limitedToNationsReplacesTheNationsAndKeepsTheOtherControls() {
        Marking m = Marking.parse("CUI//GROUP WG-MISSILE//PROPIN//EXPORT EAR 3A001.a");
        assertThat(m.limitedTo(List.of(NationCode.USA, NationCode.JPN)).banner())
                .isEqualTo("CUI//REL TO JPN, USA//GROUP WG-MISSILE//PROPIN//EXPORT EAR 3A001.a");
        assertThat(Marking.parse("UNCLASSIFIED//REL TO USA, JPN, AUS").limitedTo(List.of(NationCode.JPN)).banner())
                .as("one nation: NOFORN").isEqualTo("UNCLASSIFIED//NOFORN");
        assertThat(Marking.parse("PUBLIC").limitedTo(List.of()).banner()).isEqualTo("PUBLIC//NOFORN");
        assertThat(Marking.parse("CUI//NOFORN").limitedTo(List.of(NationCode.USA, NationCode.JPN, NationCode.USA))
                .banner()).isEqualTo("CUI//REL TO JPN, USA");
    }

    @Test
    void highWaterMarkIntersectsReleaseAndTakesTheHighestLevel() {
        Marking hwm = Marking.highWaterMark(List.of(Marking.parse("UNCLASSIFIED//REL TO USA, JPN, AUS"),
                Marking.parse("CUI//REL TO USA, JPN//GROUP WG-SHIP"), Marking.parse("PUBLIC//PROPIN")));
        assertThat(hwm.banner()).isEqualTo("CUI//REL TO USA, JPN//GROUP WG-SHIP//PROPIN");
    }

    @Test
    void highWaterMarkOfDisjointReleaseIsNoforn() {
        Marking hwm = Marking.highWaterMark(List.of(Marking.parse("CUI//REL TO USA, AUS"),
                Marking.parse("CUI//REL TO JPN, GBR")));
        assertThat(hwm.banner()).isEqualTo("CUI//NOFORN");
    }

    @Test
    void highWaterMarkOfNothingIsPublic() {
        assertThat(Marking.highWaterMark(List.of()).banner()).isEqualTo("PUBLIC");
    }
}
