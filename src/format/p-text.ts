// A p-value for people: "p < 0.001" below what a reader compares against, else three
// decimals. The exact value is in the reason's figures (pValue) for who needs it.
export function pText(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}
