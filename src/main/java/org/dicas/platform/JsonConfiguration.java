package org.dicas.platform;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Strict JSON input: a number or boolean where text is expected is a wrong type (400 naming the field), not
 * silently turned into text; unknown fields are refused too (see application.properties). A code marked
 * {@link org.dicas.shared.Labelled} is written with its label in the caller's language beside it ({@link CodeLabels}).
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictTextFields(
            org.springframework.beans.factory.ObjectProvider<org.dicas.shared.CodeLabelSource> labelSources) {
        SimpleModule noNul = new SimpleModule("dicas-no-nul").addDeserializer(String.class, new NulRejectingStrings())
                .setSerializerModifier(new CodeLabels(() -> labelSources.orderedStream().toList()));
        return builder -> builder.withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(noNul);
    }

    /** Text with a NUL character cannot be stored (PostgreSQL refuses it): it is bad input, named by its field. */
    static final class NulRejectingStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String s = super.deserialize(p, ctxt);
            if (s != null && s.indexOf('\0') >= 0) {
                throw ctxt.weirdStringException(s, String.class, NulCharacters.MESSAGE);
            }
            return s;
        }
    }
}
