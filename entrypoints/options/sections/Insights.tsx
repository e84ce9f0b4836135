/** Options section "Insights" (placeholder until its issue lands). */
export function InsightsSection() {
  return <p class="muted">…</p>;
}
