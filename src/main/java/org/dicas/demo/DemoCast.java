package org.dicas.demo;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;

/** The demo organizations and users once created: looked up by name while the forum content is seeded. */
final class DemoCast {

    private final Map<String, Long> organizations;
    private final Map<String, DicasUser> users;

    private DemoCast(Map<String, Long> organizations, Map<String, DicasUser> users) {
        this.organizations = organizations;
        this.users = users;
    }

    /** Creates the demo organizations and users; {@code passwordHash} is the one hash all demo users share. */
    static DemoCast create(Directory directory, String passwordHash, DemoCounts counts) {
        Map<String, Long> orgs = new LinkedHashMap<>();
        for (DemoUsers.DemoOrganization o : DemoUsers.ORGANIZATIONS) {
            orgs.put(o.name(), directory.createOrganization(o.name(), o.nameJa(), o.kind(), o.nation()));
            counts.organizations++;
        }
        Map<String, DicasUser> users = new LinkedHashMap<>();
        for (DemoUsers.DemoUser u : DemoUsers.ALL) {
            Long org = orgs.get(u.organization());
            if (org == null) {
                throw new IllegalStateException("demo user " + u.username() + " names unknown organization "
                        + u.organization());
            }
            long id = directory.createUser(new Directory.NewUser(u.username(), passwordHash, u.displayName(),
                    u.nation(), org, u.accessLevel(), Set.of(u.role()), u.groups(), true));
            users.put(u.username(), directory.user(id).orElseThrow());
            counts.users++;
        }
        return new DemoCast(orgs, users);
    }

    DicasUser user(String username) {
        DicasUser u = users.get(username);
        if (u == null) {
            throw new IllegalArgumentException("no demo user " + username);
        }
        return u;
    }

    long id(String username) {
        return user(username).id();
    }

    String name(String username) {
        return user(username).displayName();
    }

    List<Long> ids(String... usernames) {
        return Arrays.stream(usernames).map(this::id).toList();
    }

    long organization(String name) {
        Long id = organizations.get(name);
        if (id == null) {
            throw new IllegalArgumentException("no demo organization " + name);
        }
        return id;
    }
}
