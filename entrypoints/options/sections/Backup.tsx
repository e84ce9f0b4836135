/** Options section "Backup" (placeholder until its issue lands). */
export function BackupSection() {
  return <p class="muted">…</p>;
}
