package org.dicas.security.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Authentication")
class AuthApi {

    record TokenRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {
    }

    record TokenResponse(String token) {
    }

    record Me(String username, String displayName, @org.dicas.shared.Labelled("nation") String nation, String organization,
              @org.dicas.shared.Labelled("accessLevel") String accessLevel,
              List<String> groups, @org.dicas.shared.Labelled("role") List<String> roles, String company, String locale, String timeZone) {
    }

    private final Sessions sessions;
    private final Directory directory;

    AuthApi(Sessions sessions, Directory directory) {
        this.sessions = sessions;
        this.directory = directory;
    }

    @PostMapping("/api/v1/auth/token")
    @Operation(summary = "Exchange username and password for a bearer token (default lifetime 8 h)")
    TokenResponse token(@Valid @RequestBody TokenRequest request) {
        return new TokenResponse(sessions.issueToken(request.username(), request.password()));
    }

    @DeleteMapping("/api/v1/auth/token")
    @Operation(summary = "Revoke the bearer token of this call")
    ResponseEntity<Void> revoke(DicasUser me, @RequestHeader("Authorization") String authorization) {
        sessions.revokeToken(authorization.substring("Bearer ".length()).trim(), me.username());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "The signed-in user and the attributes access is decided on")
    Me me(DicasUser user) {
        Optional<String> company = user.companyId().map(id -> user.organizationName());
        return new Me(user.username(), user.displayName(), user.nation().code(), user.organizationName(),
                user.accessLevel().name(), user.groups().stream().sorted().toList(),
                user.roles().stream().map(Role::name).sorted().toList(), company.orElse(null),
                user.locale().orElse(null), user.timeZone().getId());
    }
}
