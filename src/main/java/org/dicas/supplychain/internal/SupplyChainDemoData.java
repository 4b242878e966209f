package org.dicas.supplychain.internal;

import java.util.ArrayList;
import java.util.List;
import org.dicas.platform.DemoMode;
import org.dicas.security.Directory;
import org.dicas.supplychain.NetworkImport;
import org.dicas.supplychain.SupplyNetworks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: an illustrative supplier network for the missile co-production items (AMRAAM, PAC-3 MSE) with
 * fictional firms in the United States, Japan and a few other countries — round numbers, not real data.
 */
@Component
@Order(10)
class SupplyChainDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SupplyChainDemoData.class);
    static final String PMW = "Pacific Missile Works (illustrative)";
    static final String SAKURA = "Sakura Heavy Industries (illustrative)";
    static final String REL = "UNCLASSIFIED//REL TO USA, JPN, AUS";

    private final DemoMode demo;
    private final Directory directory;
    private final SupplyNetworks networks;
    private final JdbcClient jdbc;

    SupplyChainDemoData(DemoMode demo, Directory directory, SupplyNetworks networks, JdbcClient jdbc) {
        this.demo = demo;
        this.directory = directory;
        this.networks = networks;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || jdbc.sql("select count(*) from supply_network").query(Integer.class).single() > 0) {
            return;
        }
        var author = directory.userByUsername("us.acq");
        if (author.isEmpty()) {
            return;
        }
        networks.importNetwork(author.get(), missileCoProduction()); // one transaction
        log.info("Demo supply network loaded: missile co-production (illustrative)");
    }

    static NetworkImport.Node node(String id, String name, String company, String country, int ttr, Double capacity,
                                   String marking, String owner) {
        return new NetworkImport.Node(id, name, company, country, ttr, capacity, marking, owner);
    }

    static NetworkImport.Input in(String node, String item, String... sources) {
        return new NetworkImport.Input(node, item, List.of(sources));
    }

    static NetworkImport missileCoProduction() {
        String pmwSite = "UNCLASSIFIED//REL TO USA, JPN, AUS//PROPIN";
        String sakuraSite = "CUI//REL TO USA, JPN//PROPIN";
        List<NetworkImport.Node> nodes = new ArrayList<>(List.of(
                node("FA-US-AMRAAM", "AMRAAM final assembly", PMW, "USA", 240, 100.0, pmwSite, PMW),
                node("FA-US-PAC3", "PAC-3 MSE final assembly", PMW, "USA", 240, 150.0, pmwSite, PMW),
                node("FA-JP-AMRAAM", "AMRAAM co-production line", SAKURA, "JPN", 300, 40.0, sakuraSite, SAKURA),
                node("FA-JP-PAC3", "PAC-3 MSE final assembly", SAKURA, "JPN", 300, 60.0, sakuraSite, SAKURA),
                node("RM-US-1", "Rocket motor line A", "Example Propulsion (illustrative)", "USA", 365, 120.0, REL, null),
                node("RM-JP-1", "Rocket motor line", "Kanto Propulsion (illustrative)", "JPN", 365, 80.0, REL, null),
                node("SK-US-1", "RF seeker", "Northfield Sensors (illustrative)", "USA", 270, 100.0, REL, null),
                node("SK-JP-1", "Ka-band seeker", "Fuji Electronics (illustrative)", "JPN", 300, 60.0, REL, null),
                node("GS-US-1", "Guidance section", "Northfield Sensors (illustrative)", "USA", 200, 100.0, REL, null),
                node("WH-US-1", "Warhead", "Ridge Ordnance (illustrative)", "USA", 180, 100.0, REL, null),
                node("WH-JP-1", "Warhead", "Hokuriku Ordnance (illustrative)", "JPN", 180, 50.0, REL, null),
                node("AP-US-1", "Ammonium perchlorate plant", "Western Oxidizer (illustrative)", "USA", 540, 200.0,
                        "CUI//REL TO USA, JPN", null),
                node("BN-US-1", "HTPB binder", "Gulf Polymers (illustrative)", "USA", 120, 100.0, REL, null),
                node("BN-JP-1", "HTPB binder", "Seto Chemical (illustrative)", "JPN", 120, 60.0, REL, null),
                node("CC-US-1", "Steel motor case", "Ohio Forge (illustrative)", "USA", 150, 100.0, REL, null),
                node("CC-JP-1", "Carbon-fibre motor case", "Tokai Composites (illustrative)", "JPN", 200, 80.0, REL, null),
                node("GA-US-1", "GaN MMIC wafers", "Harbor Semiconductor (illustrative)", "USA", 200, 100.0, REL, null),
                node("GA-JP-1", "GaN MMIC wafers", "Kyushu Compound Semi (illustrative)", "JPN", 220, 60.0, REL, null),
                node("EL-US-1", "Radiation-tolerant FPGA", "Harbor Semiconductor (illustrative)", "USA", 250, 40.0, REL, null),
                node("EL-TW-1", "Radiation-tolerant FPGA", "Formosa Logic (illustrative)", "TWN", 300, 160.0, REL, null),
                node("RE-CN-1", "Rare-earth magnets", "Orient Magnetics (illustrative)", "CHN", 400, 300.0, REL, null),
                node("RE-AU-1", "Rare-earth magnets", "Southern Magnetics (illustrative)", "AUS", 300, 60.0, REL, null),
                node("ACT-US-1", "Control actuation system", "Summit Actuators (illustrative)", "USA", 150, 100.0, REL, null),
                node("ACT-JP-1", "Control actuation system", "Chubu Precision (illustrative)", "JPN", 150, 60.0, REL, null),
                node("IMU-US-1", "Inertial measurement unit", "Aurora Inertial (illustrative)", "USA", 250, 100.0, REL, null),
                node("BAT-US-1", "Thermal battery", "Mesa Power (illustrative)", "USA", 300, 100.0, REL, null),
                node("FZ-US-1", "Fuze", "Ridge Ordnance (illustrative)", "USA", 160, 100.0, REL, null)));
        List<NetworkImport.Input> inputs = List.of(
                in("FA-US-AMRAAM", "rocket motor", "RM-US-1", "RM-JP-1"), in("FA-US-AMRAAM", "seeker", "SK-US-1"),
                in("FA-US-AMRAAM", "guidance section", "GS-US-1"), in("FA-US-AMRAAM", "warhead", "WH-US-1"),
                in("FA-US-AMRAAM", "control actuation", "ACT-US-1", "ACT-JP-1"), in("FA-US-AMRAAM", "thermal battery", "BAT-US-1"),
                in("FA-JP-AMRAAM", "rocket motor", "RM-JP-1"), in("FA-JP-AMRAAM", "seeker", "SK-US-1"),
                in("FA-JP-AMRAAM", "guidance section", "GS-US-1"), in("FA-JP-AMRAAM", "warhead", "WH-JP-1", "WH-US-1"),
                in("FA-JP-AMRAAM", "control actuation", "ACT-JP-1"), in("FA-JP-AMRAAM", "thermal battery", "BAT-US-1"),
                in("FA-JP-PAC3", "rocket motor", "RM-JP-1", "RM-US-1"), in("FA-JP-PAC3", "seeker", "SK-JP-1"),
                in("FA-JP-PAC3", "control actuation", "ACT-JP-1", "ACT-US-1"), in("FA-JP-PAC3", "thermal battery", "BAT-US-1"),
                in("FA-JP-PAC3", "inertial measurement unit", "IMU-US-1"),
                in("FA-US-PAC3", "rocket motor", "RM-US-1"), in("FA-US-PAC3", "seeker", "SK-JP-1", "SK-US-1"),
                in("FA-US-PAC3", "control actuation", "ACT-US-1"), in("FA-US-PAC3", "thermal battery", "BAT-US-1"),
                in("FA-US-PAC3", "inertial measurement unit", "IMU-US-1"),
                in("RM-US-1", "ammonium perchlorate", "AP-US-1"), in("RM-US-1", "binder", "BN-US-1", "BN-JP-1"),
                in("RM-US-1", "motor case", "CC-US-1", "CC-JP-1"),
                in("RM-JP-1", "ammonium perchlorate", "AP-US-1"), in("RM-JP-1", "binder", "BN-JP-1"),
                in("RM-JP-1", "motor case", "CC-JP-1"),
                in("SK-US-1", "GaN MMIC", "GA-US-1", "GA-JP-1"), in("SK-US-1", "FPGA", "EL-US-1", "EL-TW-1"),
                in("SK-JP-1", "GaN MMIC", "GA-JP-1"), in("SK-JP-1", "FPGA", "EL-TW-1"),
                in("GS-US-1", "FPGA", "EL-US-1", "EL-TW-1"), in("GS-US-1", "inertial measurement unit", "IMU-US-1"),
                in("ACT-US-1", "magnets", "RE-CN-1", "RE-AU-1"), in("ACT-JP-1", "magnets", "RE-CN-1"),
                in("IMU-US-1", "magnets", "RE-CN-1", "RE-AU-1"),
                in("WH-US-1", "fuze", "FZ-US-1"), in("WH-JP-1", "fuze", "FZ-US-1"));
        List<NetworkImport.EndItem> endItems = List.of(
                new NetworkImport.EndItem("AIM-120-US", "FA-US-AMRAAM", "AMRAAM", 90),
                new NetworkImport.EndItem("AIM-120-JP", "FA-JP-AMRAAM", "AMRAAM", 60),
                new NetworkImport.EndItem("PAC3-MSE-JP", "FA-JP-PAC3", "PAC-3 MSE", 120),
                new NetworkImport.EndItem("PAC3-MSE-US", "FA-US-PAC3", "PAC-3 MSE", 150));
        return new NetworkImport("Missile co-production", "AMRAAM and PAC-3 MSE supplier network (illustrative)", REL,
                new NetworkImport.Network(nodes, inputs, endItems));
    }
}
