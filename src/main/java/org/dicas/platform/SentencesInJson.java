package org.dicas.platform;

import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * A {@link Sentence} in JSON is the text in the caller's language (Accept-Language, then the user's saved language,
 * as the request's locale says): explanations, reasons and history read as sentences in every module's JSON, never as
 * keys. Codes stay codes in their own fields.
 */
@Configuration(proxyBeanMethods = false)
class SentencesInJson {

    @Bean
    JsonMapperBuilderCustomizer sentencesInTheCallersLanguage() {
        SimpleModule module = new SimpleModule("dicas-sentences").addSerializer(Sentence.class, new Rendered());
        return builder -> builder.addModule(module);
    }

    static final class Rendered extends ValueSerializer<Sentence> {
        @Override
        public void serialize(Sentence value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(Sentences.render(value, LocaleContextHolder.getLocale()));
        }
    }
}
