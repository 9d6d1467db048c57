package io.progimage.platform.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants are stored in DATETIME(3) columns as UTC wall time. EclipseLink 4 does not map
 * Instant itself (it would serialize the object), and going through LocalDateTime keeps the
 * JVM's and the database session's time zones out of it.
 */
@Converter(autoApply = true)
public class UtcInstants implements AttributeConverter<Instant, LocalDateTime> {

    @Override
    public LocalDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
