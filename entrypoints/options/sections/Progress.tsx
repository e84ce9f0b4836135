/** Options section "Progress" (placeholder until its issue lands). */
export function ProgressSection() {
  return <p class="muted">…</p>;
}
