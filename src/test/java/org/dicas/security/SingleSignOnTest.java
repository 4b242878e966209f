package org.dicas.security;

import static org.assertj.core.api.Assertions.assertThat;

import idp.TestIdentityProvider;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dicas.DicasApplication;
import org.dicas.demo.DemoUsers;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.NationCode;
import org.dicas.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;

/**
 * Single sign-on against a real OpenID Connect provider (Spring Authorization Server, {@link TestIdentityProvider})
 * running in this JVM: the whole authorization-code flow over HTTP, from the platform to the provider's sign-in
 * form and back, then what the platform made of the claims — a provisioned user whose nation, groups and access
 * level come from the ID token, to whom the releasability policy applies like to anyone else.
 * <p>
 * The provider runs on 127.0.0.1 and the platform on localhost, so their session cookies stay apart (cookies do not
 * tell ports apart). Two registrations point at the same provider: {@code testidp} maps nation, groups and access
 * level from claims ({@code gb.} usernames); {@code otheridp} has a fixed nation and the {@code us.} prefix of the
 * demo accounts, to prove a provider cannot take over an account it did not create.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SingleSignOnTest {

    static final Pattern IDP_CSRF = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"");
    static final String ORGANIZATION = "UK Ministry of Defence";

    ConfigurableApplicationContext idp;
    ConfigurableApplicationContext app;
    TestIdentityProvider.Claims claims;
    Path dataDir;
    int appPort;
    String appBase;
    JdbcClient jdbc;
    Directory directory;
    /** Documents by marking, written by us.acq (who is in every group) before anyone signs in. */
    final Map<String, Long> documents = new LinkedHashMap<>();
    /** Names of successful single sign-ons, from the platform's authentication events. */
    final List<String> ssoSignIns = new CopyOnWriteArrayList<>();

    @BeforeAll
    void startProviderAndPlatform() throws IOException {
        appPort = freePort();
        appBase = "http://localhost:" + appPort;
        idp = TestIdentityProvider.start(
                List.of(appBase + "/login/oauth2/code/testidp", appBase + "/login/oauth2/code/otheridp"),
                List.of("alice", "acq"));
        claims = idp.getBean(TestIdentityProvider.Claims.class);
        claims.put("alice", Map.of("name", "Alice Example", "nation", "GBR",
                "dicas_groups", List.of("WG-SHIP", "NOPE"), "access", "CUI"));
        claims.put("acq", Map.of("name", "Impostor"));
        String issuer = "http://127.0.0.1:" + TestIdentityProvider.port(idp);
        dataDir = Files.createTempDirectory("dicas-sso-test-");
        List<String> args = new ArrayList<>(List.of("--server.port=" + appPort, "--dicas.data-dir=" + dataDir,
                "--dicas.demo=true", "--dicas.embedded.clean=true", "--dicas.embedded.durable=false",
                "--spring.main.banner-mode=off",
                "--spring.security.oauth2.client.provider.testidp.issuer-uri=" + issuer,
                "--dicas.sso.providers.testidp.nation-claim=nation",
                "--dicas.sso.providers.testidp.organization=" + ORGANIZATION,
                "--dicas.sso.providers.testidp.groups-claim=dicas_groups",
                "--dicas.sso.providers.testidp.access-level-claim=access",
                "--dicas.sso.providers.testidp.username-prefix=gb.",
                "--dicas.sso.providers.otheridp.nation=USA",
                "--dicas.sso.providers.otheridp.organization=Somewhere",
                "--dicas.sso.providers.otheridp.username-prefix=us."));
        for (String registration : List.of("testidp", "otheridp")) {
            String r = "--spring.security.oauth2.client.registration." + registration + ".";
            args.addAll(List.of(r + "provider=testidp", r + "client-id=" + TestIdentityProvider.CLIENT_ID,
                    r + "client-secret=" + TestIdentityProvider.CLIENT_SECRET,
                    r + "client-authentication-method=client_secret_basic",
                    r + "authorization-grant-type=authorization_code", r + "scope=openid,profile",
                    r + "client-name=" + (registration.equals("testidp") ? "UK MOD" : "Other IdP")));
        }
        app = new SpringApplicationBuilder(DicasApplication.class).run(args.toArray(String[]::new));
        app.addApplicationListener(new ApplicationListener<AuthenticationSuccessEvent>() {
            @Override
            public void onApplicationEvent(AuthenticationSuccessEvent event) {
                if (event.getAuthentication() instanceof OAuth2LoginAuthenticationToken) {
                    ssoSignIns.add(event.getAuthentication().getName());
                }
            }
        });
        jdbc = app.getBean(JdbcClient.class);
        directory = app.getBean(Directory.class);

        Http api = new Http(appPort);
        String token = api.token("us.acq", DemoUsers.PASSWORD);
        for (String marking : List.of("CUI//REL TO USA, JPN", "CUI//GROUP WG-SHIP", "UNCLASSIFIED//GROUP WG-AIR",
                "UNCLASSIFIED")) {
            var r = api.post("/api/v1/documents", token,
                    Map.of("title", "SSO fixture " + marking, "body", "fixture", "marking", marking));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            documents.put(marking, r.json().get("id").asLong());
        }
    }

    @AfterAll
    void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        if (idp != null) {
            idp.close();
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void theSignInPageOffersEachProvider() {
        String page = new Http(appPort).acceptSignInNotice().get("/login", null).body();
        assertThat(page).contains("href=\"/oauth2/authorization/testidp\"", "Sign in with UK MOD",
                "href=\"/oauth2/authorization/otheridp\"", "Sign in with Other IdP");
    }

    @Test
    @Order(2)
    void firstSignInCreatesTheUserFromTheClaims() {
        Http web = new Http(appPort);
        Http.Response end = signInThroughProvider(web, "testidp", "alice");
        assertThat(end.raw().uri().toString()).isEqualTo(appBase + "/");
        assertThat(end.status()).isEqualTo(200);
        assertThat(end.body()).contains("Alice Example");

        DicasUser alice = directory.userByUsername("gb.alice").orElseThrow();
        assertThat(alice.nation()).isEqualTo(NationCode.of("GBR"));
        assertThat(alice.groups()).containsExactly("WG-SHIP");
        assertThat(alice.accessLevel()).isEqualTo(AccessLevel.CUI);
        assertThat(alice.roles()).isEmpty();
        assertThat(alice.organizationName()).isEqualTo(ORGANIZATION);
        assertThat(alice.organizationKind()).isEqualTo(OrganizationKind.GOVERNMENT);
        assertThat(alice.displayName()).isEqualTo("Alice Example");
        assertThat(jdbc.sql("select demo from app_user where username = 'gb.alice'").query(Boolean.class).single())
                .isFalse();

        // the releasability policy decides for her like for anyone: her nation, level and groups
        String list = web.get("/documents?size=200", null).body();
        assertThat(list).doesNotContain(link("CUI//REL TO USA, JPN"), link("UNCLASSIFIED//GROUP WG-AIR"))
                .contains(link("CUI//GROUP WG-SHIP"), link("UNCLASSIFIED"));
        assertThat(web.get("/documents/" + documents.get("CUI//REL TO USA, JPN"), null).status()).isEqualTo(404);
        assertThat(web.get("/documents/" + documents.get("CUI//GROUP WG-SHIP"), null).status()).isEqualTo(200);
        // the web session is no key to the API
        assertThat(web.get("/api/v1/me", null).status()).isEqualTo(401);
        // published like a password sign-in, so the sign-in audit sees it
        assertThat(ssoSignIns).containsExactly("gb.alice");
    }

    @Test
    @Order(3)
    void anSsoAccountCannotSignInWithAPassword() {
        String hash = jdbc.sql("select password_hash from app_user where username = 'gb.alice'")
                .query(String.class).single();
        PasswordEncoder encoder = app.getBean(PasswordEncoder.class);
        for (String guess : List.of("password", hash, "!sso:testidp", "{bcrypt}!sso:testidp")) {
            assertThat(encoder.matches(guess, hash)).as(guess).isFalse();
            Http http = new Http(appPort).acceptSignInNotice();
            var token = http.post("/api/v1/auth/token", null, Map.of("username", "gb.alice", "password", guess));
            assertThat(token.status()).as(guess).isEqualTo(401);
            var form = http.form("/login", Http.csrf(http.get("/login", null).body()),
                    Map.of("username", "gb.alice", "password", guess));
            assertThat(form.header("Location")).as(guess).contains("/login?error");
            assertThat(http.get("/", null).status()).isEqualTo(302);
        }
    }

    @Test
    @Order(4)
    void laterSignInsFollowTheClaims() {
        claims.put("alice", Map.of("name", "Alice Example", "nation", "GBR", "dicas_groups", "WG-AIR PLENARY",
                "access", "UNCLASSIFIED"));
        Http web = new Http(appPort);
        assertThat(signInThroughProvider(web, "testidp", "alice").status()).isEqualTo(200);
        DicasUser alice = directory.userByUsername("gb.alice").orElseThrow();
        assertThat(alice.groups()).containsExactlyInAnyOrder("WG-AIR", "PLENARY");
        assertThat(alice.accessLevel()).isEqualTo(AccessLevel.UNCLASSIFIED);
        assertThat(jdbc.sql("select count(*) from app_user where username like 'gb.%'").query(Integer.class).single())
                .isEqualTo(1);
        String list = web.get("/documents?size=200", null).body();
        assertThat(list).doesNotContain(link("CUI//REL TO USA, JPN"), link("CUI//GROUP WG-SHIP"))
                .contains(link("UNCLASSIFIED//GROUP WG-AIR"), link("UNCLASSIFIED"));
    }

    @Test
    @Order(5)
    void aProviderCannotTakeOverAnAccountItDidNotCreate() {
        DicasUser before = directory.userByUsername("us.acq").orElseThrow();
        Http web = new Http(appPort);
        Http.Response end = signInThroughProvider(web, "otheridp", "acq");
        assertThat(end.raw().uri().toString()).isEqualTo(appBase + "/login?ssoerror");
        assertThat(end.body()).contains("Single sign-on did not succeed");
        assertThat(web.get("/", null).status()).isEqualTo(302);
        assertThat(directory.userByUsername("us.acq").orElseThrow()).isEqualTo(before);
    }

    @Test
    @Order(6)
    void aDisabledAccountIsRefused() {
        jdbc.sql("update app_user set enabled = false where username = 'gb.alice'").update();
        Http web = new Http(appPort);
        Http.Response end = signInThroughProvider(web, "testidp", "alice");
        assertThat(end.raw().uri().toString()).isEqualTo(appBase + "/login?ssoerror");
        assertThat(web.get("/", null).status()).isEqualTo(302);
        assertThat(web.get("/documents", null).header("Location")).endsWith("/login");
    }

    /**
     * The authorization-code flow as a browser runs it: the platform sends the browser to the provider, whose
     * sign-in form takes the user's password, and the provider sends it back with a code the platform exchanges.
     * Returns the last page after all redirects.
     */
    Http.Response signInThroughProvider(Http web, String registrationId, String username) {
        web.acceptSignInNotice();
        Http.Response r = web.get(appBase + "/oauth2/authorization/" + registrationId, null);
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).startsWith("http://127.0.0.1:" + TestIdentityProvider.port(idp)
                + "/oauth2/authorize?");
        r = follow(web, r);
        assertThat(r.raw().uri().getPath()).isEqualTo("/login");
        Matcher csrf = IDP_CSRF.matcher(r.body());
        assertThat(csrf.find()).as("the provider's sign-in form has a CSRF token").isTrue();
        r = web.form(r.raw().uri().resolve("/login").toString(), csrf.group(1),
                Map.of("username", username, "password", TestIdentityProvider.PASSWORD));
        assertThat(r.status()).isEqualTo(302);
        return follow(web, r);
    }

    static Http.Response follow(Http web, Http.Response r) {
        for (int hops = 0; r.status() == 302 || r.status() == 303; hops++) {
            assertThat(hops).as("too many redirects").isLessThan(10);
            URI next = r.raw().uri().resolve(r.header("Location"));
            r = web.get(next.toString(), null);
        }
        return r;
    }

    String link(String marking) {
        return "href=\"/documents/" + documents.get(marking) + "\"";
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
