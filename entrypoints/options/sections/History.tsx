/** Options section "History" (placeholder until its issue lands). */
export function HistorySection() {
  return <p class="muted">…</p>;
}
