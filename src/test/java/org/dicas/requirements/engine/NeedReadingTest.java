package org.dicas.requirements.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the engine reads what a requirement needs, beyond shared words: negated activities are not needs, the head of
 * the need outweighs what it is for, the same item for different uses is not a shared need, and a strong shared
 * subject is not vetoed by an area that incidental words produced.
 */
class NeedReadingTest {

    static RequirementProfile req(String id, String nation, String service, String title, String description,
                                  Integer quantity, String needBy) {
        return OpportunityFinderTest.req(id, nation, service, title, description, quantity, needBy);
    }

    static final List<RequirementProfile> SET = List.of(
            req("US-POD", "USA", "USAF", "Airborne electronic attack pod for fighter aircraft",
                    "Acquire a podded electronic warfare jamming capability carried externally on fighter aircraft.",
                    40, "2029-06"),
            req("JP-POD", "JPN", "航空自衛隊", "戦闘機搭載型電子戦ポッドの取得",
                    "戦闘機に搭載する電子戦ポッドを取得し、相手の防空レーダーを妨害する。", 24, "2029-03"),
            req("JP-PODR", "JPN", "航空自衛隊", "電子戦ポッドの修理及び定期整備",
                    "現有の電子戦ポッドの故障修理、定期点検及び部品交換を外注する。新規取得は含まない。", null, "2029-03"),
            req("US-BAT", "USA", "US Army", "Lithium-ion batteries for soldier radios",
                    "Rechargeable lithium-ion battery packs and chargers for dismounted soldier radios.", 50000, "2028-06"),
            req("JP-BAT", "JPN", "陸上自衛隊", "携帯無線機用リチウムイオン電池の取得",
                    "携帯無線機用の充電式リチウムイオン蓄電池を取得する。", 30000, "2028-09"),
            req("JP-SUBBAT", "JPN", "海上自衛隊", "潜水艦用リチウムイオン蓄電池の調達",
                    "たいげい型潜水艦に搭載する主蓄電池としてリチウムイオン電池を調達する。", 8, "2028-09"),
            req("JP-RADIO", "JPN", "陸上自衛隊", "携帯無線機の更新",
                    "普通科部隊に配備する携帯型の広帯域多目的無線機を更新する。", 8000, "2028-03"),
            req("US-SAT", "USA", "US Army", "Transportable protected SATCOM terminals",
                    "Procure transportable satellite communications terminals supporting anti-jam links for command posts.",
                    300, "2028-06"),
            req("JP-SAT", "JPN", "陸上自衛隊", "可搬型衛星通信装置の取得",
                    "耐妨害性を有する可搬型の衛星通信装置を取得し、指揮所間の通信を確保する。", 150, "2028-09"));

    static final OpportunityFinder FINDER = OpportunityFinder.over(SET);

    @Test
    void aNegatedAcquisitionIsNotANeedSoRepairIsNotMatchedWithABuy() {
        Assessment repair = FINDER.assess("JP-PODR", "US-POD");
        assertThat(repair.explanation().needKind()).isEqualTo("sustain");
        assertThat(repair.opportunity()).isFalse();
        assertThat(repair.explanation().summary().english()).contains("different kinds of need");
        assertThat(FINDER.assess("JP-POD", "US-POD").opportunity()).isTrue();
    }

    @Test
    void theHeadOfTheNeedOutweighsWhatItIsFor() {
        assertThat(FINDER.assess("US-BAT", "JP-BAT").opportunity()).isTrue();
        assertThat(FINDER.candidatesFor("US-BAT", 1).get(0).id()).isEqualTo("JP-BAT");
        // batteries for radios are not radios
        assertThat(FINDER.assess("US-BAT", "JP-RADIO").opportunity()).isFalse();
    }

    @Test
    void theSameItemForDifferentUsesIsNotASharedNeed() {
        Assessment a = FINDER.assess("US-BAT", "JP-SUBBAT");
        assertThat(a.opportunity()).isFalse();
        assertThat(a.explanation().summary().english()).contains("different uses");
    }

    @Test
    void incidentalWordsDoNotVetoAStrongSharedSubject() {
        Assessment pod = FINDER.assess("US-POD", "JP-POD");
        assertThat(pod.opportunity()).isTrue();
        Assessment sat = FINDER.assess("US-SAT", "JP-SAT");
        assertThat(sat.opportunity()).isTrue();
        assertThat(sat.explanation().needKind()).isEqualTo("acquire");
    }

    @Test
    void inJapaneseTheLastNounIsTheHead() {
        OpportunityFinder f = OpportunityFinder.over(List.of(
                req("JP-A", "JPN", "海上自衛隊", "潜水艦の蓄電池の更新", "たいげい型潜水艦の主蓄電池を更新する。", 8, "2028-09"),
                req("JP-B", "AUS", "陸上自衛隊", "携帯無線機の蓄電池の更新", "携帯無線機の充電式蓄電池を更新する。", 9000,
                        "2028-09"),
                req("US-C", "USA", "USN", "Submarine main storage batteries", "Replace main storage batteries on submarines.",
                        6, "2028-06")));
        assertThat(f.assess("JP-A", "JP-B").opportunity()).isFalse();
        assertThat(f.assess("JP-A", "JP-B").explanation().summary().english()).contains("different uses");
        assertThat(f.assess("JP-A", "US-C").opportunity()).isTrue();
    }

    @Test
    void partsForDifferentSystemsAreNotASharedNeed() {
        OpportunityFinder f = OpportunityFinder.over(List.of(
                req("AU-RSP", "AUS", "RAAF", "Radar spare parts", "Spare parts for ground-based air surveillance radars.",
                        null, "2028-06"),
                req("JP-FSP", "JPN", "航空自衛隊", "F-35A用補用部品の取得", "F-35A戦闘機の可動率向上のため補用部品を一括取得する。",
                        null, "2028-03"),
                req("US-FSP", "USA", "USAF", "F-35A spare parts", "Buy spare parts for the F-35A fleet.", null,
                        "2028-06")));
        Assessment different = f.assess("AU-RSP", "JP-FSP");
        assertThat(different.opportunity()).isFalse();
        assertThat(different.explanation().summary().english()).contains("for different systems");
        assertThat(f.assess("US-FSP", "JP-FSP").opportunity()).isTrue();
    }

    @Test
    void theHeadObjectOfAnAcquisitionDecidesTheAreaNotIncidentalSustainmentWords() {
        OpportunityFinder f = OpportunityFinder.over(List.of(
                req("JP-TOR", "JPN", "海自", "潜水艦用長魚雷の取得", "潜水艦搭載用の長魚雷を40発取得し、対潜能力を維持する。", 40,
                        "2027-09"),
                req("US-TOR", "USA", "USN", "Heavyweight torpedo procurement",
                        "Buy 36 submarine-launched heavyweight torpedoes to restore war reserve inventory and maintain "
                                + "readiness.", 36,
                        "2027-12")));
        Assessment a = f.assess("US-TOR", "JP-TOR");
        assertThat(a.explanation().capabilityArea()).isEqualTo("MUNITIONS.ANTI_SHIP");
        assertThat(a.explanation().needKind()).isEqualTo("acquire");
        assertThat(a.opportunity()).isTrue();
    }

    @Test
    void loiteringMunitionsAreOneConceptAcrossLanguages() {
        OpportunityFinder f = OpportunityFinder.over(List.of(
                req("JP-LM", "JPN", "陸自", "小型攻撃用無人機（滞空型弾薬）の取得", "普通科部隊用の滞空型弾薬を一式取得する。", null,
                        "2028-03"),
                req("US-LM", "USA", "USMC", "Loitering munition for infantry",
                        "Man-portable loitering munitions for rifle companies.", null, "2028-06"),
                req("US-SD", "USA", "US Army", "Small quadcopter drones", "Small reconnaissance drones for squads.", null,
                        "2028-06")));
        assertThat(f.assess("JP-LM", "US-LM").opportunity()).isTrue();
        assertThat(f.candidatesFor("JP-LM", 1).get(0).id()).isEqualTo("US-LM");
    }

    @Test
    void theFormOfTheNeedIsReadFromTheHeadOfTheTitle() {
        assertThat(Profiles.needForm("Coastal surveillance radar feasibility study", "")).isEqualTo(Profiles.NeedForm.STUDY);
        assertThat(Profiles.needForm("Study of options for a future tanker", "")).isEqualTo(Profiles.NeedForm.STUDY);
        assertThat(Profiles.needForm("沿岸監視レーダーの配置検討", "")).isEqualTo(Profiles.NeedForm.STUDY);
        // 研究 in a Japanese budget is research, not a paper study: research matches research, not a buy (§9d);
        // 研究開発 ends in a product and stays an item
        assertThat(Profiles.needForm("高出力マイクロ波兵器の研究", "")).isEqualTo(Profiles.NeedForm.RESEARCH);
        assertThat(Profiles.needForm("Directed energy weapon research and demonstration", ""))
                .isEqualTo(Profiles.NeedForm.RESEARCH);
        assertThat(Profiles.needForm("ミサイル追尾用衛星コンステレーションの研究開発", "")).isEqualTo(Profiles.NeedForm.ITEM);
        // building the capacity to make an item is not buying it
        assertThat(Profiles.needForm("暗視装置用イメージ増強管の国内生産基盤の強化", ""))
                .isEqualTo(Profiles.NeedForm.PRODUCTION_BASE);
        assertThat(Profiles.needForm("固体ロケットモーターの生産基盤強化", "")).isEqualTo(Profiles.NeedForm.PRODUCTION_BASE);
        assertThat(Profiles.needForm("Solid rocket motor second source", "")).isEqualTo(Profiles.NeedForm.PRODUCTION_BASE);
        assertThat(Profiles.needForm("Trusted gallium nitride foundry", "")).isEqualTo(Profiles.NeedForm.PRODUCTION_BASE);
        assertThat(Profiles.needForm("155mm artillery ammunition production expansion", ""))
                .isEqualTo(Profiles.NeedForm.ITEM);
        // a test chamber or a test range is a facility
        assertThat(Profiles.needForm("Thermal vacuum test chamber for satellite infrared sensors", ""))
                .isEqualTo(Profiles.NeedForm.FACILITY);
        assertThat(Profiles.needForm("誘導弾の試験場の整備", "")).isEqualTo(Profiles.NeedForm.FACILITY);
        assertThat(Profiles.needForm("Missile storage magazine and maintenance building", ""))
                .isEqualTo(Profiles.NeedForm.FACILITY);
        assertThat(Profiles.needForm("Aircraft hangars for maritime patrol aircraft", ""))
                .isEqualTo(Profiles.NeedForm.FACILITY);
        assertThat(Profiles.needForm("基地隊舎の建て替え", "")).isEqualTo(Profiles.NeedForm.FACILITY);
        assertThat(Profiles.needForm("弾薬庫の整備", "")).isEqualTo(Profiles.NeedForm.FACILITY);
        assertThat(Profiles.needForm("Combat management system software upgrade", ""))
                .isEqualTo(Profiles.NeedForm.SOFTWARE);
        assertThat(Profiles.needForm("Radio waveform update", "Software-only change to fielded radios."))
                .isEqualTo(Profiles.NeedForm.SOFTWARE);
        // a premodifier or an object after "of" does not make the form
        assertThat(Profiles.needForm("Software-defined radios", "")).isEqualTo(Profiles.NeedForm.ITEM);
        // buying a software product is buying an item; only a change to fielded systems is a software need
        assertThat(Profiles.needForm("Mission planning software", "")).isEqualTo(Profiles.NeedForm.ITEM);
        assertThat(Profiles.needForm("Hydrographic survey", "")).isEqualTo(Profiles.NeedForm.ITEM);
        assertThat(Profiles.needForm("Additive manufacturing of spare parts at depots", ""))
                .isEqualTo(Profiles.NeedForm.ITEM);
        assertThat(Profiles.needForm("Refit of frigates at a commercial dock", "")).isEqualTo(Profiles.NeedForm.ITEM);
    }

    @Test
    void aStudyAFacilityOrASoftwareUpdateIsNotTheItemItIsAbout() {
        OpportunityFinder f = OpportunityFinder.over(List.of(
                req("US-ST", "USA", "USN", "Long-range maritime patrol radar siting study",
                        "Analyse candidate coastal sites for a long-range surveillance radar. Study only.", null, "2028-06"),
                req("AU-RB", "AUS", "RAAF", "Long-range coastal surveillance radar",
                        "Acquire a long-range coastal surveillance radar to watch the northern approaches.", 1, "2028-09"),
                req("GB-IG", "GBR", "Royal Navy", "Munitions storage buildings for naval gun ammunition",
                        "Construct storage buildings at a naval base for 76 mm naval gun ammunition.", 3, "2028-06"),
                req("JP-AM", "JPN", "海上自衛隊", "76mm艦砲弾薬の調達", "護衛艦の76mm艦砲用の弾薬を調達する。", 3000, "2028-03"),
                req("IT-SW", "ITA", "Marina Militare", "Navigation receiver software update against jamming",
                        "Software-only update of installed GPS receivers to detect jamming.", null, "2028-06"),
                req("JP-AN", "JPN", "航空自衛隊", "GPS耐妨害アンテナの取得", "輸送機のGPS受信機に耐妨害アンテナを取得して換装する。", 50,
                        "2028-03")));
        Assessment study = f.assess("US-ST", "AU-RB");
        assertThat(study.opportunity()).isFalse();
        assertThat(study.explanation().summary().english()).contains("different kinds of need (study vs item)");
        Assessment store = f.assess("GB-IG", "JP-AM");
        assertThat(store.opportunity()).isFalse();
        assertThat(store.explanation().summary().english()).contains("facility vs item").contains("quantities differ grossly");
        Assessment software = f.assess("IT-SW", "JP-AN");
        assertThat(software.opportunity()).isFalse();
        assertThat(software.explanation().summary().english()).contains("software vs item");
    }

    @Test
    void grossQuantityMismatchRefusesTheFlag() {
        OpportunityFinder f = OpportunityFinder.over(List.of(
                req("US-Q", "USA", "US Army", "155mm artillery shells", "Procure 155mm artillery ammunition.", 100000,
                        "2028-06"),
                req("JP-Q", "JPN", "陸上自衛隊", "155mm榴弾の取得", "155mm榴弾砲用の砲弾を取得する。", 1000, "2028-03"),
                req("AU-Q", "AUS", "Australian Army", "155mm artillery ammunition", "Buy 155mm artillery shells.", 1500,
                        "2028-06")));
        Assessment gross = f.assess("US-Q", "AU-Q");
        assertThat(gross.opportunity()).isFalse();
        assertThat(gross.explanation().summary().english()).contains("quantities differ grossly");
        assertThat(f.assess("JP-Q", "AU-Q").opportunity()).isTrue();
    }

    @Test
    void aGenericWordLikeFacilityIsNeverTheOnlySharedSubject() {
        OpportunityFinder f = OpportunityFinder.over(List.of(
                req("JP-HOS", "JPN", "陸上自衛隊", "自衛隊病院の建て替え", "老朽化した病院施設を建て替える。", 1, "2028-03"),
                req("US-HAN", "USA", "USAF", "Hangar facility for tanker aircraft",
                        "Military construction of a hangar facility for tanker aircraft.", 1, "2028-06"),
                req("AU-HAN", "AUS", "RAAF", "Aircraft hangars for tanker aircraft",
                        "Build new hangars at the base for the tanker fleet.", 2, "2028-06")));
        assertThat(f.assess("JP-HOS", "US-HAN").opportunity()).isFalse();
        assertThat(f.assess("US-HAN", "AU-HAN").opportunity()).isTrue();
    }

    @Test
    void detectionAndDecontaminationAreDifferentFunctionsOfOneField() {
        OpportunityFinder f = OpportunityFinder.over(List.of(
                req("JP-DET", "JPN", "陸上自衛隊", "化学剤検知装置の調達", "NBC偵察部隊に化学剤検知装置を配備する。", 20, "2028-03"),
                req("IT-DEC", "ITA", "Esercito", "CBRN decontamination systems",
                        "Procure decontamination systems for CBRN defence units.", 20, "2028-06"),
                req("US-DET", "USA", "US Army", "Chemical agent detectors",
                        "Procure chemical agent detectors for CBRN reconnaissance units.", 30, "2028-06")));
        assertThat(f.assess("JP-DET", "IT-DEC").opportunity()).isFalse();
        assertThat(f.assess("JP-DET", "US-DET").opportunity()).isTrue();
    }

    @Test
    void heavyLiftIsNotALeadInTrainer() {
        OpportunityFinder f = OpportunityFinder.over(List.of(
                req("US-HL", "USA", "US Army", "Heavy-lift cargo helicopters", "New-build heavy-lift cargo helicopters.",
                        10, "2029-06"),
                req("JP-HL", "JPN", "陸上自衛隊", "輸送ヘリコプター（大型）の取得", "大型輸送ヘリコプターを取得する。", 6, "2029-03")));
        Assessment a = f.assess("US-HL", "JP-HL");
        assertThat(a.explanation().capabilityArea()).isEqualTo("AIR.ROTARY");
        assertThat(a.opportunity()).isTrue();
    }

    @Test
    void researchAProductionBaseOrATestChamberIsNotTheItemItIsAbout() {
        OpportunityFinder f = OpportunityFinder.over(List.of(
                req("JP-MAG", "JPN", "防衛装備庁", "レアアースを使用しない高性能磁石の研究",
                        "レアアースを使用しない高性能な永久磁石を研究し、装備品のモーターへの適用を図る。", null, "2029-03"),
                req("US-MAG", "USA", "DLA", "Rare earth permanent magnet supply",
                        "Secure a supply of rare earth permanent magnets for weapon system motors and actuators.", 10000,
                        "2029-06"),
                req("JP-NVB", "JPN", "防衛装備庁", "暗視装置用イメージ増強管の国内生産基盤の強化",
                        "暗視装置に用いるイメージ増強管を国内で生産できる基盤を強化する。", null, "2029-03"),
                req("US-NVG", "USA", "US Army", "Binocular night vision goggles",
                        "Procure binocular night vision goggles for dismounted soldiers.", 5000, "2029-06")));
        Assessment research = f.assess("JP-MAG", "US-MAG");
        assertThat(research.opportunity()).isFalse();
        assertThat(research.explanation().summary().english()).contains("research vs item");
        // what the need is free of is no feature of it
        assertThat(research.explanation().matchedTerms()).noneMatch(t -> t.conceptId().equals("rare_earth"));
        assertThat(Profiles.namesDevelopment("Rare-earth-free magnet development")).isTrue();
        assertThat(Profiles.namesDevelopment("Rare earth permanent magnet supply")).isFalse();
        Assessment base = f.assess("JP-NVB", "US-NVG");
        assertThat(base.opportunity()).isFalse();
        assertThat(base.explanation().summary().english()).contains("production base vs item");
    }

    @Test
    void aComponentForAPlatformIsNotThePlatform() {
        OpportunityFinder f = OpportunityFinder.over(List.of(
                req("IT-SEAT", "ITA", "Aeronautica Militare", "Ejection seats for jet trainers and fighters",
                        "Procure new zero-zero ejection seats for jet trainers and fighter aircraft.", 120, "2029-06"),
                req("JP-SEAT", "JPN", "航空自衛隊", "射出座席の取得",
                        "練習機及び戦闘機の搭乗員の安全を確保するため、ゼロゼロ射出座席を取得する。", 100, "2029-03"),
                req("US-JT", "USA", "USAF", "Advanced jet trainer to replace T-38",
                        "Procure an advanced jet trainer aircraft to replace the T-38 fleet.", 350, "2029-06"),
                req("JP-JT", "JPN", "航空自衛隊", "T-4練習機の後継機の取得", "T-4練習機の後継となる練習機を取得する。", 200, "2029-03")));
        // the seats match the seats and the trainers the trainers ...
        assertThat(f.assess("IT-SEAT", "JP-SEAT").opportunity()).isTrue();
        assertThat(f.assess("US-JT", "JP-JT").opportunity()).isTrue();
        // ... but seats "for jet trainers" are not the trainer: the heads do not meet
        assertThat(f.assess("IT-SEAT", "US-JT").opportunity()).isFalse();
        assertThat(f.assess("IT-SEAT", "JP-JT").opportunity()).isFalse();
        assertThat(f.assess("JP-SEAT", "US-JT").opportunity()).isFalse();
    }

    @Test
    void theHeadObjectDecidesTheAreaSoAShipLaunchedMissileIsAMunitionNotTheShip() {
        OpportunityFinder f = OpportunityFinder.over(List.of(
                req("IT-ASM", "ITA", "Marina Militare", "Next-generation naval anti-ship missile",
                        "Replace the current anti-ship missile on frigates and destroyers with a longer-range missile.",
                        40, "2030-06"),
                req("JP-ASM", "JPN", "海上自衛隊", "艦発射型長射程対艦誘導弾の取得",
                        "護衛艦から発射する長射程の対艦誘導弾を取得する。", 48, "2030-03"),
                req("AU-FFG", "AUS", "Royal Australian Navy", "General purpose frigate acquisition",
                        "Acquire general purpose frigates to replace the Anzac class.", 11, "2030-06")));
        Assessment missiles = f.assess("IT-ASM", "JP-ASM");
        assertThat(missiles.explanation().capabilityArea()).isEqualTo("MUNITIONS.ANTI_SHIP");
        assertThat(missiles.opportunity()).isTrue();
        assertThat(f.assess("IT-ASM", "AU-FFG").opportunity()).isFalse();
    }
    @Test
    void titlesThatNameTheSameSystemsAndNoOtherAreToldFromAnItemForThatSystem() {
        OpportunityFinder f = OpportunityFinder.over(List.of(
                req("CA-F35", "CAN", "Department of National Defence", "Future Fighter Capability - F-35A aircraft",
                        "Acquire the remaining F-35A aircraft of the Future Fighter Capability Project.", 72, "2030-01"),
                req("JP-F35", "JPN", "航空自衛隊", "F-35A戦闘機の取得", "F-35A戦闘機を取得する。", 8, "2029-03"),
                req("GB-F35B", "GBR", "Royal Air Force", "F-35B Lightning - further order",
                        "Order further F-35B aircraft.", 27, "2031-01"),
                req("AU-JSM", "AUS", "Department of Defence", "Joint Strike Missile integration on RAAF F-35A",
                        "Integrate the Joint Strike Missile on the RAAF F-35A fleet.", 1, "2030-06"),
                req("KR-BAT", "KOR", "DAPA", "Lithium-ion batteries for soldier radios",
                        "Rechargeable battery packs for soldier radios.", 5000, "2028-06")));
        // one fighter bought in English and in Japanese
        assertThat(f.signals("CA-F35", "JP-F35").sameTitleSystems()).isTrue();
        // roots are compared, blocks and variants aside: F-35A and F-35B are both the F-35
        assertThat(f.signals("CA-F35", "GB-F35B").sameTitleSystems()).isTrue();
        // a missile integrated on the fighter names the missile too
        assertThat(f.signals("CA-F35", "AU-JSM").sameTitleSystems()).isFalse();
        // no registry system named on one side
        assertThat(f.signals("CA-F35", "KR-BAT").sameTitleSystems()).isFalse();
    }
}
