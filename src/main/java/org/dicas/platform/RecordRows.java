package org.dicas.platform;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Rows into a record, each component from the column of its name in snake case ({@code titleEn} from
 * {@code title_en}), else of its own name — what {@code JdbcClient.query(Row.class)} (Spring's
 * {@code SimplePropertyRowMapper}) does, with the same conversions, in the other order. Spring asks the result set for
 * the component's own name first: for every component whose column is in snake case that look-up fails, and the
 * PostgreSQL driver answers a failed look-up with an exception whose message it formats and translates — on the
 * dashboard's meetings, a twentieth of the page's CPU (issue 11, ninth pass). Asked in this order, a query whose
 * columns are in snake case never fails a look-up.
 */
public final class RecordRows<T extends Record> implements RowMapper<T> {

    private static final ConversionService CONVERSIONS = DefaultConversionService.getSharedInstance();

    private final Constructor<T> constructor;
    private final String[] names;
    private final String[] snakeNames;
    private final TypeDescriptor[] types;

    private RecordRows(Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        names = new String[components.length];
        snakeNames = new String[components.length];
        types = new TypeDescriptor[components.length];
        for (int i = 0; i < components.length; i++) {
            parameterTypes[i] = components[i].getType();
            names[i] = components[i].getName();
            snakeNames[i] = JdbcUtils.convertPropertyNameToUnderscoreName(names[i]);
        }
        try {
            constructor = type.getDeclaredConstructor(parameterTypes);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type + " has no canonical constructor", e);
        }
        for (int i = 0; i < components.length; i++) {
            types[i] = new TypeDescriptor(new MethodParameter(constructor, i));
        }
    }

    /** The rows of {@code type}, a record whose components name the query's columns. */
    public static <T extends Record> RecordRows<T> of(Class<T> type) {
        return new RecordRows<>(type);
    }

    @Override
    public T mapRow(ResultSet rs, int rowNumber) throws SQLException {
        Object[] args = new Object[names.length];
        for (int i = 0; i < args.length; i++) {
            Object value = JdbcUtils.getResultSetValue(rs, column(rs, i), types[i].getType());
            args[i] = CONVERSIONS.convert(value, types[i]);
        }
        return BeanUtils.instantiateClass(constructor, args);
    }

    private int column(ResultSet rs, int i) throws SQLException {
        if (!snakeNames[i].equals(names[i])) {
            try {
                return rs.findColumn(snakeNames[i]);
            } catch (SQLException notInSnakeCase) {
                // a column named as the component is (an alias in its case)
            }
        }
        return rs.findColumn(names[i]);
    }
}
