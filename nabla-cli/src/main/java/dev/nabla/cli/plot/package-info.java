/** Small self-contained renderers for command output files: SVG contour maps with a descent path. */
package dev.nabla.cli.plot;
