/** The formal path (negativação), owner only: candidates, notices, bureau records, removals. Being built. */
export function FormalScreen() {
  return <p>Cobrança formal: em construção.</p>;
}
