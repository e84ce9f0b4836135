/** Options section "Settings" (placeholder until its issue lands). */
export function SettingsSection() {
  return <p class="muted">…</p>;
}
