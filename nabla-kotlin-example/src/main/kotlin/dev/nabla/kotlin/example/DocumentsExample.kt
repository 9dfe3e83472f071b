/**
 * The documents' example from Kotlin: f(x, y) = x² sin y + y³ at (0.7, 1.2), its gradient
 * ∇f = (2x sin y, x² cos y + 3y²) by reverse mode and its directional derivative along v = (1, −2),
 * D_v f = ∇f·v = −7.690255879033025, by forward mode. Nabla's `Real` carries Kotlin's operator names
 * (plus, minus, times, div, unaryMinus), so the function reads as it is written on paper.
 */
package dev.nabla.kotlin.example

import dev.nabla.core.ad.AD
import dev.nabla.core.ad.Real

/** sin as a function, so that formulas read `x * x * sin(y)`. */
fun sin(x: Real): Real = x.sin()

/** A double on the left of a Real: `2.0 * x`. */
operator fun Double.times(x: Real): Real = x.times(this)

/** f(x, y) = x² sin y + y³. */
fun f(x: Real, y: Real): Real = x * x * sin(y) + y * y * y

/** ∇f at the point, by reverse mode (one pass). */
fun gradient(point: DoubleArray): DoubleArray = AD.grad({ v -> f(v[0], v[1]) }, point)

/** D_v f at the point, by forward mode (one pass). */
fun directionalDerivative(point: DoubleArray, v: DoubleArray): Double = AD.jvp({ p -> f(p[0], p[1]) }, point, v)

/** −f(x, y) / 2 + 2x − y, to show the other operators: a value, gradient (−∇f/2 + (2, −1)). */
fun g(x: Real, y: Real): Real = -f(x, y) / 2.0 + 2.0 * x - y

fun main() {
    val point = doubleArrayOf(0.7, 1.2)
    val v = doubleArrayOf(1.0, -2.0)
    val grad = gradient(point)
    println("∇f(0.7, 1.2) = (${grad[0]}, ${grad[1]})")
    println("D_v f(0.7, 1.2) = ${directionalDerivative(point, v)} with v = (1, -2)")
}
