package dev.nabla.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/** Bad data and undefined losses stop with an error that names the column or the row (1-based, in read order). */
class BadInputTest {
    static final List<String> W = List.of("a", "b");
    static final List<String> X = List.of("x", "y");

    static List<double[]> line(int rows) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            out.add(new double[] {i * 0.01, 1 + i * 0.02});
        }
        return out;
    }

    @Test
    void aMissingColumnIsNamedWithTheColumnsThereAre() {
        Dataset<Row> frame = TestSpark.frame(X, line(10), 1);
        assertThatThrownBy(() -> SparkObjective.of(frame, Loss.formula("(y - a*x - b*z)^2", W, null)))
                .isInstanceOf(DataException.class)
                .hasMessage("missing column 'z': the data has columns x, y");
    }

    @Test
    void aMissingValueIsNamedByRowAndColumnAcrossPartitions() {
        List<Row> rows = new ArrayList<>();
        for (double[] r : line(200)) {
            rows.add(RowFactory.create(r[0], rows.size() == 136 ? null : r[1]));
        }
        Dataset<Row> frame = TestSpark.session().createDataFrame(
                org.apache.spark.api.java.JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext())
                        .parallelize(rows, 4), TestSpark.schema("x", "y"));
        assertThatThrownBy(() -> SparkObjective.of(frame, Loss.formula("(y - a*x - b)^2", W, null), 3))
                .isInstanceOf(DataException.class)
                .hasMessage("row 137, column 'y': missing value");
    }

    @Test
    void textThatIsNotANumberIsQuotedAndAColumnOfTheWrongTypeNamed() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(RowFactory.create(Double.toString(i * 0.5), i == 17 ? "1.5e" : " " + i + " ", i % 2 == 0));
        }
        Dataset<Row> frame = TestSpark.session().createDataFrame(rows, DataTypes.createStructType(List.of(
                DataTypes.createStructField("x", DataTypes.StringType, true),
                DataTypes.createStructField("y", DataTypes.StringType, true),
                DataTypes.createStructField("flag", DataTypes.BooleanType, true))));
        assertThatThrownBy(() -> SparkObjective.of(frame, Loss.formula("(y - a*x - b)^2", W, null)))
                .isInstanceOf(DataException.class)
                .hasMessage("row 18, column 'y': '1.5e' is not a finite number");
        assertThatThrownBy(() -> SparkObjective.of(frame, Loss.formula("(y - a*x - b*flag)^2", W, null)))
                .isInstanceOf(DataException.class)
                .hasMessage("column 'flag' holds boolean, not numbers");
    }

    @Test
    void aLossUndefinedOnARowNamesTheFirstSuchRowItsValuesAndTheParameters() {
        List<double[]> rows = line(120);
        rows.get(90)[1] = -2;  // row 91: log(y) undefined
        rows.get(40)[1] = -1;  // row 41: the first one
        Dataset<Row> frame = TestSpark.frame(X, rows, 4);
        RecordLoss java = (p, r) -> p[0].multiply(r[0]).add(p[1]).subtract(Math.log(r[1])).square();
        for (Loss loss : List.of(Loss.formula("(a*x + b - log(y))^2", W, null), Loss.of(java, W, X))) {
            try (SparkObjective f = SparkObjective.of(frame, loss, 3)) {
                assertThatThrownBy(() -> f.valueAndGradient(new double[] {0.5, 0.25}))
                        .isInstanceOf(RowException.class)
                        .hasMessageStartingWith("row 41 (x = 0.4, y = -1.0): ")
                        .hasMessageEndingWith(", at parameters (a = 0.5, b = 0.25)")
                        .satisfies(e -> assertThat(((RowException) e).row()).isEqualTo(41));
            }
        }
    }
}
