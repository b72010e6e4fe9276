/** The audit trail, owner only: who did what and when. Being built. */
export function AuditScreen() {
  return <p>Auditoria: em construção.</p>;
}
