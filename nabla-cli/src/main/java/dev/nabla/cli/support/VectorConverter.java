package dev.nabla.cli.support;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Picocli converter for {@link VectorArgument} options; a bad component becomes a usage error (exit 2). */
public final class VectorConverter implements ITypeConverter<VectorArgument> {
    @Override
    public VectorArgument convert(String value) {
        try {
            return VectorArgument.parse(value);
        } catch (UsageException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
