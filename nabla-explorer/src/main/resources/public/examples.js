// Every worked example and exercise of the source documents, plus classic test functions.
// window = [xmin, xmax, ymin, ymax]; point and direction as the documents use them.
export const EXAMPLES = [
  { name: 'Worked example: x² sin y + y³', expr: 'x^2*sin(y) + y^3', window: [-2, 2, -2, 2], point: [0.7, 1.2], direction: [1, -2] },
  { name: 'Exercise 1: exp(x sin y)·ln(1+x²+y²)', expr: 'exp(x*sin(y))*ln(1 + x^2 + y^2)', window: [-2, 2, -2, 2], point: [1, 0.5], direction: [1, 1] },
  { name: 'Exercise 1: exp(xy) + cos(x−y)', expr: 'exp(x*y) + cos(x - y)', window: [-2, 2, -2, 2], point: [0.5, 0.5], direction: [1, 0] },
  { name: 'Exercise 2: ‖x‖ = sqrt(x²+y²) (kink at 0)', expr: 'sqrt(x^2 + y^2)', window: [-2, 2, -2, 2], point: [0, 0], direction: [1, 1] },
  { name: 'Exercise 3: counterexample x²y/(x²+y²), f(0,0)=0', expr: 'if(x == 0 and y == 0, 0, x^2*y/(x^2+y^2))', window: [-1, 1, -1, 1], point: [0, 0], direction: [1, 1] },
  { name: 'Exercise 4: ln(x²+y²) (f_r = 2/r)', expr: 'ln(x^2 + y^2)', window: [-2, 2, -2, 2], point: [1, 1], direction: [1, 1] },
  { name: 'Exercise 5: ½xᵀQx, Q = [[3,1],[1,2]]', expr: '0.5*(3*x^2 + 2*x*y + 2*y^2)', window: [-2, 2, -2, 2], point: [1.5, -1], direction: [-1, 0] },
  { name: '½xᵀQx + bᵀx, Q = [[3,1],[1,2]], b = (1,−1)', expr: '0.5*(3*x^2 + 2*x*y + 2*y^2) + x - y', window: [-2, 2, -2, 2], point: [1, 1], direction: [0, 1] },
  { name: 'Parameters a·x² + b·y² (slide a and b: ellipses, a saddle when a·b < 0)', expr: 'a*x^2 + b*y^2', window: [-2, 2, -2, 2], point: [1, 0.5], direction: [1, 1], parameters: { a: 1, b: 3 } },
  { name: 'Three variables: x² + y² + z² (level surfaces are spheres, ∇f their normal)', expr: 'x^2 + y^2 + z^2', window: [-2, 2, -2, 2], point: [1, 0.5, 0.5], direction: [1, 0, 0] },
  { name: 'Three variables: x² + y² − z² (hyperboloids, a cone through 0)', expr: 'x^2 + y^2 - z^2', window: [-2, 2, -2, 2], point: [1, 0, 0.5], direction: [0, 1, 1] },
  { name: 'Saddle x² − y²', expr: 'x^2 - y^2', window: [-2, 2, -2, 2], point: [0, 0], direction: [1, 0] },
  { name: 'Rosenbrock (1−x)² + 100(y−x²)²', expr: '(1 - x)^2 + 100*(y - x^2)^2', window: [-2, 2, -1, 3], point: [-1.2, 1], direction: [1, 0] },
  { name: 'Himmelblau', expr: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2', window: [-5, 5, -5, 5], point: [0, 0], direction: [1, 1] },
  { name: 'Beale', expr: '(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2', window: [-4.5, 4.5, -4.5, 4.5], point: [1, 1], direction: [1, 0] },
  { name: 'Booth', expr: '(x + 2*y - 7)^2 + (2*x + y - 5)^2', window: [-10, 10, -10, 10], point: [0, 0], direction: [1, 0] },
  { name: '|x| + |y| (kinks on the axes)', expr: 'abs(x) + abs(y)', window: [-2, 2, -2, 2], point: [0, 0.5], direction: [1, 0] },
  { name: 'max(x, y) (kink on x = y)', expr: 'max(x, y)', window: [-2, 2, -2, 2], point: [0.5, 0.5], direction: [1, -1] },
];
