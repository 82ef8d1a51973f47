// A p-value for people: "p < 0.001" below what a reader compares against, else three
// decimals. (formatP keeps the exponent for reasons, whose figures are read closely.)
export function pText(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}
