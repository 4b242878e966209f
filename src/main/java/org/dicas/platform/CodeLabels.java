package org.dicas.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.dicas.shared.CodeLabelSource;
import org.dicas.shared.Labelled;
import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;
import org.springframework.context.i18n.LocaleContextHolder;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.PropertyName;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.ValueSerializerModifier;

/**
 * The labels of codes in the API's JSON: after every property marked {@link Labelled} comes its label in the
 * caller's language ({@code Accept-Language}, else the saved language: the request's locale), {@code typeLabel} for
 * {@code type}, {@code partiesLabels} (in the same order) for a list {@code parties}. One place, so a record that
 * marks a code is labelled in every response that carries it. Codes of reference data (capability areas) are labelled
 * by the module that owns them ({@link CodeLabelSource}).
 */
final class CodeLabels extends ValueSerializerModifier {

    /** Labels from reference data ({@link CodeLabelSource}), found when first needed (after the mapper is made). */
    private final transient Supplier<List<CodeLabelSource>> sources;

    CodeLabels(Supplier<List<CodeLabelSource>> sources) {
        this.sources = sources;
    }

    @Override
    public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription.Supplier bean,
                                                     List<BeanPropertyWriter> properties) {
        if (properties.stream().noneMatch(p -> p.getAnnotation(Labelled.class) != null)) {
            return properties;
        }
        List<BeanPropertyWriter> out = new ArrayList<>(properties.size() + 2);
        for (BeanPropertyWriter p : properties) {
            out.add(p);
            Labelled labelled = p.getAnnotation(Labelled.class);
            if (labelled != null) {
                boolean many = p.getType().isCollectionLikeType() || p.getType().isArrayType();
                out.add(new LabelWriter(p, p.getName() + (many ? "Labels" : "Label"), labelled, sources));
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]+");

    /** Writes the label(s) of the code property it follows. */
    static final class LabelWriter extends BeanPropertyWriter {
        final BeanPropertyWriter code;
        private final Labelled labelled;
        private final transient Supplier<List<CodeLabelSource>> sources;

        LabelWriter(BeanPropertyWriter code, String name, Labelled labelled, Supplier<List<CodeLabelSource>> sources) {
            super(code, PropertyName.construct(name));
            this.code = code;
            this.labelled = labelled;
            this.sources = sources;
        }

        @Override
        public void serializeAsProperty(Object bean, JsonGenerator g, SerializationContext ctxt) throws Exception {
            Object value = code.get(bean);
            Locale locale = LocaleContextHolder.getLocale();
            g.writeName(getName());
            if (value == null) {
                g.writeNull();
            } else if (value instanceof Collection<?> || value instanceof Object[]) {
                g.writeStartArray();
                for (Object c : value instanceof Collection<?> items ? items : List.of((Object[]) value)) {
                    g.writeString(c == null ? null : label(c, locale));
                }
                g.writeEndArray();
            } else {
                g.writeString(label(value, locale));
            }
        }

        /**
         * The code's label; a nation the bundles do not name (a supplier's country in an imported network) by the
         * name the JDK's locale data gives it, and any other code without a label as the code itself, never as a
         * missing key.
         */
        private String label(Object c, Locale locale) {
            String code = c instanceof Enum<?> e ? e.name() : String.valueOf(c);
            if (CODE.matcher(code).matches()) {
                for (String form : List.of(labelled.lowerCase() ? code.toLowerCase(Locale.ROOT) : code,
                        code.toUpperCase(Locale.ROOT))) {
                    Sentence label = Sentence.label(labelled.value(), form + labelled.suffix());
                    if (Sentences.exists(label.key())) {
                        return Sentences.render(label, locale);
                    }
                }
            }
            for (CodeLabelSource source : sources.get()) {
                if (source.prefix().equals(labelled.value())) {
                    Optional<String> label = source.label(code, locale);
                    if (label.isPresent()) {
                        return label.get();
                    }
                }
            }
            if ("nation".equals(labelled.value())) {
                return NationNames.of(String.valueOf(c), locale);
            }
            return String.valueOf(c);
        }
    }
}
