package dev.nabla.kotlin.example

import dev.nabla.core.ad.AD
import dev.nabla.core.ad.RealFunction
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.io.ByteArrayOutputStream
import java.io.PrintStream
import kotlin.random.Random

/**
 * The Kotlin example, written with operators, gives the numbers of the Java path (method calls on Real) and
 * the documents' values. Tolerances: 1e-15 absolute on numbers of size below 10 (the two paths run the same
 * operations, so they agree to round-off).
 */
class DocumentsExampleTest {

    /** The same f written the Java way: x.square().multiply(y.sin()).add(y.pow(3)). */
    private val java = RealFunction { x -> x[0].square().multiply(x[1].sin()).add(x[1].pow(3.0)) }

    @Test
    fun theDocumentsNumbers() {
        val point = doubleArrayOf(0.7, 1.2)
        val grad = gradient(point)
        assertEquals(2 * 0.7 * Math.sin(1.2), grad[0], 1e-15)
        assertEquals(0.49 * Math.cos(1.2) + 3 * 1.44, grad[1], 1e-14)
        assertEquals(-7.690255879033025, directionalDerivative(point, doubleArrayOf(1.0, -2.0)), 1e-14)
    }

    @Test
    fun operatorsGiveTheJavaPathsNumbersAtSeededPoints() {
        val random = Random(2026)
        repeat(25) {
            val point = doubleArrayOf(random.nextDouble(-3.0, 3.0), random.nextDouble(-3.0, 3.0))
            val v = doubleArrayOf(random.nextDouble(-1.0, 1.0), random.nextDouble(-1.0, 1.0))
            val expected = AD.grad(java, point)
            val actual = gradient(point)
            for (i in 0..1) {
                assertEquals(expected[i], actual[i], 1e-12 * maxOf(1.0, Math.abs(expected[i])))
            }
            val dv = AD.jvp(java, point, v)
            assertEquals(dv, directionalDerivative(point, v), 1e-12 * maxOf(1.0, Math.abs(dv)))
        }
    }

    @Test
    fun unaryMinusDivisionAndScalarsOnTheLeft() {
        val point = doubleArrayOf(0.7, 1.2)
        val grad = AD.grad({ p -> g(p[0], p[1]) }, point)
        val f = gradient(point)
        assertEquals(-f[0] / 2 + 2, grad[0], 1e-15)
        assertEquals(-f[1] / 2 - 1, grad[1], 1e-15)
    }

    @Test
    fun mainPrintsTheExample() {
        val out = ByteArrayOutputStream()
        val saved = System.out
        System.setOut(PrintStream(out, true, "UTF-8"))
        try {
            main()
        } finally {
            System.setOut(saved)
        }
        val text = out.toString("UTF-8")
        val printed = Regex("D_v f\\(0.7, 1.2\\) = (\\S+) with v = \\(1, -2\\)").find(text)
        assertTrue(printed != null, text)
        // forward mode's last bit may differ from ∇f·v's: −7.690255879033024 vs the documents' …025
        assertEquals(-7.690255879033025, printed!!.groupValues[1].toDouble(), 1e-14)
    }
}
