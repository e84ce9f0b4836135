/** Options section "Profile" (placeholder until its issue lands). */
export function ProfileSection() {
  return <p class="muted">…</p>;
}
