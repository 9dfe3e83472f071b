/**
 * Non-smooth analysis: Clarke subdifferentials shown as readable sets (an interval, a ball, the convex hull of
 * finitely many gradients), the minimum-norm element of a convex hull, and gradient sampling, which estimates
 * the Clarke subdifferential of any locally Lipschitz field from gradients at random nearby points.
 */
package dev.nabla.core.nonsmooth;
