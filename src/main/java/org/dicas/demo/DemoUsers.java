package org.dicas.demo;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dicas.security.OrganizationKind;
import org.dicas.security.Role;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.NationCode;

/**
 * The demo accounts and their organizations, as loaded in demo mode. Every demo user signs in with
 * {@link #PASSWORD}. Tests may iterate over {@link #ALL} or {@link #usernames()}.
 */
public final class DemoUsers {

    /** The password of every demo user. */
    public static final String PASSWORD = "demo";

    public static final String US_POLICY = "us.policy";
    public static final String US_ACQ = "us.acq";
    public static final String US_NAVY = "us.navy";
    public static final String US_FDO = "us.fdo";
    public static final String US_INDUSTRY = "us.industry";
    public static final String JP_ATLA = "jp.atla";
    public static final String JP_MSDF = "jp.msdf";
    public static final String JP_INDUSTRY = "jp.industry";
    public static final String AU_DOD = "au.dod";
    public static final String ADMIN = "admin";

    public static final String OSD_POLICY = "OSD Policy";
    public static final String OUSD_AS = "OUSD(A&S)";
    public static final String US_NAVY_ORG = "U.S. Navy";
    public static final String US_MISSILE_MAKER = "Pacific Missile Works (illustrative)";
    public static final String ATLA = "ATLA";
    public static final String JMSDF = "JMSDF";
    public static final String JP_HEAVY_INDUSTRY = "Sakura Heavy Industries (illustrative)";
    public static final String AU_DEFENCE = "Department of Defence";
    public static final String SECRETARIAT = "DICAS secretariat";

    /** A demo organization. */
    public record DemoOrganization(String name, String nameJa, OrganizationKind kind, NationCode nation) {
    }

    /** A demo account: what the directory records for it. */
    public record DemoUser(String username, String displayName, NationCode nation, String organization, Role role,
                           AccessLevel accessLevel, Set<String> groups) {
        public DemoUser {
            groups = Set.copyOf(groups);
        }
    }

    private static final NationCode AUS = NationCode.of("AUS");
    private static final Set<String> ALL_GROUPS = Set.of("PLENARY", "WG-MISSILE", "WG-SHIP", "WG-AIR", "WG-SCR");

    public static final List<DemoOrganization> ORGANIZATIONS = List.of(
            new DemoOrganization(OSD_POLICY, "米国防長官府（政策担当）", OrganizationKind.GOVERNMENT, NationCode.USA),
            new DemoOrganization(OUSD_AS, "米国防次官室（取得・維持担当）", OrganizationKind.GOVERNMENT, NationCode.USA),
            new DemoOrganization(US_NAVY_ORG, "米海軍", OrganizationKind.MILITARY_SERVICE, NationCode.USA),
            new DemoOrganization(US_MISSILE_MAKER, "パシフィック・ミサイル・ワークス（架空）", OrganizationKind.COMPANY,
                    NationCode.USA),
            new DemoOrganization(ATLA, "防衛装備庁", OrganizationKind.GOVERNMENT, NationCode.JPN),
            new DemoOrganization(JMSDF, "海上自衛隊", OrganizationKind.MILITARY_SERVICE, NationCode.JPN),
            new DemoOrganization(JP_HEAVY_INDUSTRY, "さくら重工業（架空）", OrganizationKind.COMPANY, NationCode.JPN),
            new DemoOrganization(AU_DEFENCE, "オーストラリア国防省", OrganizationKind.GOVERNMENT, AUS),
            new DemoOrganization(SECRETARIAT, "DICAS事務局", OrganizationKind.GOVERNMENT, NationCode.USA));

    public static final List<DemoUser> ALL = List.of(
            new DemoUser(US_POLICY, "Rachel Dunn", NationCode.USA, OSD_POLICY, Role.POLICY, AccessLevel.CUI,
                    Set.of("PLENARY")),
            new DemoUser(US_ACQ, "Michael Trent", NationCode.USA, OUSD_AS, Role.ACQUISITION, AccessLevel.CUI,
                    ALL_GROUPS),
            new DemoUser(US_NAVY, "Laura Vance", NationCode.USA, US_NAVY_ORG, Role.SERVICE, AccessLevel.CUI,
                    Set.of("WG-SHIP")),
            new DemoUser(US_FDO, "Daniel Pryor", NationCode.USA, OUSD_AS, Role.DISCLOSURE_OFFICER, AccessLevel.CUI,
                    Set.of("PLENARY")),
            new DemoUser(US_INDUSTRY, "Kevin Shaw", NationCode.USA, US_MISSILE_MAKER, Role.INDUSTRY,
                    AccessLevel.UNCLASSIFIED, Set.of("WG-MISSILE")),
            new DemoUser(JP_ATLA, "森 遥 (Haruka Mori)", NationCode.JPN, ATLA, Role.ACQUISITION, AccessLevel.CUI,
                    ALL_GROUPS),
            new DemoUser(JP_MSDF, "石田 航 (Wataru Ishida)", NationCode.JPN, JMSDF, Role.SERVICE, AccessLevel.CUI,
                    Set.of("WG-SHIP")),
            new DemoUser(JP_INDUSTRY, "中野 彩 (Aya Nakano)", NationCode.JPN, JP_HEAVY_INDUSTRY, Role.INDUSTRY,
                    AccessLevel.CUI, Set.of("WG-SHIP", "WG-MISSILE")),
            new DemoUser(AU_DOD, "Emma Clarke", AUS, AU_DEFENCE, Role.ACQUISITION, AccessLevel.UNCLASSIFIED,
                    Set.of()),
            new DemoUser(ADMIN, "Sam Porter (DICAS secretariat)", NationCode.USA, SECRETARIAT, Role.ADMIN,
                    AccessLevel.CUI, Set.of("PLENARY")));

    private DemoUsers() {
    }

    /** The usernames of all demo users, in the order above. */
    public static List<String> usernames() {
        return ALL.stream().map(DemoUser::username).toList();
    }

    public static Optional<DemoUser> byUsername(String username) {
        return ALL.stream().filter(u -> u.username().equals(username)).findFirst();
    }
}
