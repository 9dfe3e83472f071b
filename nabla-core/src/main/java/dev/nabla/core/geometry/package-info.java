/**
 * What the gradient is used for in geometry: steepest ascent and descent at a point, the classification of
 * stationary points by the Hessian, level sets (normal, tangent space, tangent line or plane), curvilinear
 * coordinate systems (polar, cylindrical, spherical), the chain rule as a composition of fields, and embedded
 * manifolds with their tangent-space projections, Riemannian gradients and retractions.
 */
package dev.nabla.core.geometry;
