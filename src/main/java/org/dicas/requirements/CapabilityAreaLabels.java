package org.dicas.requirements;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.dicas.shared.CodeLabelSource;
import org.springframework.stereotype.Component;

/**
 * A capability area's name in the reader's language for the API's {@code capabilityAreaLabel} (練習機 / Trainer
 * aircraft), from the taxonomy; the code itself when the taxonomy does not know it (a free code in an old record).
 */
@Component
class CapabilityAreaLabels implements CodeLabelSource {

    static final String PREFIX = "capabilityArea";

    private final CapabilityAreas areas;
    private final Cache<String, Optional<CapabilityArea>> cache = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10)).maximumSize(2_000).build();

    CapabilityAreaLabels(CapabilityAreas areas) {
        this.areas = areas;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public Optional<String> label(String code, Locale locale) {
        boolean ja = locale != null && "ja".equals(locale.getLanguage());
        return cache.get(code, areas::find).map(a -> ja ? a.nameJa() : a.nameEn());
    }
}
