package dev.nabla.cli.support;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts {@code 1,-2} (numbers or constants such as {@code sqrt(2)}) to a {@code double[]}; use as
 * {@code @Option(names = "--dir", converter = VectorConverter.class) double[] direction}. The length is
 * checked against the field with {@link Points#requireLength}.
 */
public final class VectorConverter implements ITypeConverter<double[]> {
    @Override
    public double[] convert(String value) {
        try {
            return Points.vector(value, "the vector");
        } catch (UsageException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
